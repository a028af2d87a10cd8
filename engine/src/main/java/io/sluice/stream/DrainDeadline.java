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
    public static final long STUCK_GRACE_NANOS = 2_000_000_000L;

    private static final long NOT_SET = Long.MAX_VALUE;

    private final long graceNanos;
    private volatile long deadlineNanos = NOT_SET;

    /**
     * @param grace how long block streams may take to drain once the run is stopping.
     */
    public DrainDeadline(final Duration grace)
    {
        this.graceNanos = grace.toNanos();
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
        return passed(nowNanos - STUCK_GRACE_NANOS);
    }

    /**
     * @param nowNanos {@link System#nanoTime()}.
     * @return milliseconds to wait for what drains before the deadline: what is left of it, plus the stuck-writer grace.
     */
    public long millisToWait(final long nowNanos)
    {
        final long remaining = remainingNanos(nowNanos);
        return remaining == Long.MAX_VALUE ? Long.MAX_VALUE / 1_000_000L : (remaining + STUCK_GRACE_NANOS) / 1_000_000L;
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
