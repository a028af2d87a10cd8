package io.sluice.engine;

import com.lmax.disruptor.RingBuffer;
import io.sluice.ring.EventSlot;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * The events the ingest claimed and filled on the main ring in one pass over the shared ring, published in one go at
 * the pass's end: the routers see, and are signalled for, a batch rather than each event (a publish is a cursor store
 * and a check of the wait strategy's flag; each event published alone let a router wake for it and wait again). At most
 * {@link #MAX_BATCH} events, and a quarter of the ring, are held: a claim past them never waits for events that are not
 * published yet. When the ring is full (the routers behind), the ingest publishes what it holds and sleeps until a
 * batch's worth of room is free, 50 µs doubling to 1 ms per sleep, rather than in Disruptor's {@code next()}, which
 * sleeps the shortest time the kernel allows (about 55 µs here) and claims again as soon as one slot is free: a wake-up
 * per slot freed on a machine where each costs 25–60 µs. A full main ring holds thousands of events, so the longer
 * sleep never leaves the routers short. The ingest thread alone uses it.
 */
final class MainRingBatch
{
    /** Most events held before publishing: one pass of the ingest reads at most 256 records. */
    static final int MAX_BATCH = 256;
    /** The first and the longest sleep waiting for room. */
    static final long MIN_ROOM_WAIT_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    static final long MAX_ROOM_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final RingBuffer<EventSlot> ring;
    private final int batch;
    private final LongConsumer sleeper;
    private int pending;
    private long lastClaimed;

    /** @param ring the main ring: sleeps for room with {@link LockSupport#parkNanos(long)}. */
    MainRingBatch(final RingBuffer<EventSlot> ring)
    {
        this(ring, LockSupport::parkNanos);
    }

    /**
     * @param ring    the main ring.
     * @param sleeper sleeps the calling thread for the given nanoseconds while the ring is full.
     */
    MainRingBatch(final RingBuffer<EventSlot> ring, final LongConsumer sleeper)
    {
        this.ring = ring;
        this.batch = Math.max(1, Math.min(MAX_BATCH, ring.getBufferSize() / 4));
        this.sleeper = sleeper;
    }

    /**
     * @return a claimed slot's sequence, to fill and then hand to {@link #filled}; what is held is published first when
     *         the batch is full.
     */
    long claim()
    {
        if (pending >= batch)
        {
            publish();
        }
        if (!ring.hasAvailableCapacity(1))
        {
            publish();
            long sleep = MIN_ROOM_WAIT_NANOS;
            while (!ring.hasAvailableCapacity(batch))
            {
                sleeper.accept(sleep);
                sleep = Math.min(sleep << 1, MAX_ROOM_WAIT_NANOS);
            }
        }
        return ring.next();
    }

    /** @param sequence the sequence {@link #claim} returned, now filled (claims are consecutive: one producer). */
    void filled(final long sequence)
    {
        lastClaimed = sequence;
        pending++;
    }

    /** Publish every event held: the end of a pass, of the ingest, or a failure. */
    void publish()
    {
        if (pending > 0)
        {
            ring.publish(lastClaimed - pending + 1, lastClaimed);
            pending = 0;
        }
    }

    /** @return events claimed and filled but not published yet. */
    int pending()
    {
        return pending;
    }
}
