package io.sluice.engine;

import com.lmax.disruptor.RingBuffer;
import io.sluice.ring.EventSlot;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * How the ingest claims a slot of the main ring. When the ring is full (the routers behind), it sleeps until
 * {@link #ROOM} slots are free, 50 µs doubling to 1 ms per sleep, rather than in Disruptor's {@code next()}, which
 * sleeps the shortest time the kernel allows (about 55 µs here) and claims again as soon as one slot is free: a wake-up
 * per slot freed, on a machine where each costs 25–60 µs of CPU (docs/performance.md, "Wake-ups: CPU per kernel event
 * and idle"). A full main ring holds thousands of events, so the longer sleep never leaves the routers short; block
 * semantics are unchanged (the ingest still waits, the shared and kernel rings behind it hold what comes meanwhile).
 * The ingest thread alone uses it.
 */
final class MainRingRoom
{
    /** Free slots to wait for once the ring was full (a quarter of a smaller ring). */
    static final int ROOM = 256;
    /** The first and the longest sleep waiting for room. */
    static final long MIN_SLEEP_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    static final long MAX_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final RingBuffer<EventSlot> ring;
    private final int room;
    private final LongConsumer sleeper;

    /** @param ring the main ring: sleeps for room with {@link LockSupport#parkNanos(long)}. */
    MainRingRoom(final RingBuffer<EventSlot> ring)
    {
        this(ring, LockSupport::parkNanos);
    }

    /**
     * @param ring    the main ring.
     * @param sleeper sleeps the calling thread for the given nanoseconds while the ring is full.
     */
    MainRingRoom(final RingBuffer<EventSlot> ring, final LongConsumer sleeper)
    {
        this.ring = ring;
        this.room = Math.max(1, Math.min(ROOM, ring.getBufferSize() / 4));
        this.sleeper = sleeper;
    }

    /** @return a claimed slot's sequence, to fill and publish; waits while the ring is full. */
    long claim()
    {
        if (!ring.hasAvailableCapacity(1))
        {
            long sleep = MIN_SLEEP_NANOS;
            while (!ring.hasAvailableCapacity(room))
            {
                sleeper.accept(sleep);
                sleep = Math.min(sleep << 1, MAX_SLEEP_NANOS);
            }
        }
        return ring.next();
    }
}
