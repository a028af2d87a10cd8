package io.sluice.ring;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.util.Arrays;

/**
 * One preallocated slot of the main Disruptor ring and of every stream ring: the enriched event as SBE bytes
 * (message header + Event) plus the few primitives filters look at without decoding.
 * Slots are reused: the buffer grows once for a large event and stays grown.
 *
 * <p>A slot of a stream ring may also carry renderings of its event made once for several streams (a router group's
 * shared renderings, see {@code io.sluice.stream.RouterGroup}): rendering {@code i} is the stream's i-th shared format.
 * Filling the slot with a record ({@link #set}, {@link #copyFrom}) clears them; their buffers are made on a slot's
 * first rendering and reused.
 */
public final class EventSlot
{
    /** Initial room per slot; larger events grow the slot once. */
    public static final int INITIAL_CAPACITY = 1024;
    /**
     * Largest rendering a slot carries: a slot keeps the room it grew to, so a larger one (an execve with a long argv)
     * is not copied and each slot's room per shared format stays bounded.
     */
    public static final int MAX_CARRIED_RENDERING = 16 * 1024;
    /** {@link #renderingLength} of a rendering too large to carry: whoever reads the slot renders the event itself. */
    public static final int NOT_CARRIED = -2;

    private static final ExpandableArrayBuffer[] NO_RENDERINGS = new ExpandableArrayBuffer[0];

    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(INITIAL_CAPACITY);
    private ExpandableArrayBuffer[] renderings = NO_RENDERINGS;
    private int[] renderingLengths = new int[0];
    private int renderingCount;
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
        this.renderingCount = 0;
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

    /**
     * @return how many renderings the slot carries now (0 when its stream's writer renders the event itself).
     */
    public int renderingCount()
    {
        return renderingCount;
    }

    /**
     * @param index a rendering below {@link #renderingCount()}.
     * @return its bytes, valid in {@code [0, renderingLength(index))}.
     */
    public DirectBuffer rendering(final int index)
    {
        return renderings[index];
    }

    /**
     * @param index a rendering below {@link #renderingCount()}.
     * @return its length, -1 when the event could not be rendered in that format (already reported), or
     *         {@link #NOT_CARRIED} when the rendering was too large to carry (the reader renders it itself).
     */
    public int renderingLength(final int index)
    {
        return renderingLengths[index];
    }

    /**
     * Add the next rendering of the slot's event: call after the record is set, in index order.
     *
     * @param src    the rendered bytes (ignored when {@code length} is negative).
     * @param length their length, or -1 for an event that could not be rendered.
     */
    public void addRendering(final DirectBuffer src, final int length)
    {
        final int index = renderingCount;
        final int carried = length > MAX_CARRIED_RENDERING ? NOT_CARRIED : length;
        if (index == renderings.length)
        {
            // once per slot and shared format: the slot keeps the buffer for every later event
            renderings = Arrays.copyOf(renderings, index + 1);
            renderings[index] = new ExpandableArrayBuffer(Math.max(INITIAL_CAPACITY, carried));
            renderingLengths = Arrays.copyOf(renderingLengths, index + 1);
        }
        if (carried > 0)
        {
            renderings[index].putBytes(0, src, 0, carried);
        }
        renderingLengths[index] = carried;
        renderingCount = index + 1;
    }
}
