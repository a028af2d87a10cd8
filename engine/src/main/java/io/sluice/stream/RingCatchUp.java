package io.sluice.stream;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * A run's end waits here, a millisecond at a time, for a ring's consumers to take every event published to it before
 * the ring is halted: a ring halted with events in it leaves them counted nowhere. Not Disruptor's
 * {@code shutdown(timeout)}: it spins a core meanwhile, which the consumers need on a small machine, and it adds the
 * timeout to {@link System#nanoTime()}, which overflows for a long one (it then timed out at once). Used by the thread
 * ending the run; the sequences it reads are the ring's own (volatile).
 */
public final class RingCatchUp
{
    private static final long CHECK_NANOS = 1_000_000L;

    private final LongSupplier consumed;
    private final LongSupplier published;

    /**
     * @param consumed  the sequence the slowest consumer has taken up to.
     * @param published the ring's cursor: the last sequence published.
     */
    public RingCatchUp(final LongSupplier consumed, final LongSupplier published)
    {
        this.consumed = consumed;
        this.published = published;
    }

    /** @return events published and not yet taken by the slowest consumer. */
    public long behind()
    {
        return Math.max(0, published.getAsLong() - consumed.getAsLong());
    }

    /**
     * @param deadline the run's drain deadline, started.
     * @return true once the consumers took everything; false when the deadline and its stuck-writer grace passed first.
     */
    public boolean awaitWithin(final DrainDeadline deadline)
    {
        while (behind() > 0)
        {
            if (deadline.stuckGracePassed(System.nanoTime()))
            {
                return false;
            }
            LockSupport.parkNanos(CHECK_NANOS);
        }
        return true;
    }

    /**
     * Wait as long as the consumers keep taking events (writers that gave up take them fast, counting them).
     *
     * @param patienceNanos how long the consumers may take nothing before this gives up.
     * @return true once the consumers took everything; false when they took nothing for {@code patienceNanos}.
     */
    public boolean awaitWhileProgressing(final long patienceNanos)
    {
        long last = consumed.getAsLong();
        long since = System.nanoTime();
        while (behind() > 0)
        {
            LockSupport.parkNanos(CHECK_NANOS);
            final long now = System.nanoTime();
            final long taken = consumed.getAsLong();
            if (taken != last)
            {
                last = taken;
                since = now;
            }
            else if (now - since >= patienceNanos)
            {
                return false;
            }
        }
        return true;
    }
}
