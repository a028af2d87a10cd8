package io.sluice.engine;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.FormatSpec;
import io.sluice.format.EventFormatter;
import io.sluice.format.FormatContext;
import io.sluice.output.DestinationContext;
import io.sluice.stream.Stream;
import io.sluice.stream.StreamEnvironment;
import io.sluice.stream.StreamOutput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a compiled {@link StreamPlan} into running parts: per stream one formatter per distinct format, its
 * destinations (each built by its type's entry), and its ring.
 */
final class StreamFactory
{
    private final EventCatalog catalog;
    private final String[] policyNames;
    private final String sourceDescription;

    StreamFactory(final EventCatalog catalog, final String[] policyNames, final String sourceDescription)
    {
        this.catalog = catalog;
        this.policyNames = policyNames;
        this.sourceDescription = sourceDescription;
    }

    List<Stream> build(final StreamPlan plan, final StreamEnvironment environment)
    {
        final List<Stream> streams = new ArrayList<>();
        for (final PlannedStream planned : plan.streams())
        {
            // destinations of one format share one formatter instance: each event is rendered once per format
            final Map<FormatSpec, EventFormatter> formatters = new LinkedHashMap<>();
            final FormatContext formatContext = new FormatContext(catalog, policyNames);
            final DestinationContext context = new DestinationContext(policyNames, planned.config().name(), sourceDescription,
                environment.problems());
            final List<StreamOutput> outputs = new ArrayList<>();
            for (final PlannedDestination destination : planned.destinations())
            {
                final EventFormatter formatter = formatters.computeIfAbsent(destination.config().format(),
                    spec -> destination.format().create(spec, formatContext));
                outputs.add(new StreamOutput(destination.kind().create(destination.config(), context), formatter,
                    destination.config().retry()));
            }
            streams.add(new Stream(planned.config(), planned.events(), planned.policies(), planned.exports(), outputs,
                environment));
        }
        return streams;
    }
}
