package io.sluice.metrics;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.sluice.stream.LatencyHistogram;
import io.sluice.stream.Stream;

import java.util.List;

/**
 * {@code sluice_stream_latency_seconds}: per stream, how long its delivered events took from their entry into the main
 * ring to the acceptance by every destination of the stream, from the {@link LatencyHistogram} its writer
 * keeps (classic buckets, 1 µs to 10 s).
 */
final class LatencyCollector implements Collector
{
    private static final double NANOS_PER_SECOND = 1e9;

    private final List<Stream> streams;
    private final double[] bounds;

    LatencyCollector(final List<Stream> streams)
    {
        this.streams = streams;
        this.bounds = new double[LatencyHistogram.buckets()];
        for (int b = 0; b < bounds.length - 1; b++)
        {
            bounds[b] = LatencyHistogram.upperBoundNanos(b) / NANOS_PER_SECOND;
        }
        bounds[bounds.length - 1] = Double.POSITIVE_INFINITY;
    }

    @Override
    public MetricSnapshot collect()
    {
        final HistogramSnapshot.Builder histogram = HistogramSnapshot.builder().name("sluice_stream_latency_seconds")
            .help("Time from the event's entry into the main ring to its acceptance by every destination of the stream,"
                + " per delivered event.");
        for (final Stream stream : streams)
        {
            final LatencyHistogram latency = stream.latency();
            // the sum first: counts read after it cover at least the events it sums
            final double sum = latency.sumNanos() / NANOS_PER_SECOND;
            final long[] counts = new long[bounds.length];
            for (int b = 0; b < counts.length; b++)
            {
                counts[b] = latency.count(b);
            }
            histogram.dataPoint(HistogramDataPointSnapshot.builder().labels(Labels.of("stream", stream.config().name()))
                .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, counts)).sum(sum).build());
        }
        return histogram.build();
    }
}
