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
 * The slot holds a reference to each ({@link Rendering}), not a copy, valid until its reader has passed the slot. A
 * stream that needs nothing but those renderings is given the event's primitives without its record
 * ({@link #copyWithoutRecord}). Filling the slot clears them.
 */
public final class EventSlot
{
    /** Initial room per slot; larger events grow the slot once. */
    public static final int INITIAL_CAPACITY = 1024;

    private static final Rendering[] NO_RENDERINGS = new Rendering[0];

    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(INITIAL_CAPACITY);
    /**
     * The first rendering, in the slot itself: filling a slot writes lines its writer last read on the other CPU, and
     * the common slot, one shared format, then takes one such line, not two (the slot and an array).
     */
    private Rendering first;
    /** Renderings after the first. */
    private Rendering[] renderings = NO_RENDERINGS;
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
     * @return record length in bytes; 0 in a slot given the event without its record ({@link #copyWithoutRecord}).
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
     * Copy another slot's event into this one without its record: for a reader that needs only the renderings the slot
     * will carry and the event's primitives ({@link #length()} is then 0).
     *
     * @param other the slot to copy.
     */
    public void copyWithoutRecord(final EventSlot other)
    {
        this.length = 0;
        this.eventId = other.eventId;
        this.policies = other.policies;
        this.sequenceInSource = other.sequenceInSource;
        this.entryNanos = other.entryNanos;
        this.generation = other.generation;
        this.renderingCount = 0;
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
     * @return it, valid until this slot's reader has passed the slot.
     */
    public Rendering rendering(final int index)
    {
        return index == 0 ? first : renderings[index - 1];
    }

    /**
     * Add the next rendering of the slot's event: call after the event is set, in index order, with the rendering
     * placed at this slot ({@link Rendering#place}).
     *
     * @param rendering the event's rendering.
     */
    public void addRendering(final Rendering rendering)
    {
        final int index = renderingCount;
        if (index == 0)
        {
            first = rendering;
        }
        else
        {
            if (index > renderings.length)
            {
                // once per slot and shared format past the first: the slot keeps the array for every later event
                renderings = Arrays.copyOf(renderings, index);
            }
            renderings[index - 1] = rendering;
        }
        renderingCount = index + 1;
    }
}
