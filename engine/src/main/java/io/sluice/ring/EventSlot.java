package io.sluice.ring;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * One preallocated slot of the main Disruptor ring and of every stream ring: the enriched event as SBE bytes
 * (message header + Event) plus the few primitives filters look at without decoding.
 * Slots are reused: the buffer grows once for a large event and stays grown.
 */
public final class EventSlot
{
    /** Initial room per slot; larger events grow the slot once. */
    public static final int INITIAL_CAPACITY = 1024;

    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(INITIAL_CAPACITY);
    private int length;
    private int eventId;
    private long policies;
    private long sequenceInSource;
    private long entryNanos;
    private int generation;

    /**
     * @return the record bytes, valid in {@code [0, length())}.
     */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return record length in bytes.
     */
    public int length()
    {
        return length;
    }

    /**
     * @return the event id, decoded once at ingest.
     */
    public int eventId()
    {
        return eventId;
    }

    /**
     * @return the matched-policies bitmap, computed once at ingest.
     */
    public long policies()
    {
        return policies;
    }

    /**
     * @return position of the record in its source (ingest order), for diagnostics.
     */
    public long sequenceInSource()
    {
        return sequenceInSource;
    }

    /**
     * @return {@link System#nanoTime()} at the start of the ingest thread's pass that published this event onto the main
     * ring (where the end-to-end latency the metrics report starts).
     */
    public long entryNanos()
    {
        return entryNanos;
    }

    /**
     * @param nanos when the event entered the pipeline ({@link #entryNanos()}).
     */
    public void stamp(final long nanos)
    {
        this.entryNanos = nanos;
    }

    /**
     * @return which reload's ingest stages decided this event (0 until the first reload): a router routes it with the
     *         stream filters of the same reload, whose lineage bits and filters belong together.
     */
    public int generation()
    {
        return generation;
    }

    /**
     * @param generation which reload's ingest stages decided this event ({@link #generation()}).
     */
    public void generation(final int generation)
    {
        this.generation = generation;
    }

    /**
     * Fill this slot from a record.
     *
     * @param src      where the record is.
     * @param offset   its offset.
     * @param length   its length.
     * @param eventId  its event id.
     * @param policies its matched-policies bitmap.
     * @param sequence its ingest position.
     */
    public void set(
        final DirectBuffer src, final int offset, final int length, final int eventId, final long policies, final long sequence)
    {
        buffer.putBytes(0, src, offset, length);
        this.length = length;
        this.eventId = eventId;
        this.policies = policies;
        this.sequenceInSource = sequence;
    }

    /**
     * Copy another slot into this one.
     *
     * @param other the slot to copy.
     */
    public void copyFrom(final EventSlot other)
    {
        set(other.buffer, 0, other.length, other.eventId, other.policies, other.sequenceInSource);
        this.entryNanos = other.entryNanos;
        this.generation = other.generation;
    }
}
