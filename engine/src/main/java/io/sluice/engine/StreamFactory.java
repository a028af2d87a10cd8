package io.sluice.engine;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.config.ConfigException;
import io.sluice.config.DestinationConfig;
import io.sluice.config.DestinationType;
import io.sluice.config.FormatSpec;
import io.sluice.config.OutputConfig;
import io.sluice.config.StreamConfig;
import io.sluice.destination.Destination;
import io.sluice.destination.FileDestination;
import io.sluice.destination.JournalDestination;
import io.sluice.config.JournalRoll;
import io.sluice.journal.JournalHeader;
import io.sluice.format.RecordFormatter;
import java.nio.file.Paths;
import io.sluice.filter.route.EventIdFilter;
import io.sluice.filter.route.PolicyFilter;
import io.sluice.filter.StreamExportFilters;
import io.sluice.format.EventFormatter;
import io.sluice.format.JsonFormatter;
import io.sluice.format.TableFormatter;
import io.sluice.stream.Stream;
import io.sluice.stream.StreamEnvironment;
import io.sluice.stream.StreamOutput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the validated output config into running parts: per stream its filters, one formatter per distinct
 * format, its destinations, and its ring.
 */
final class StreamFactory
{
    private final EventCatalog catalog;
    private final EngineOptions options;
    private final String sourceDescription;

    StreamFactory(final EventCatalog catalog, final EngineOptions options, final String sourceDescription)
    {
        this.catalog = catalog;
        this.options = options;
        this.sourceDescription = sourceDescription;
    }

    List<Stream> build(final OutputConfig output, final StreamEnvironment environment)
    {
        final List<Stream> streams = new ArrayList<>();
        for (final StreamConfig config : output.streams())
        {
            // destinations of one format share one formatter instance: each event is rendered once per format
            final Map<FormatSpec, EventFormatter> formatters = new LinkedHashMap<>();
            final List<StreamOutput> outputs = new ArrayList<>();
            for (final String name : config.destinations())
            {
                final DestinationConfig destination = output.destination(name);
                if (destination == null)
                {
                    throw new ConfigException("output", "streams." + config.name() + ".destinations", name, "no such destination");
                }
                final EventFormatter formatter = formatters.computeIfAbsent(destination.format(), f -> formatter(destination));
                outputs.add(new StreamOutput(destination(destination, config.name()), formatter, destination.retry()));
            }
            streams.add(new Stream(
                config, eventFilter(config), policyFilter(config),
                StreamExportFilters.compile(config.name(), config.exports(), catalog, options.policyNames()),
                outputs, environment));
        }
        return streams;
    }

    private EventIdFilter eventFilter(final StreamConfig config)
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

    private PolicyFilter policyFilter(final StreamConfig config)
    {
        long mask = 0;
        final String[] names = options.policyNames();
        for (final String policy : config.policies())
        {
            int bit = -1;
            for (int i = 0; i < names.length; i++)
            {
                if (policy.equals(names[i]))
                {
                    bit = i;
                }
            }
            if (bit < 0)
            {
                throw new ConfigException("output", "streams." + config.name() + ".filters.policies", policy, "unknown policy");
            }
            mask |= 1L << bit;
        }
        return PolicyFilter.ofMask(mask);
    }

    private EventFormatter formatter(final DestinationConfig destination)
    {
        return switch (destination.format().kind())
        {
            case JSON -> new JsonFormatter(catalog, options.policyNames());
            case TABLE -> new TableFormatter(catalog);
            case SBE -> new RecordFormatter();
            default -> throw new ConfigException("output", "destinations." + destination.name() + ".format",
                destination.format().toString(), "format not available yet");
        };
    }

    private Destination destination(final DestinationConfig destination, final String stream)
    {
        if (destination.type() == DestinationType.JOURNAL)
        {
            return new JournalDestination(destination.name(), Paths.get(destination.path()),
                destination.roll() == null ? JournalRoll.DEFAULT : destination.roll(),
                JournalHeader.now(options.policyNames(), stream, sourceDescription));
        }
        if (destination.type() != DestinationType.FILE)
        {
            throw new ConfigException("output", "destinations." + destination.name() + ".type",
                destination.type().key(), "destination type not available yet");
        }
        final String path = destination.path() == null ? FileDestination.STDOUT : destination.path();
        final boolean terminal = (FileDestination.STDOUT.equals(path) || FileDestination.STDERR.equals(path)) &&
            System.console() != null;
        return new FileDestination(destination.name(), path, terminal, destination.rotation());
    }
}
