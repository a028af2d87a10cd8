package io.sluice.ring;

import com.lmax.disruptor.RingBuffer;

/**
 * The events a producer claimed and filled on a ring but has not published yet, published in one go: the consumers are
 * signalled, and woken, once per batch rather than once per event (Disruptor's signal is an atomic exchange on a line
 * the consumers write when they block). The ingest uses one on the main ring, each stream router one on its stream's
 * ring; the producer's thread alone uses it. With a batch of 1 (a router of the clients' hub, which may stop calling a
 * router in the middle of a main-ring batch) every event is published as soon as it is filled. A producer about to wait
 * for room publishes what it holds first: claimed slots its consumers cannot see would never be freed.
 */
public final class PendingPublish
{
    private final RingBuffer<EventSlot> ring;
    private int batch = 1;
    private int pending;
    private long lastClaimed;

    /**
     * @param ring the ring published to; its producer's thread alone uses this.
     */
    public PendingPublish(final RingBuffer<EventSlot> ring)
    {
        this.ring = ring;
    }

    /**
     * @param events most events to hold before publishing; capped at a quarter of the ring, so a block stream's claim
     *               can always be met once its writer has taken what was published.
     */
    public void batchUpTo(final int events)
    {
        batch = Math.max(1, Math.min(events, ring.getBufferSize() / 4));
    }

    /**
     * Claim the next slot, waiting for room when the ring is full; what is held is published first if the claim would
     * wait. Then fill the slot and call {@link #filled}.
     *
     * @return the claimed sequence.
     */
    public long claim()
    {
        if (pending > 0 && !ring.hasAvailableCapacity(1))
        {
            publish();
        }
        return ring.next();
    }

    /**
     * @param sequence a sequence of the ring just claimed and filled (claims are consecutive: one producer).
     */
    public void filled(final long sequence)
    {
        lastClaimed = sequence;
        pending++;
    }

    /**
     * @return true when the batch is full: publish now.
     */
    public boolean full()
    {
        return pending >= batch;
    }

    /**
     * @return true when events are held.
     */
    public boolean holding()
    {
        return pending > 0;
    }

    /** Publish every event held. */
    public void publish()
    {
        if (pending > 0)
        {
            ring.publish(lastClaimed - pending + 1, lastClaimed);
            pending = 0;
        }
    }
}
