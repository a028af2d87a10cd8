package io.sluice.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.sluice.stream.DestinationCounters;
import io.sluice.stream.Stream;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Per stream (label {@code stream}): its counters ({@link StreamCountersCollector}) and the fill of its ring; per
 * destination (labels {@code stream}, {@code destination}): events written and failed, retried pushes and
 * bytes written. Callbacks reading the writers' counters when scraped.
 */
final class StreamMetrics
{
    private StreamMetrics()
    {
    }

    /**
     * @param registry where the metrics go.
     * @param streams  the configured streams.
     */
    static void register(final PrometheusRegistry registry, final List<Stream> streams)
    {
        registry.register(new StreamCountersCollector(streams));
        GaugeWithCallback.builder().name("sluice_stream_ring_used_slots")
            .help("Slots of the stream's ring holding events its writer has not taken yet.").labelNames("stream")
            .callback(callback -> streams.forEach(stream -> callback.call(stream.ringUsed(), stream.config().name())))
            .register(registry);
        GaugeWithCallback.builder().name("sluice_stream_ring_slots").help("Slots of the stream's ring (buffer.size).")
            .labelNames("stream")
            .callback(callback -> streams.forEach(stream -> callback.call(stream.ringSize(), stream.config().name())))
            .register(registry);
        destination(registry, streams, "sluice_destination_written_events", "Events the destination accepted.",
            DestinationCounters::written);
        destination(registry, streams, "sluice_destination_failed_events", "Events the destination failed.",
            DestinationCounters::failed);
        destination(registry, streams, "sluice_destination_retries", "Pushes retried after the destination failed one.",
            DestinationCounters::retried);
        destination(registry, streams, "sluice_destination_written_bytes",
            "Bytes of the renderings of the events the destination accepted (protocol framing not counted).",
            DestinationCounters::bytes);
    }

    private static void destination(final PrometheusRegistry registry, final List<Stream> streams, final String name,
        final String help, final ToLongFunction<DestinationCounters> value)
    {
        CounterWithCallback.builder().name(name).help(help).labelNames("stream", "destination").callback(callback ->
        {
            for (final Stream stream : streams)
            {
                final String[] destinations = stream.destinationNames();
                for (int d = 0; d < destinations.length; d++)
                {
                    callback.call(value.applyAsLong(stream.destinationCounters(d)), stream.config().name(), destinations[d]);
                }
            }
        }).register(registry);
    }
}
