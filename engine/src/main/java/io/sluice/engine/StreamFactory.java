package io.sluice.engine;

import io.sluice.config.FormatSpec;
import io.sluice.format.EventFormatter;
import io.sluice.format.FormatContext;
import io.sluice.output.DestinationContext;
import io.sluice.stream.SharedFormat;
import io.sluice.stream.Stream;
import io.sluice.stream.StreamEnvironment;
import io.sluice.stream.StreamOutput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a compiled {@link StreamPlan} into running parts: per stream one formatter per distinct format, its
 * destinations (each built by its type's entry), and its ring. Each destination's format is also named by a
 * {@link SharedFormat} (its spec, name and options, and whether it colours), so a router group can render an event once
 * for every stream whose destinations render alike.
 */
final class StreamFactory
{
    private final FormatContext formats;
    private final String sourceDescription;

    /**
     * @param formats           what every destination's format is built with; each destination's own
     *                          {@link FormatContext#forDestination} adds whether it is a terminal.
     * @param sourceDescription the source, for destinations that record it.
     */
    StreamFactory(final FormatContext formats, final String sourceDescription)
    {
        this.formats = formats;
        this.sourceDescription = sourceDescription;
    }

    /**
     * Destinations of one format share a formatter, except that a colouring format colours only some of them; across
     * streams, destinations of equal keys render every event to the same bytes.
     */
    private record FormatterKey(FormatSpec spec, boolean colored)
    {
    }

    List<Stream> build(final StreamPlan plan, final StreamEnvironment environment)
    {
        final List<Stream> streams = new ArrayList<>();
        for (final PlannedStream planned : plan.streams())
        {
            // destinations of one format share one formatter instance: each event is rendered once per format
            final Map<FormatterKey, EventFormatter> formatters = new LinkedHashMap<>();
            final DestinationContext context = new DestinationContext(formats.policyNames(), planned.config().name(),
                sourceDescription, environment.problems(), formats.catalog());
            final List<StreamOutput> outputs = new ArrayList<>();
            for (final PlannedDestination destination : planned.destinations())
            {
                final FormatContext formatContext = formats.forDestination(destination.config().path());
                final FormatterKey key = new FormatterKey(destination.config().format(),
                    destination.format().colors() && formatContext.colored());
                final EventFormatter formatter = formatters.computeIfAbsent(key,
                    unused -> destination.format().create(key.spec(), formatContext));
                final SharedFormat shared = new SharedFormat(key,
                    () -> destination.format().create(key.spec(), formatContext));
                outputs.add(new StreamOutput(destination.kind().create(destination.config(), context), formatter,
                    destination.config().retry(), shared));
            }
            streams.add(new Stream(planned.config(), planned.events(), planned.policies(), planned.exports(), outputs,
                environment));
        }
        return streams;
    }
}
