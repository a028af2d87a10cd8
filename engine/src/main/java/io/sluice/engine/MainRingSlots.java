package io.sluice.engine;

import com.lmax.disruptor.RingBuffer;
import io.sluice.ring.BatchedSignalWaitStrategy;
import io.sluice.ring.EventSlot;
import io.sluice.ring.RingRoom;

/**
 * The main ring's slots, for the ingest (its single producer) when router threads or the clients' hub read them. A
 * claim on a full ring first passes on the signals deferred for its readers (they may be waiting for one), then waits
 * for an eighth of the ring ({@link RingRoom}) instead of {@code next()}'s wake-up every ~50 µs. Publishing a sequence
 * makes the slot's contents visible to the readers (the Disruptor's store-release of the cursor).
 */
final class MainRingSlots implements IngestSlots
{
    private final RingBuffer<EventSlot> ring;
    private final RingRoom room;
    /** Passed on before waiting for room: the readers that free it may be blocked on a deferred signal. */
    private final BatchedSignalWaitStrategy signals;

    /**
     * @param ring    the main ring.
     * @param signals its wait strategy, whose signals the ingest defers while a pass publishes.
     */
    MainRingSlots(final RingBuffer<EventSlot> ring, final BatchedSignalWaitStrategy signals)
    {
        this.ring = ring;
        this.signals = signals;
        this.room = RingRoom.eighthOf(ring);
    }

    @Override
    public long claim()
    {
        while (!ring.hasAvailableCapacity(1))
        {
            signals.signalNow();
            room.awaitFull(1);
        }
        return ring.next();
    }

    @Override
    public EventSlot slot(final long sequence)
    {
        return ring.get(sequence);
    }

    @Override
    public void publish(final long sequence)
    {
        ring.publish(sequence);
    }
}
