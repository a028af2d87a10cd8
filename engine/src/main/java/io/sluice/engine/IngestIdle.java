package io.sluice.engine;

import org.agrona.concurrent.IdleStrategy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * How the ingest thread waits when the shared ring is empty. The shared ring is written by another process (the
 * loader), so there is nothing to block on: the ingest polls. While records keep coming it polls fast, as Agrona's
 * backoff strategy does: spin, yield, then park for 1 µs doubling to 1 ms, so a busy tracer sees a record within a
 * millisecond. A tracer on a quiet host would still wake a thousand times a second for nothing (most of its idle
 * CPU, docs/performance.md), so after a second without a record it parks {@link #QUIET_PARK_NANOS} at a time, and
 * polls fast again from the first record on. What that costs: the first record after a quiet second waits up to
 * 10 ms more in the shared ring (16 MiB, nothing is lost meanwhile); the loader holds records up to 20 ms itself
 * when few come, so the end-to-end delay of such a record grows by at most half. Allocates nothing.
 */
final class IngestIdle implements IdleStrategy
{
    /** Empty polls spent spinning, then yielding, before parking. */
    static final int SPINS = 100;
    static final int YIELDS = 10;
    /** The first park of an idle stretch; each next one doubles up to {@link #BUSY_PARK_NANOS}. */
    static final long MIN_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(1);
    static final long BUSY_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** No record for this long: the host is quiet. */
    static final long QUIET_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** A park while the host is quiet. */
    static final long QUIET_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final LongSupplier clock;
    private final LongConsumer parker;
    private final long quietAfterNanos;
    private final long quietParkNanos;
    private int spins;
    private int yields;
    /** The last park's length; 0 while this idle stretch has not parked yet. */
    private long parkNanos;
    /** When this idle stretch first parked. */
    private long parkingSince;

    /** The ingest's: the monotonic clock, {@link LockSupport#parkNanos(long)}, quiet after a second, 10 ms parks. */
    IngestIdle()
    {
        this(System::nanoTime, LockSupport::parkNanos, QUIET_AFTER_NANOS, QUIET_PARK_NANOS);
    }

    /**
     * @param clock           nanoseconds, monotonic.
     * @param parker          parks the calling thread for the given nanoseconds.
     * @param quietAfterNanos parked this long without a record: the host is quiet.
     * @param quietParkNanos  each park while quiet.
     */
    IngestIdle(final LongSupplier clock, final LongConsumer parker, final long quietAfterNanos, final long quietParkNanos)
    {
        this.clock = clock;
        this.parker = parker;
        this.quietAfterNanos = quietAfterNanos;
        this.quietParkNanos = quietParkNanos;
    }

    @Override
    public void idle(final int workCount)
    {
        if (workCount > 0)
        {
            reset();
        }
        else
        {
            idle();
        }
    }

    /** One empty poll: spin, yield or park, by how long the ring has been empty. */
    @Override
    public void idle()
    {
        if (spins < SPINS)
        {
            spins++;
            Thread.onSpinWait();
        }
        else if (yields < YIELDS)
        {
            yields++;
            Thread.yield();
        }
        else
        {
            parker.accept(nextPark());
        }
    }

    private long nextPark()
    {
        final long now = clock.getAsLong();
        if (parkNanos == 0)
        {
            parkingSince = now;
            parkNanos = MIN_PARK_NANOS;
        }
        else if (now - parkingSince >= quietAfterNanos)
        {
            parkNanos = quietParkNanos;
        }
        else
        {
            parkNanos = Math.min(parkNanos << 1, BUSY_PARK_NANOS);
        }
        return parkNanos;
    }

    /** Records were read: poll fast again. */
    @Override
    public void reset()
    {
        spins = 0;
        yields = 0;
        parkNanos = 0;
    }

    @Override
    public String alias()
    {
        return "ingest";
    }
}
