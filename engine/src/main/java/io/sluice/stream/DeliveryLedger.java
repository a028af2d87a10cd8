package io.sluice.stream;

import io.sluice.destination.Receipts;

/**
 * The writer's book of events on their way out: for each event given to the destinations and not yet settled, how
 * many destinations still owe a receipt and whether any failed it; for each destination, the events it holds, in the
 * order it took them. An event settles, in order, when every destination has resolved it: delivered when all
 * accepted it, failed otherwise (or undelivered, once the run gave up at exit). Used by the writer thread only.
 *
 * <pre>
 *   settled            opened
 *      |  unsettled events |     (at most {@code capacity})
 *   ---+-------------------+---
 *   destination d:  queue[d][head[d] .. tail[d]) = events d holds, oldest first
 * </pre>
 */
final class DeliveryLedger
{
    private final int capacity;
    private final int mask;
    private final byte[] owed;
    private final boolean[] failed;
    private final boolean[] delivered;
    private final long[] entryNanos;
    private final LatencyHistogram latency;
    private final long[][] held;
    private final int[][] heldBytes;
    private final boolean[][] acceptedAt;
    private final long[] heldHead;
    private final long[] heldTail;
    /** Per destination: events it held when the run gave up, whose receipts may still come (an asynchronous send). */
    private final long[] abandonedHeld;
    /** Per destination: of those, how many it then reported accepted (counted undelivered, yet the peer has them). */
    private final long[] lateAccepted;
    private final StreamCounters counters;
    private final DestinationCounters[] destinationCounters;
    private final Receipts[] receipts;
    private long settled;
    private long opened;
    private boolean givingUp;

    /**
     * @param capacity            most events unsettled at once, a power of two.
     * @param destinationCounters one per destination (at most 127).
     * @param counters            the stream's counters.
     * @param latency             where the latency of each delivered event is counted.
     */
    DeliveryLedger(final int capacity, final DestinationCounters[] destinationCounters, final StreamCounters counters,
        final LatencyHistogram latency)
    {
        if (Integer.bitCount(capacity) != 1 || destinationCounters.length > Byte.MAX_VALUE)
        {
            throw new IllegalArgumentException("capacity must be a power of two, destinations at most 127");
        }
        this.capacity = capacity;
        this.mask = capacity - 1;
        this.owed = new byte[capacity];
        this.failed = new boolean[capacity];
        this.delivered = new boolean[capacity];
        this.entryNanos = new long[capacity];
        this.latency = latency;
        this.held = new long[destinationCounters.length][capacity];
        this.heldBytes = new int[destinationCounters.length][capacity];
        this.acceptedAt = new boolean[destinationCounters.length][capacity];
        this.heldHead = new long[destinationCounters.length];
        this.heldTail = new long[destinationCounters.length];
        this.abandonedHeld = new long[destinationCounters.length];
        this.lateAccepted = new long[destinationCounters.length];
        this.counters = counters;
        this.destinationCounters = destinationCounters;
        this.receipts = new Receipts[destinationCounters.length];
        for (int d = 0; d < receipts.length; d++)
        {
            receipts[d] = new DestinationReceipts(d);
        }
    }

    /**
     * @param destination a destination's index.
     * @return the receipts that destination reports through.
     */
    Receipts receipts(final int destination)
    {
        return receipts[destination];
    }

    /**
     * @return true when no further event can be opened until some settle.
     */
    boolean full()
    {
        return opened - settled == capacity;
    }

    /**
     * @return true when no event is unsettled.
     */
    boolean empty()
    {
        return opened == settled;
    }

    /**
     * From now on, events that fail are counted undelivered: the run stopped waiting for them at exit.
     */
    void giveUp()
    {
        givingUp = true;
    }

    /**
     * Open a new event that every destination owes a receipt for. Check {@link #full()} first.
     *
     * @param entered {@link System#nanoTime()} when it entered the pipeline, for its latency once delivered.
     * @return the event's number.
     */
    long open(final long entered)
    {
        final int slot = (int)(opened & mask);
        entryNanos[slot] = entered;
        owed[slot] = (byte)held.length;
        failed[slot] = false;
        delivered[slot] = false;
        return opened++;
    }

    /**
     * Destination {@code d} holds the event now and will report on it.
     *
     * @param d     the destination.
     * @param event the event's number.
     * @param bytes the length of the rendering it took.
     */
    void held(final int d, final long event, final int bytes)
    {
        final int at = (int)(heldTail[d]++ & mask);
        held[d][at] = event;
        heldBytes[d][at] = bytes;
        // not accepted until its receipt says so: a slot left from a lap before must not look accepted to revoked()
        acceptedAt[d][at] = false;
    }

    /**
     * Destination {@code d} did not take the event it was last said to hold (its offer threw): it failed it.
     *
     * @param d the destination.
     */
    void failLastHeld(final int d)
    {
        resolve(held[d][(int)(--heldTail[d] & mask)], true);
        if (!givingUp)
        {
            destinationCounters[d].onFailed(1);
        }
        settle();
    }

