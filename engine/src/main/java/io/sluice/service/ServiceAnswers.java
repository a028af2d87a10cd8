package io.sluice.service;

import io.sluice.codec.catalog.ArgDefinition;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.detect.Detector;
import io.sluice.detect.DetectorSet;
import io.sluice.engine.LiveEngine;
import io.sluice.engine.SluiceVersion;
import io.sluice.proto.v1beta1.ArgumentDefinition;
import io.sluice.proto.v1beta1.GetCountersResponse;
import io.sluice.proto.v1beta1.GetEventDefinitionsResponse;
import io.sluice.proto.v1beta1.GetVersionResponse;
import io.sluice.proto.v1beta1.Mitre;
import io.sluice.proto.v1beta1.MitreTactic;
import io.sluice.proto.v1beta1.MitreTechnique;
import io.sluice.proto.v1beta1.Severity;
import io.sluice.proto.v1beta1.StreamCounters;
import io.sluice.proto.v1beta1.Threat;
import io.sluice.stream.Stream;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers of the service's unary calls: the catalog as {@code EventDefinition}s (with the threat of each detector's
 * event), the version, and the run's counters (ingested, lost in the kernel, per configured stream and per client).
 */
final class ServiceAnswers
{
    private final LiveEngine engine;
    private final Map<String, io.sluice.detect.Threat> threats = new HashMap<>();

    /**
     * @param engine the running engine.
     */
    ServiceAnswers(final LiveEngine engine)
    {
        this.engine = engine;
        for (final Detector detector : DetectorSet.all(engine.catalog()))
        {
            threats.put(detector.eventName(), detector.threat());
        }
    }

    /**
     * @param names event or set names; empty = every event.
     * @return their definitions, in catalog order.
     * @throws BadRequestException for a name that is neither.
     */
    GetEventDefinitionsResponse definitions(final List<String> names)
    {
        final EventCatalog catalog = engine.catalog();
        final GetEventDefinitionsResponse.Builder answer = GetEventDefinitionsResponse.newBuilder();
        final io.sluice.filter.route.EventIdFilter wanted = RequestFilters.eventsNamed(names, catalog, RequestFilters.Names.REQUEST);
        for (final EventDefinition event : catalog.events())
        {
            if (!wanted.matches(event.id()))
            {
                continue;
            }
            final io.sluice.proto.v1beta1.EventDefinition.Builder definition = io.sluice.proto.v1beta1.EventDefinition
                .newBuilder().setId(event.id()).setName(event.name()).addAllTags(event.sets());
            for (final ArgDefinition argument : event.args())
            {
                definition.addArguments(ArgumentDefinition.newBuilder().setName(argument.name())
                    .setType(argument.type().jsonName()));
            }
            final io.sluice.detect.Threat threat = threats.get(event.name());
            if (threat != null)
            {
                definition.setThreat(threat(threat)).setDescription(threat.description());
            }
            answer.addDefinitions(definition);
        }
        return answer.build();
    }

    private static Threat threat(final io.sluice.detect.Threat threat)
    {
        return Threat.newBuilder().setName(threat.name()).setDescription(threat.description())
            .setSeverity(Severity.forNumber(threat.severity()))
            .setMitre(Mitre.newBuilder().setTactic(MitreTactic.newBuilder().setName(threat.tactic()))
                .setTechnique(MitreTechnique.newBuilder().setId(threat.techniqueId())
                    .setExternalId(threat.techniqueExternalId()).setName(threat.techniqueName())))
            .putAllProperties(threat.properties()).build();
    }

    /**
     * @return the server's version.
     */
    static GetVersionResponse version()
    {
        return GetVersionResponse.newBuilder().setVersion(SluiceVersion.get()).build();
    }

    /**
     * @param clients the clients connected now.
     * @param ended   the clients that left most recently.
     * @return the counters.
     */
    GetCountersResponse counters(final List<StreamCounters> clients, final List<StreamCounters> ended)
    {
        final GetCountersResponse.Builder answer = GetCountersResponse.newBuilder().setIngested(engine.ingested())
            .setKernelLost(engine.kernelLost()).addAllClients(clients).addAllEndedClients(ended);
        for (final Stream stream : engine.streams())
        {
            final io.sluice.stream.StreamCounters counters = stream.counters();
            answer.addStreams(StreamCounters.newBuilder().setName(stream.config().name()).setMatched(counters.matched())
                .setDelivered(counters.delivered()).setDropped(counters.dropped()).setFailed(counters.failed())
                .setUndelivered(counters.undelivered()));
        }
        return answer.build();
    }
}
