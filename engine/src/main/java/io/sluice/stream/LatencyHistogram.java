package io.sluice.stream;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * How long a stream's delivered events took from their entry into the main ring (the start of the ingest pass that
 * published them) to the moment every destination of the stream accepted them: fixed buckets (1 µs to 10 s, 1-2.5-5
 * steps, and one past the last), a sum and a count. One writer thread (the stream's writer, when an event settles
 * delivered) with plain ordered stores and no allocation; any thread may read (metrics, at scrape time).
 */
public final class LatencyHistogram
{
    /** Upper bounds of the buckets, in nanoseconds, ascending; one more bucket counts what lies past the last. */
    private static final long[] BOUNDS_NANOS = {
        1_000L, 2_500L, 5_000L, 10_000L, 25_000L, 50_000L, 100_000L, 250_000L, 500_000L,
        1_000_000L, 2_500_000L, 5_000_000L, 10_000_000L, 25_000_000L, 50_000_000L, 100_000_000L, 250_000_000L,
        500_000_000L, 1_000_000_000L, 2_500_000_000L, 5_000_000_000L, 10_000_000_000L};

    private final AtomicLongArray counts = new AtomicLongArray(BOUNDS_NANOS.length + 1);
    private final AtomicLong sumNanos = new AtomicLong();
    private LongConsumer tap;

    /**
     * Hand every latency counted to {@code tap} as well, on the writer thread (a load test's exact histogram: these
     * buckets are too wide for percentiles). Set before the engine runs, whose start publishes it to the writer.
     *
     * @param tap takes each latency in nanoseconds, never negative; must not allocate or block.
     */
    public void tap(final LongConsumer tap)
    {
        this.tap = tap;
    }

    /**
     * Count one latency. Writer thread only.
     *
     * @param nanos the latency; a negative value (clocks of two threads a few ns apart) counts as 0.
     */
    void record(final long nanos)
    {
        final long value = Math.max(0, nanos);
        int low = 0;
        int high = BOUNDS_NANOS.length;
        while (low < high)
        {
            final int mid = (low + high) >>> 1;
            if (BOUNDS_NANOS[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        counts.lazySet(low, counts.get(low) + 1);
        sumNanos.lazySet(sumNanos.get() + value);
        if (tap != null)
        {
            tap.accept(value);
        }
    }

    /**
     * @return how many buckets there are: one per bound, and one past the last.
     */
    public static int buckets()
    {
        return BOUNDS_NANOS.length + 1;
    }

    /**
     * @param bucket a bucket below {@link #buckets()} - 1.
     * @return its upper bound (inclusive) in nanoseconds.
     */
    public static long upperBoundNanos(final int bucket)
    {
        return BOUNDS_NANOS[bucket];
    }

    /**
     * @param bucket a bucket below {@link #buckets()}.
     * @return latencies counted in it (not cumulative).
     */
    public long count(final int bucket)
    {
        return counts.get(bucket);
    }

    /**
     * @return the sum of every latency counted, in nanoseconds.
     */
    public long sumNanos()
    {
        return sumNanos.get();
    }
}
