package io.sluice.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.sluice.stream.Stream;
import io.sluice.stream.StreamCounters;

import java.util.List;

/**
 * Each stream's event counters, read together: the settled counts (delivered, dropped, failed, undelivered) first and
 * {@code matched} last, so in every scrape {@code matched == delivered + dropped + failed + undelivered + pending},
 * where {@code pending} (a gauge) is what the stream holds: in its ring, or given to destinations that have not
 * answered yet. Read separately, a later counter could count events matched after {@code matched} was read.
 */
final class StreamCountersCollector implements MultiCollector
{
    private final List<Stream> streams;

    StreamCountersCollector(final List<Stream> streams)
    {
        this.streams = streams;
    }

    @Override
    public io.prometheus.metrics.model.snapshots.MetricSnapshots collect()
    {
        final CounterSnapshot.Builder matched = counter("sluice_stream_matched_events", "Events that passed the stream's filters.");
        final CounterSnapshot.Builder delivered = counter("sluice_stream_delivered_events",
            "Events every destination of the stream accepted.");
        final CounterSnapshot.Builder dropped = counter("sluice_stream_dropped_events",
            "Events dropped because the stream's ring was full (drop mode).");
        final CounterSnapshot.Builder failed = counter("sluice_stream_failed_events",
            "Events a destination of the stream failed, or that could not be filtered or rendered.");
        final CounterSnapshot.Builder undelivered = counter("sluice_stream_undelivered_events",
            "Events still held back when the drain timeout at exit passed.");
        final GaugeSnapshot.Builder pending = GaugeSnapshot.builder().name("sluice_stream_pending_events")
            .help("Events matched and not settled yet: in the stream's ring, or held by destinations that have not answered.");
        for (final Stream stream : streams)
        {
            final StreamCounters counters = stream.counters();
            // the reverse of the writers' order (a revoke lowers delivered, then raises failed; matched is raised first):
            // an event moving between two counts during the scrape is missed at most, never counted twice
            final long failedNow = counters.failed();
            final long undeliveredNow = counters.undelivered();
            final long droppedNow = counters.dropped();
            final long deliveredNow = counters.delivered();
            final long matchedNow = counters.matched();
            final Labels labels = Labels.of("stream", stream.config().name());
            delivered.dataPoint(point(deliveredNow, labels));
            dropped.dataPoint(point(droppedNow, labels));
            failed.dataPoint(point(failedNow, labels));
            undelivered.dataPoint(point(undeliveredNow, labels));
            matched.dataPoint(point(matchedNow, labels));
            pending.dataPoint(GaugeDataPointSnapshot.builder().labels(labels)
                .value(matchedNow - deliveredNow - droppedNow - failedNow - undeliveredNow).build());
        }
        return io.prometheus.metrics.model.snapshots.MetricSnapshots.of(matched.build(), delivered.build(), dropped.build(),
            failed.build(), undelivered.build(), pending.build());
    }

    private static CounterSnapshot.Builder counter(final String name, final String help)
    {
        return CounterSnapshot.builder().name(name).help(help);
    }

    private static CounterDataPointSnapshot point(final long value, final Labels labels)
    {
        return CounterDataPointSnapshot.builder().labels(labels).value(value).build();
    }
}
