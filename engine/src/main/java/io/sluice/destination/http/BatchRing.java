package io.sluice.destination.http;

import org.agrona.DirectBuffer;

/**
 * A webhook's batches in the order their events were taken: the oldest ({@code head}) is the next to be reported, the
 * newest may still be taking events. A fixed ring of {@code inflight + 1} batches, so that one fills while
 * {@code inflight} are out; a batch is freed only when every older one was reported, since receipts go in order.
 * Used by the writer thread only.
 *
 * <pre>
 *   head                                  tail
 *    | ANSWERED | SENT | RETRY | SENT | OPEN |   free ...
 *   (reported from head while ANSWERED or DISCARDED)
 * </pre>
 */
final class BatchRing
{
    private final Batch[] ring;
    private final int maxEvents;
    private final int maxBytes;
    private long head;
    private long tail;
    private int events;

    /**
     * @param batches   the batches, {@code inflight + 1} of them.
     * @param maxEvents the most events a batch carries.
     * @param maxBytes  the most bytes a batch carries, unless one event is larger.
     */
    BatchRing(final Batch[] batches, final int maxEvents, final int maxBytes)
    {
        this.ring = batches;
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
    }

    /**
     * Take an event into the newest batch, or into a new one when it is full or no longer open.
     *
     * @return false when every batch is in use: some must be reported first.
     */
    boolean append(final DirectBuffer source, final int offset, final int size)
    {
        Batch batch = tail > head ? at(tail - 1) : null;
        if (batch == null || batch.state() != Batch.OPEN || !batch.fits(size, maxEvents, maxBytes))
        {
            if (tail - head == ring.length)
            {
                return false;
            }
            if (batch != null && batch.state() == Batch.OPEN)
            {
                batch.seal();
            }
            batch = at(tail++);
            batch.open(maxEvents == 1 ? 0 : System.nanoTime());
        }
        batch.append(source, offset, size);
        events++;
        return true;
    }

    /**
     * Seal the newest batch when it is open and full, or has waited {@code lingerNanos} since its first event.
     */
    void sealDue(final long lingerNanos)
    {
        if (tail == head)
        {
            return;
        }
        final Batch newest = at(tail - 1);
        if (newest.state() == Batch.OPEN && (newest.events() == maxEvents || lingerNanos == 0 ||
            System.nanoTime() - newest.openedNanos() >= lingerNanos))
        {
            newest.seal();
        }
    }

    /**
     * @return true when no event can be taken until the oldest batch is reported.
     */
    boolean full()
    {
        if (tail - head < ring.length)
        {
            return false;
        }
        final Batch newest = at(tail - 1);
        return newest.state() != Batch.OPEN || newest.events() == maxEvents;
    }

    /**
     * @return the number of batches in use, oldest first: {@link #get}(0) .. {@link #get}(size - 1).
     */
    int size()
    {
        return (int)(tail - head);
    }

    /**
     * @param i 0 for the oldest batch in use.
     * @return that batch.
     */
    Batch get(final int i)
    {
        return at(head + i);
    }

    /**
     * Free the oldest batch, reported.
     */
    void release()
    {
        final Batch oldest = at(head++);
        events -= oldest.events();
        oldest.free(maxBytes);
    }

    /**
     * @return events taken and not yet reported.
     */
    int events()
    {
        return events;
    }

    private Batch at(final long position)
    {
        return ring[(int)(position % ring.length)];
    }
}
