package io.sluice.destination;

import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * The bytes of the events a destination holds, each followed by a separator, with where each event ends, so that
 * a write that stopped part way says exactly which events left whole. Events leave from the front; a write may stop
 * inside an event (it is then <em>torn</em>: started, not finished). Used by one thread.
 *
 * <pre>
 *   0            written                         length
 *   |  pushed      |  held, not yet pushed         |
 *   events:  ends[first] .. ends[count-1]  (each the offset just past its separator)
 * </pre>
 */
final class HeldEvents
{
    /** How many of the latest events that left whole are remembered, with where they ended, for {@link #leftSince}. */
    static final int RECENT = 4096;
    /**
     * Direct memory held events start in, doubled as pushes fall behind, up to the capacity: direct memory is zeroed,
     * so resident, when made, and an idle tracer's output holds a few events at a time, not a megabyte.
     */
    static final int INITIAL_MEMORY = 64 * 1024;

    private ByteBuffer view;
    private final UnsafeBuffer bytes = new UnsafeBuffer(0, 0);
    private final int[] ends;
    private final long[] recentEnds = new long[RECENT];
    private final int capacity;
    private long base;
    private long leftWhole;
    private int length;
    private int written;
    private int first;
    private int count;

    /**
     * @param capacity  bytes held before {@link #append} refuses (a single larger event is still taken).
     * @param maxEvents events held before {@link #append} refuses.
     */
    HeldEvents(final int capacity, final int maxEvents)
    {
        this.capacity = capacity;
        this.view = ByteBuffer.allocateDirect(Math.min(capacity, INITIAL_MEMORY));
        bytes.wrap(view);
        this.ends = new int[maxEvents];
    }

    /**
     * @param source    the event's bytes.
     * @param offset    where they start.
     * @param size      how many.
     * @param separator the byte after each event, or -1 for none.
     * @return false when there is no room: push first.
     */
    boolean append(final DirectBuffer source, final int offset, final int size, final int separator)
    {
        final int total = size + (separator < 0 ? 0 : 1);
        if (count == ends.length || (length > 0 && length + total > capacity))
        {
            return false;
        }
        if (length + total > bytes.capacity())
        {
            // doubled within the capacity; past it, a single event larger than the capacity (nothing else is held):
            // room for it alone, freed at the next clear
            resize(length + total <= capacity ?
                (int)Math.min(capacity, Math.max(length + total, 2L * bytes.capacity())) : length + total);
        }
        bytes.putBytes(length, source, offset, size);
        length += size;
        if (separator >= 0)
        {
            bytes.putByte(length++, (byte)separator);
        }
        ends[count++] = length;
        return true;
    }

    /**
     * @return the events held (a torn one included), not counting the tail of an event already given up on.
     */
    int events()
    {
        return count - first;
    }

    /**
     * @return bytes held and not yet pushed (the tail of a torn event given up on included).
     */
    int unwrittenBytes()
    {
        return length - written;
    }

    /**
     * @return true when no held event has started to leave (a write may begin a new file here).
     */
    boolean atEventBoundary()
    {
        return written == (first == 0 ? 0 : ends[first - 1]);
    }

    /**
     * @return the unwritten bytes as a buffer positioned at the first of them; valid until the next append, advance or
     *         discard, any of which may free its memory (a direct buffer grown for an oversized event is freed when the
     *         held events shrink back).
     */
    ByteBuffer unwritten()
    {
        view.limit(length).position(written);
        return view;
    }

    /**
     * @param bytesWritten how many more bytes left (a write returned).
     * @return how many events are now whole out (to report accepted).
     */
    int advance(final int bytesWritten)
    {
        written += bytesWritten;
        int done = 0;
        while (first < count && ends[first] <= written)
        {
            recentEnds[(int)(leftWhole++ & (RECENT - 1))] = base + ends[first];
            first++;
            done++;
        }
        if (first == count && written == length)
        {
            clear();
        }
        return done;
    }

    /**
     * Give up on every held event, the torn one too (the caller reports them all failed, in order), but keep the rest of
     * a torn event's bytes: they are pushed first next time, so the target never holds half an event followed by
     * another. Those bytes belong to no event any more: their leaving completes nothing.
     *
     * @return how many events were given up.
     */
    int discardUnstarted()
    {
        final int dropped = count - first;
        if (dropped == 0)
        {
            return 0;
        }
        final boolean torn = written > (first == 0 ? 0 : ends[first - 1]);
        if (torn)
        {
            length = ends[first];
            first++;
        }
        else
        {
            length = written;
        }
        count = first;
        if (written == length)
        {
            clear();
        }
        return dropped;
    }

    /**
     * @return the direct memory the held events are in now (tests).
     */
    int memory()
    {
        return bytes.capacity();
    }

    /**
     * @return bytes that have left since this was made.
     */
    long bytesLeft()
    {
        return base + written;
    }

    /**
     * @param position a byte position in everything that has left (a reader took the bytes before it).
     * @return how many of the latest events that left whole end after it (at most {@link #RECENT}).
     */
    int leftSince(final long position)
    {
        int after = 0;
        for (long e = leftWhole - 1; e >= 0 && leftWhole - e <= RECENT && recentEnds[(int)(e & (RECENT - 1))] > position; e--)
        {
            after++;
        }
        return after;
    }

    private void clear()
    {
        base += written;
        length = 0;
        written = 0;
        first = 0;
        count = 0;
        if (bytes.capacity() > capacity)
        {
            resize(capacity);
        }
    }

    /** Direct memory of {@code size} bytes in place of the current, its first {@code length} bytes kept. */
    private void resize(final int size)
    {
        final ByteBuffer next = ByteBuffer.allocateDirect(size);
        final UnsafeBuffer old = new UnsafeBuffer(view);
        bytes.wrap(next);
        bytes.putBytes(0, old, 0, length);
        BufferUtil.free(view);
        view = next;
    }
}
