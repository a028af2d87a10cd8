package io.sluice.metrics;

import io.sluice.config.BufferMode;
import io.sluice.engine.EngineReadings;
import io.sluice.stream.Stream;
import io.sluice.stream.StreamCounters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the run is healthy ({@code /healthz}): it is while every stream moves or is idle. It is not, with the
 * reason, when the source failed or the kernel sensor exited (the loader died), when the source has been unable to
 * write for longer than the stall threshold because the shared ring stayed full (the kernel sensor stopped reading
 * the kernel's ring), or when a block stream has held events without settling any for longer than the threshold.
 * Progress is sampled ({@link #sample}, from a timer and on each check), so a stall is measured from the last time the
 * stream was seen to move; it recovers by itself as soon as it moves again.
 */
public final class HealthCheck
{
    private final EngineReadings readings;
    private final long stallNanos;
    private final List<Stream> blockStreams = new ArrayList<>();
    private final long[] settledSeen;
    private final long[] movedAt;
    private long producerSeen = -1;
    private long producerMovedAt;

    /**
     * @param readings the running engine.
     * @param stall    how long a block stream may hold events without settling any, or the source stay blocked.
     * @param now      {@link System#nanoTime()} now: the run counts as moving at this instant.
     */
    public HealthCheck(final EngineReadings readings, final Duration stall, final long now)
    {
        this.readings = readings;
        this.stallNanos = stall.toNanos();
        for (final Stream stream : readings.streams())
        {
            if (stream.mode() == BufferMode.BLOCK)
            {
                blockStreams.add(stream);
            }
        }
        this.settledSeen = new long[blockStreams.size()];
        this.movedAt = new long[blockStreams.size()];
        java.util.Arrays.fill(movedAt, now);
        this.producerMovedAt = now;
    }

    /**
     * @return how often progress should be sampled: a quarter of the threshold, at most a second.
     */
    public Duration sampleInterval()
    {
        return Duration.ofNanos(Math.max(10_000_000L, Math.min(1_000_000_000L, stallNanos / 4)));
    }

    /**
     * Note which streams moved (settled an event, or hold none) and whether the source could write.
     *
     * @param now {@link System#nanoTime()}.
     */
    public synchronized void sample(final long now)
    {
        for (int s = 0; s < blockStreams.size(); s++)
        {
            final StreamCounters counters = blockStreams.get(s).counters();
            final long settled = settled(counters);
            if (settled != settledSeen[s] || counters.matched() == settled)
            {
                settledSeen[s] = settled;
                movedAt[s] = now;
            }
        }
        final long producer = readings.sharedRingProducerPosition();
        if (producer != producerSeen || !sharedRingFull())
        {
            producerSeen = producer;
            producerMovedAt = now;
        }
    }

    /**
     * @param now {@link System#nanoTime()}.
     * @return why the run is unhealthy, one reason a line; empty when it is healthy.
     */
    public synchronized List<String> problems(final long now)
    {
        sample(now);
        final List<String> problems = new ArrayList<>();
        final String source = readings.sourceProblem();
        if (source != null)
        {
            problems.add(source);
        }
        if (now - producerMovedAt > stallNanos)
        {
            problems.add((readings.kernelSource() ? "the kernel sensor stopped reading the kernel's ring: it has" :
                "the source (" + readings.sourceDescription() + ") has") + " been blocked for " + seconds(now - producerMovedAt)
                + " on a full shared ring (the ingest thread is not reading it)");
        }
        for (int s = 0; s < blockStreams.size(); s++)
        {
            if (now - movedAt[s] > stallNanos)
            {
                final Stream stream = blockStreams.get(s);
                final StreamCounters counters = stream.counters();
                final long settled = settled(counters);
                problems.add("stream " + stream.config().name() + " (block) has been held back for " + seconds(now - movedAt[s])
                    + ": " + (counters.matched() - settled) + " events pending, none delivered or failed since");
            }
        }
        return problems;
    }

    private boolean sharedRingFull()
    {
        return readings.sharedRingCapacityBytes() - readings.sharedRingUsedBytes() < readings.sharedRingMaxRecordBytes();
    }

    /**
     * The settled counts first, so that matched, read after, is never below them; failed before delivered (a revoke
     * lowers delivered, then raises failed), so an event moving between the two is never counted twice.
     */
    private static long settled(final StreamCounters counters)
    {
        final long failed = counters.failed();
        final long undelivered = counters.undelivered();
        final long dropped = counters.dropped();
        return failed + undelivered + dropped + counters.delivered();
    }

    private static String seconds(final long nanos)
    {
        return String.format(java.util.Locale.ROOT, "%.1fs", nanos / 1e9);
    }
}
