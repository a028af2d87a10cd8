package io.sluice.stream;

import com.lmax.disruptor.RingBuffer;
import io.sluice.ring.EventSlot;

/**
 * The events a router claimed and filled on its stream's ring but has not published yet, published in one go: a
 * writer is signalled, and woken, once per batch rather than once per event. The router's thread alone uses it. With a
 * batch of 1 (a router of the clients' hub, which may stop calling a router in the middle of a main-ring batch) every
 * event is published as soon as it is filled.
 */
final class PendingPublish
{
    private final RingBuffer<EventSlot> ring;
    private int batch = 1;
    private int pending;
    private long lastClaimed;

    PendingPublish(final RingBuffer<EventSlot> ring)
    {
        this.ring = ring;
    }

    /**
     * @param events most events to hold before publishing; capped at a quarter of the ring, so a block stream's claim
     *               can always be met once its writer has taken what was published.
     */
    void batchUpTo(final int events)
    {
        batch = Math.max(1, Math.min(events, ring.getBufferSize() / 4));
    }

    /**
     * @param sequence a sequence of the ring just claimed and filled (claims are consecutive: one producer).
     */
    void filled(final long sequence)
    {
        lastClaimed = sequence;
        pending++;
    }

    /**
     * @return true when the batch is full: publish now.
     */
    boolean full()
    {
        return pending >= batch;
    }

    /**
     * @return true when events are held.
     */
    boolean holding()
    {
        return pending > 0;
    }

    /** Publish every event held. */
    void publish()
    {
        if (pending > 0)
        {
            ring.publish(lastClaimed - pending + 1, lastClaimed);
            pending = 0;
        }
    }
}
