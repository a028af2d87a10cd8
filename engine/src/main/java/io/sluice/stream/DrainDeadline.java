package io.sluice.stream;

import java.time.Duration;

/**
 * The end of the grace period a stopping run gives its block streams ({@code --drain-timeout}): set once, when the
 * source is done or a stop was asked for; stream writers read it while they hold events back, and give up on what is
 * still undelivered once it has passed. Written by the engine's thread, read by every writer thread (volatile).
 */
public final class DrainDeadline
{
    /** How long past the deadline a writer stuck in a blocking write is given before what it writes to is closed. */
    public static final Duration STUCK_GRACE = Duration.ofSeconds(2);

    private static final long NOT_SET = Long.MAX_VALUE;
    /** Longer drain timeouts are taken as this (about 73 years): the deadline's sums never overflow. */
    private static final long LONGEST_NANOS = Long.MAX_VALUE / 4;

    private final long graceNanos;
    private final long stuckGraceNanos;
    private volatile long deadlineNanos = NOT_SET;

    /**
     * @param grace how long block streams may take to drain once the run is stopping.
     */
    public DrainDeadline(final Duration grace)
    {
        this(grace, STUCK_GRACE);
    }

    /**
     * @param grace      how long block streams may take to drain once the run is stopping.
     * @param stuckGrace how long past it a writer stuck in a write is given, and how long a drain waits for a ring whose
     *                   consumers stopped taking events ({@link #STUCK_GRACE} but in tests).
     */
    public DrainDeadline(final Duration grace, final Duration stuckGrace)
    {
        this.graceNanos = Math.min(saturatedNanos(grace), LONGEST_NANOS);
        this.stuckGraceNanos = Math.min(saturatedNanos(stuckGrace), LONGEST_NANOS);
    }

    private static long saturatedNanos(final Duration duration)
    {
        try
        {
            return duration.toNanos();
        }
        catch (final ArithmeticException tooLong)
        {
            return Long.MAX_VALUE;
        }
    }

    /** @return how long past the deadline a writer stuck in a write is given, in nanoseconds. */
    public long stuckGraceNanos()
    {
        return stuckGraceNanos;
    }

    /**
     * Start the grace period now, unless it has started already.
     */
    public synchronized void start()
    {
        if (deadlineNanos == NOT_SET)
        {
            deadlineNanos = System.nanoTime() + graceNanos;
        }
    }

    /**
     * @param nowNanos {@link System#nanoTime()}.
     * @return true when the grace period started and has passed.
     */
    public boolean passed(final long nowNanos)
    {
        final long deadline = deadlineNanos;
        return deadline != NOT_SET && nowNanos - deadline >= 0;
    }

    /**
     * @param nowNanos {@link System#nanoTime()}.
     * @return true when the deadline and the grace for a stuck writer have both passed: time to unblock writers.
     */
    public boolean stuckGracePassed(final long nowNanos)
    {
        return passed(nowNanos - stuckGraceNanos);
    }

    /**
     * @param nowNanos {@link System#nanoTime()}.
     * @return milliseconds to wait for what drains before the deadline: what is left of it, plus the stuck-writer grace.
     */
    public long millisToWait(final long nowNanos)
    {
        final long remaining = remainingNanos(nowNanos);
        return remaining == Long.MAX_VALUE ? Long.MAX_VALUE / 1_000_000L : (remaining + stuckGraceNanos) / 1_000_000L;
    }

    /**
     * @param nowNanos {@link System#nanoTime()}.
     * @return nanoseconds left in the grace period; {@link Long#MAX_VALUE} before it started, 0 after it passed.
     */
    public long remainingNanos(final long nowNanos)
    {
        final long deadline = deadlineNanos;
        if (deadline == NOT_SET)
        {
            return Long.MAX_VALUE;
        }
        return Math.max(0, deadline - nowNanos);
    }
}
