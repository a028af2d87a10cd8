package io.sluice.sort;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * The records {@link TimestampOrder} holds, copied into one preallocated arena: slots are taken in arrival order
 * (a ring of slot numbers) and the arena is used as a circular buffer in the same order, so the space of a record
 * is reused once it and every record that arrived before it have left. Records mostly leave in about the order they
 * arrived, so little space is stranded; when it is, the caller makes room by releasing the oldest by timestamp.
 * Allocates nothing after construction.
 */
final class HeldRecords
{
    private static final int ALIGNMENT = 8;

    private final UnsafeBuffer arena;
    private final int capacity;
    private final int mask;
    private final int[] offset;
    private final int[] length;
    private final int[] type;
    private final long[] timestamp;
    private final long[] arrival;
    private final boolean[] released;
    private long head;
    private long tail;
    private int writeAt;

    /**
     * @param bytes the arena's size.
     * @param slots how many records at most, a power of two.
     */
    HeldRecords(final int bytes, final int slots)
    {
        if (Integer.bitCount(slots) != 1)
        {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
        arena = new UnsafeBuffer(new byte[bytes]);
        capacity = bytes;
        mask = slots - 1;
        offset = new int[slots];
        length = new int[slots];
        type = new int[slots];
        timestamp = new long[slots];
        arrival = new long[slots];
        released = new boolean[slots];
    }

    /**
     * Copy a record in.
     *
     * @return its slot, or -1 when there is no room (no free slot, or no free run of arena bytes long enough).
     */
    int hold(final int msgTypeId, final org.agrona.DirectBuffer buffer, final int index, final int bytes,
        final long eventTimestamp, final long arrivalNanos)
    {
        if (tail - head > mask)
        {
            return -1;
        }
        final int needed = (bytes + ALIGNMENT - 1) & -ALIGNMENT;
        final int at = place(needed);
        if (at < 0)
        {
            return -1;
        }
        final int slot = (int)(tail++ & mask);
        arena.putBytes(at, buffer, index, bytes);
        writeAt = at + needed;
        offset[slot] = at;
        length[slot] = bytes;
        type[slot] = msgTypeId;
        timestamp[slot] = eventTimestamp;
        arrival[slot] = arrivalNanos;
        return slot;
    }

    /** @return where {@code needed} bytes fit, or -1. */
    private int place(final int needed)
    {
        if (isEmpty())
        {
            writeAt = 0;
            return needed <= capacity ? 0 : -1;
        }
        final int start = offset[(int)(head & mask)];
        if (writeAt > start)
        {
            if (needed <= capacity - writeAt)
            {
                return writeAt;
            }
            return needed < start ? 0 : -1;
        }
        if (writeAt < start && needed < start - writeAt)
        {
            return writeAt;
        }
        return -1;
    }

    /** The record in {@code slot} has left: its space is reused once every record before it has left too. */
    void release(final int slot)
    {
        released[slot] = true;
        while (head != tail && released[(int)(head & mask)])
        {
            released[(int)(head & mask)] = false;
            head++;
        }
    }

    boolean isEmpty()
    {
        return head == tail;
    }

    /** @return how many records are held. */
    int count()
    {
        return (int)(tail - head);
    }

    /** @return the slot of the record that arrived first of those held (not empty). */
    int oldestArrival()
    {
        return (int)(head & mask);
    }

    UnsafeBuffer arena()
    {
        return arena;
    }

    int offset(final int slot)
    {
        return offset[slot];
    }

    int length(final int slot)
    {
        return length[slot];
    }

    int type(final int slot)
    {
        return type[slot];
    }

    long timestamp(final int slot)
    {
        return timestamp[slot];
    }

    long arrival(final int slot)
    {
        return arrival[slot];
    }
}
