package io.sluice.engine;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.config.ConfigException;
import io.sluice.config.DestinationConfig;
import io.sluice.config.OutputConfig;
import io.sluice.config.StreamConfig;
import io.sluice.filter.StreamExportFilters;
import io.sluice.filter.lineage.LineageCondition;
import io.sluice.filter.route.EventIdFilter;
import io.sluice.filter.route.PolicyFilter;
import io.sluice.format.Format;
import io.sluice.format.Formats;
import io.sluice.output.DestinationKinds;

import java.util.ArrayList;
import java.util.List;

/**
 * The output config compiled once, at configuration time: per stream its event and policy filters resolved to ids and
 * bits and its own export filters compiled, per destination its format and type looked up. {@code sluice validate}
 * and the engine both compile it here, and both call {@link #preflight}, so validate refuses what a run refuses.
 */
public final class StreamPlan
{
    private final List<PlannedStream> streams;

    private StreamPlan(final List<PlannedStream> streams)
    {
        this.streams = streams;
    }

    /**
     * @param output      the validated output config.
     * @param catalog     the events filters may name.
     * @param policyNames the policies in force, by bit.
     * @return the plan.
     * @throws ConfigException for an unknown event, policy or destination, a bad export filter, or a format not available.
     */
    public static StreamPlan compile(final OutputConfig output, final EventCatalog catalog, final String[] policyNames)
    {
        final List<PlannedStream> streams = new ArrayList<>();
        for (final StreamConfig config : output.streams())
        {
            final List<PlannedDestination> destinations = new ArrayList<>();
            for (final String name : config.destinations())
            {
                final DestinationConfig destination = output.destination(name);
                if (destination == null)
                {
                    throw new ConfigException("output", "streams." + config.name() + ".destinations", name, "no such destination");
                }
                destinations.add(new PlannedDestination(destination, format(destination), DestinationKinds.of(destination)));
            }
            streams.add(new PlannedStream(config, eventFilter(config, catalog), policyFilter(config, policyNames),
                StreamExportFilters.compile(config.name(), config.exports(), catalog, policyNames), List.copyOf(destinations)));
        }
        return new StreamPlan(List.copyOf(streams));
    }

    /**
     * @return every stream, in config order.
     */
    public List<PlannedStream> streams()
    {
        return streams;
    }

    /**
     * Checks what each destination needs of the outside world before a run starts (see
     * {@link io.sluice.output.DestinationKind#preflight}).
     *
     * @throws ConfigException for the first destination a run could not open.
     */
    public void preflight()
    {
        for (final PlannedStream stream : streams)
        {
            for (final PlannedDestination destination : stream.destinations())
            {
                destination.kind().preflight(destination.config());
            }
        }
    }

    /**
     * @return the lineage conditions of every stream's own export filters.
     */
    public List<LineageCondition> lineageConditions()
    {
        final List<LineageCondition> lineage = new ArrayList<>();
        for (final PlannedStream stream : streams)
        {
            if (stream.exports() != null)
            {
                lineage.addAll(stream.exports().lineageConditions());
            }
        }
        return lineage;
    }

    private static Format format(final DestinationConfig destination)
    {
        final Format format = Formats.byKey(destination.format().key());
        if (format == null)
        {
            throw new ConfigException("output", "destinations." + destination.name() + ".format",
                destination.format().toString(), "unknown format");
        }
        try
        {
            format.check(destination.format());
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ConfigException("output", "destinations." + destination.name() + ".format",
                destination.format().toString(), ex.getMessage());
        }
        return format;
    }

    private static EventIdFilter eventFilter(final StreamConfig config, final EventCatalog catalog)
    {
        final List<Integer> ids = new ArrayList<>();
        for (final String name : config.events())
        {
            final EventDefinition event = catalog.byName(name);
            if (event == null)
            {
                throw new ConfigException("output", "streams." + config.name() + ".filters.events", name, "unknown event");
            }
            ids.add(event.id());
        }
        return EventIdFilter.of(ids);
    }

    private static PolicyFilter policyFilter(final StreamConfig config, final String[] policyNames)
    {
        long mask = 0;
        for (final String policy : config.policies())
        {
            final int bit = PolicyFilter.bitOf(policyNames, policy);
            if (bit < 0)
            {
                throw new ConfigException("output", "streams." + config.name() + ".filters.policies", policy, "unknown policy");
            }
            mask |= 1L << bit;
        }
        return PolicyFilter.ofMask(mask);
    }
}
