package io.sluice.stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A latency falls in the first bucket whose upper bound it does not exceed (bounds are inclusive, as Prometheus's
 * {@code le}); past the last bound it falls in the last bucket; a negative one counts as 0. A tap (sluice bench's exact
 * histogram) sees every latency counted, as counted.
 */
class LatencyHistogramTest
{
    private final LatencyHistogram histogram = new LatencyHistogram();

    @Test
    void aLatencyFallsInTheFirstBucketThatHoldsIt()
    {
        histogram.record(1_000L);
        histogram.record(1_001L);
        histogram.record(-5L);
        histogram.record(10_000_000_000L);
        histogram.record(10_000_000_001L);
        assertEquals(2, histogram.count(0), "1 µs and a negative latency");
        assertEquals(1, histogram.count(1), "just over 1 µs: the 2.5 µs bucket");
        assertEquals(10_000_000_000L, LatencyHistogram.upperBoundNanos(LatencyHistogram.buckets() - 2));
        assertEquals(1, histogram.count(LatencyHistogram.buckets() - 2), "10 s exactly");
        assertEquals(1, histogram.count(LatencyHistogram.buckets() - 1), "past the last bound");
        assertEquals(1_000L + 1_001L + 10_000_000_000L + 10_000_000_001L, histogram.sumNanos());
    }

    @Test
    void aTapSeesEveryLatencyAsCounted()
    {
        final java.util.List<Long> tapped = new java.util.ArrayList<>();
        histogram.tap(tapped::add);
        histogram.record(1_234L);
        histogram.record(-5L);
        histogram.record(7_000_000L);
        assertEquals(java.util.List.of(1_234L, 0L, 7_000_000L), tapped);
    }
}
