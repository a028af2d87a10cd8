package io.sluice.sort;

/**
 * A binary min-heap of held records' slots by timestamp, ties broken by arrival (a sequence number), so records of
 * equal time leave in the order they came. Preallocated; allocates nothing.
 */
final class TimestampHeap
{
    private final int[] slots;
    private final long[] timestamps;
    private final long[] sequences;
    private int size;

    /**
     * @param capacity the most slots held at once.
     */
    TimestampHeap(final int capacity)
    {
        slots = new int[capacity];
        timestamps = new long[capacity];
        sequences = new long[capacity];
    }

    boolean isEmpty()
    {
        return size == 0;
    }

    /** @return the smallest timestamp held (not empty). */
    long minTimestamp()
    {
        return timestamps[0];
    }

    void push(final int slot, final long timestamp, final long sequence)
    {
        int at = size++;
        while (at > 0)
        {
            final int parent = (at - 1) >>> 1;
            if (!before(timestamp, sequence, parent))
            {
                break;
            }
            move(parent, at);
            at = parent;
        }
        put(at, slot, timestamp, sequence);
    }

    /** @return the slot with the smallest timestamp, removed (not empty). */
    int pop()
    {
        final int top = slots[0];
        final int last = --size;
        final int slot = slots[last];
        final long timestamp = timestamps[last];
        final long sequence = sequences[last];
        int at = 0;
        while (true)
        {
            int child = 2 * at + 1;
            if (child >= size)
            {
                break;
            }
            if (child + 1 < size && before(timestamps[child + 1], sequences[child + 1], child))
            {
                child++;
            }
            if (!beforeValues(timestamps[child], sequences[child], timestamp, sequence))
            {
                break;
            }
            move(child, at);
            at = child;
        }
        if (size > 0)
        {
            put(at, slot, timestamp, sequence);
        }
        return top;
    }

    private boolean before(final long timestamp, final long sequence, final int other)
    {
        return beforeValues(timestamp, sequence, timestamps[other], sequences[other]);
    }

    private static boolean beforeValues(final long timestamp, final long sequence, final long otherTimestamp,
        final long otherSequence)
    {
        return timestamp < otherTimestamp || timestamp == otherTimestamp && sequence < otherSequence;
    }

    private void move(final int from, final int to)
    {
        put(to, slots[from], timestamps[from], sequences[from]);
    }

    private void put(final int at, final int slot, final long timestamp, final long sequence)
    {
        slots[at] = slot;
        timestamps[at] = timestamp;
        sequences[at] = sequence;
    }
}
