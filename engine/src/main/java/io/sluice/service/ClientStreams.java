package io.sluice.service;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.config.ConfigException;
import io.sluice.config.RetryPolicy;
import io.sluice.config.StreamConfig;
import io.sluice.engine.LiveEngine;
import io.sluice.filter.StreamExportFilters;
import io.sluice.filter.route.EventIdFilter;
import io.sluice.filter.route.PolicyFilter;
import io.sluice.proto.v1beta1.StreamEventsRequest;
import io.sluice.stream.Stream;
import io.sluice.stream.StreamEnvironment;
import io.sluice.stream.StreamOutput;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a client's {@link Stream} from its {@code StreamEventsRequest}: the request as a stream's config
 * ({@link ClientStreamConfig}), its events and policies resolved against the catalog and the policies in force, its
 * Tetragon filters compiled by the compiler configured streams use, and the call as its one destination. A request
 * the compiler refuses is a {@link BadRequestException} whose message names the request's field and value.
 */
final class ClientStreams
{
    private final LiveEngine engine;

    /**
     * @param engine what client streams are built from.
     */
    ClientStreams(final LiveEngine engine)
    {
        this.engine = engine;
    }

    /**
     * @param name        the client's stream name.
     * @param request     what it asked for.
     * @param destination its call.
     * @param environment what its stream runs with.
     * @return the stream, not started.
     * @throws BadRequestException naming the field and value the server refuses.
     */
    Stream build(final String name, final StreamEventsRequest request, final ClientDestination destination,
        final StreamEnvironment environment)
    {
        final StreamConfig config;
        final StreamExportFilters exports;
        try
        {
            config = ClientStreamConfig.of(name, request);
            exports = StreamExportFilters.compile(name, config.exports(), engine.catalog(), engine.policyNames());
        }
        catch (final IllegalArgumentException ex)
        {
            throw new BadRequestException(ex.getMessage());
        }
        catch (final ConfigException ex)
        {
            throw new BadRequestException(describe(name, ex));
        }
        if (exports != null && !exports.lineageConditions().isEmpty())
        {
            throw new BadRequestException(exports.lineageConditions().get(0).field() + ": a client's filters cannot use"
                + " process lineage (pid_set, ancestor_binary_regex, arguments_regex, parent_arguments_regex): the ingest"
                + " thread marks lineage only for the filters configured when the run starts");
        }
        final List<StreamOutput> outputs = List.of(new StreamOutput(destination,
            new ResponseFormatter(engine.catalog(), engine.policyNames()), RetryPolicy.DEFAULTS));
        return new Stream(config, events(request.getEventsList(), engine.catalog()),
            policies(request.getPoliciesList(), engine.policyNames()), exports, outputs, environment);
    }

    /**
     * @param names   event names or set names.
     * @param catalog the catalog.
     * @return the filter of their events (every event when none is named).
     */
    static EventIdFilter events(final List<String> names, final EventCatalog catalog)
    {
        if (names.isEmpty())
        {
            return EventIdFilter.all();
        }
        final Set<Integer> ids = new LinkedHashSet<>();
        for (final String name : names)
        {
            final EventDefinition event = catalog.byName(name);
            if (event != null)
            {
                ids.add(event.id());
                continue;
            }
            final int before = ids.size();
            catalog.events().stream().filter(definition -> definition.sets().contains(name)).forEach(set -> ids.add(set.id()));
            if (ids.size() == before)
            {
                throw new BadRequestException("events: '" + name + "': no such event or set (see GetEventDefinitions)");
            }
        }
        return EventIdFilter.of(new ArrayList<>(ids));
    }

    private static PolicyFilter policies(final List<String> names, final String[] policyNames)
    {
        long mask = 0;
        for (final String name : names)
        {
            final int bit = PolicyFilter.bitOf(policyNames, name);
            if (bit < 0)
            {
                throw new BadRequestException("policies: '" + name + "': no such policy (in force: " +
                    (policyNames.length == 0 ? "none" : String.join(", ", policyNames)) + ")");
            }
            mask |= 1L << bit;
        }
        return PolicyFilter.ofMask(mask);
    }

    /**
     * The filter compiler names a configured stream's section ({@code streams.<name>.filters.allow}); a client's message
     * names the request's field instead.
     */
    private static String describe(final String name, final ConfigException ex)
    {
        final String prefix = "streams." + name + ".filters.";
        final String origin = ex.origin();
        if (!origin.startsWith(prefix))
        {
            return ex.getMessage();
        }
        final String section = switch (origin.substring(prefix.length()))
        {
            case "allow" -> "allow_list";
            case "deny" -> "deny_list";
            case "fields" -> "mask/field_filters";
            default -> origin.substring(prefix.length());
        };
        return section + ex.getMessage().substring(origin.length());
    }
}
