package io.sluice.stream;

import com.lmax.disruptor.RingBuffer;
import io.sluice.ring.BatchedSignalWaitStrategy;
import io.sluice.ring.EventSlot;

/**
 * The events a router claimed and filled on its stream's ring but has not published yet, published in one go, and the
 * writer signalled less often still ({@link BatchedSignalWaitStrategy}): a writer that blocked is woken once per
 * main-ring batch, or every few publishes, rather than once per event. The router's thread alone uses it. With a batch
 * of 1 (a router of the clients' hub, which may stop calling a router in the middle of a main-ring batch) every event is
 * published, and signalled, as soon as it is filled.
 */
final class PendingPublish
{
    private final RingBuffer<EventSlot> ring;
    private final BatchedSignalWaitStrategy signals;
    private int batch = 1;
    private int pending;
    private long lastClaimed;

    /**
     * @param ring    the stream's ring.
     * @param signals the ring's wait strategy.
     */
    PendingPublish(final RingBuffer<EventSlot> ring, final BatchedSignalWaitStrategy signals)
    {
        this.ring = ring;
        this.signals = signals;
    }

    /** On the router's thread, before its first event: a router publishing in batches defers its signals too. */
    void onProducerThread()
    {
        if (batch > 1)
        {
            signals.publishesOnThisThread();
        }
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

    /** Publish every event held; a writer that blocked is signalled only every few publishes. */
    void publish()
    {
        if (pending > 0)
        {
            ring.publish(lastClaimed - pending + 1, lastClaimed);
            pending = 0;
        }
    }

    /** Publish every event held and signal the writer: the batch ends, or the router is about to wait or drop. */
    void publishAndSignal()
    {
        publish();
        signals.signalNow();
    }
}