    /**
     * Destination {@code d} never got the event (it could not be rendered, or the destination is gone or backing
     * off): it failed it.
     *
     * @param d     the destination.
     * @param event the event's number.
     */
    void failWithout(final int d, final long event)
    {
        resolve(event, true);
        destinationCounters[d].onFailed(1);
        settle();
    }

    /**
     * Fail everything destination {@code d} still holds (it is gone, or the run gave up).
     *
     * @param d the destination.
     */
    void failHeld(final int d)
    {
        final int count = (int)(heldTail[d] - heldHead[d]);
        if (count > 0)
        {
            receipts[d].failed(count);
        }
    }

    /**
     * The run gave up ({@link #giveUp()} first): whatever a destination still holds, and every event still owed a
     * receipt, settles now as undelivered.
     */
    void abandon()
    {
        for (int d = 0; d < held.length; d++)
        {
            abandonedHeld[d] += heldTail[d] - heldHead[d];
            heldHead[d] = heldTail[d];
        }
        for (long event = settled; event < opened; event++)
        {
            final int slot = (int)(event & mask);
            owed[slot] = 0;
            failed[slot] = true;
        }
        settle();
    }

    /**
     * @param d a destination.
     * @return events it held when the run gave up, counted undelivered, that it reported accepted afterwards (a send
     *         in flight that its peer acknowledged late).
     */
    long lateAccepted(final int d)
    {
        return lateAccepted[d];
    }

    private void resolve(final long event, final boolean failure)
    {
        final int slot = (int)(event & mask);
        owed[slot]--;
        failed[slot] |= failure;
    }

    private void settle()
    {
        long now = 0;
        while (settled < opened)
        {
            final int slot = (int)(settled & mask);
            if (owed[slot] != 0)
            {
                return;
            }
            if (!failed[slot])
            {
                counters.onDelivered();
                delivered[slot] = true;
                // one clock read per settling batch, not per event
                now = now == 0 ? System.nanoTime() : now;
                latency.record(now - entryNanos[slot]);
            }
            else if (givingUp)
            {
                counters.onUndelivered();
            }
            else
            {
                counters.onFailed();
            }
            settled++;
        }
    }

    /**
     * One destination's receipts: pops the events it holds, oldest first.
     */
    private final class DestinationReceipts implements Receipts
    {
        private final int d;

        DestinationReceipts(final int d)
        {
            this.d = d;
        }

        @Override
        public void accepted(final int events)
        {
            final long bytes = resolveHeld(events, false);
            destinationCounters[d].onWritten(events, bytes);
        }

        @Override
        public void failed(final int events)
        {
            resolveHeld(events, true);
            if (!givingUp)
            {
                // once the run gave up, what a destination drops is counted undelivered for the stream, not failed here
                destinationCounters[d].onFailed(events);
            }
        }

        @Override
        public void revoked(final int events)
        {
            // the newest events this destination accepted (skipping what it failed): those not settled yet become
            // failed; those settled as delivered, while their slot is not reused, move from delivered to failed
            int revoked = 0;
            long revokedBytes = 0;
            for (long h = heldHead[d] - 1; revoked < events && h >= 0 && heldTail[d] - h <= capacity; h--)
            {
                final int at = (int)(h & mask);
                if (!acceptedAt[d][at])
                {
                    continue;
                }
                acceptedAt[d][at] = false;
                revoked++;
                revokedBytes += heldBytes[d][at];
                final long event = held[d][at];
                final int slot = (int)(event & mask);
                if (event >= settled)
                {
                    failed[slot] = true;
                }
                else if (event >= opened - capacity && delivered[slot])
                {
                    delivered[slot] = false;
                    counters.onRevoked(1);
                }
            }
            destinationCounters[d].onRevoked(revoked, revokedBytes);
        }

        /** @return the bytes of the events resolved. */
        private long resolveHeld(final int reported, final boolean failure)
        {
            int events = reported;
            final long holds = heldTail[d] - heldHead[d];
            if (events > holds)
            {
                // once the run gave up, the oldest receipts may be for events it held then (already settled undelivered)
                final long late = events - holds;
                if (late > abandonedHeld[d])
                {
                    throw new IllegalStateException("destination reported " + reported + " events, holds " + holds);
                }
                abandonedHeld[d] -= late;
                if (!failure)
                {
                    lateAccepted[d] += late;
                }
                events = (int)holds;
            }
            long bytes = 0;
            for (int i = 0; i < events; i++)
            {
                final int at = (int)(heldHead[d]++ & mask);
                acceptedAt[d][at] = !failure;
                bytes += heldBytes[d][at];
                resolve(held[d][at], failure);
            }
            settle();
            return bytes;
        }
    }
}
