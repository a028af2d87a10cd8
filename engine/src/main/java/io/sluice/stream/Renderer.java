package io.sluice.stream;

import io.sluice.format.EventFormatter;
import io.sluice.report.Problems;
import io.sluice.ring.EventSlot;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * One formatter of a stream with the buffer it renders into: each event is rendered once per formatter, and every
 * destination using the formatter is offered the same bytes. A formatter that passes records through (journals) is
 * handed the slot's record itself. When the stream's router group renders this format (for several streams, or for
 * a lone block stream: {@link #shareAt}), an event that arrives with that rendering in its slot is not rendered again: its bytes are
 * offered as they are; an event without it (one its stream's own export filters rewrote) is rendered here. Used by the
 * stream's writer thread only.
 */
final class Renderer
{
    private final EventFormatter formatter;
    private final SharedFormat shared;
    private final boolean passThrough;
    private final ExpandableArrayBuffer rendering = new ExpandableArrayBuffer(4096);
    private int sharedIndex = -1;
    private boolean usedShared;
    private int length;

    Renderer(final EventFormatter formatter, final SharedFormat shared)
    {
        this.formatter = formatter;
        this.passThrough = formatter.passesRecordThrough();
        this.shared = passThrough ? null : shared;
    }

    /**
     * @return what identifies this renderer's format across streams, or null when no other stream may share it.
     */
    SharedFormat shared()
    {
        return shared;
    }

    /**
     * Before the writer starts: the router group puts this format's rendering at {@code index} of each slot it renders.
     *
     * @param index the rendering's index in the stream's slots.
     */
    void shareAt(final int index)
    {
        this.sharedIndex = index;
    }

    /**
     * @return true when the router group renders this format for the stream: its writer renders only the events the
     *         stream's own export filters rewrote.
     */
    boolean renderedByGroup()
    {
        return sharedIndex >= 0;
    }

    /**
     * Render the slot's event; a formatter that throws fails the event for its destinations and is reported once.
     *
     * @param slot     the event.
     * @param stream   the stream's name, for the report.
     * @param problems where to report.
     */
    void render(final EventSlot slot, final String stream, final Problems problems)
    {
        if (passThrough)
        {
            length = slot.length();
            return;
        }
        usedShared = sharedIndex >= 0 && sharedIndex < slot.renderingCount();
        if (usedShared)
        {
            // rendered by the router group (a failure there was reported once, for every stream)
            length = slot.rendering(sharedIndex).length();
            return;
        }
        try
        {
            length = formatter.format(slot.buffer(), 0, slot.length(), rendering, 0);
        }
        catch (final Throwable ex)
        {
            // any failure, an Error too (a template's runaway recursion): that event fails, the stream goes on
            length = -1;
            problems.report("stream " + stream + ": format " + formatter.getClass().getSimpleName(),
                "stream " + stream + ": cannot render event id " + slot.eventId() + ": " + ex);
        }
    }

    /**
     * @return true when the last event rendered.
     */
    boolean rendered()
    {
        return length >= 0;
    }

    /**
     * @param slot the event rendered last.
     * @return the bytes to offer: the rendering (the writer's own or the group's), or the record itself.
     */
    DirectBuffer bytes(final EventSlot slot)
    {
        if (passThrough)
        {
            return slot.buffer();
        }
        return usedShared ? slot.rendering(sharedIndex).bytes() : rendering;
    }

    /**
     * @return the length of the last rendering.
     */
    int length()
    {
        return length;
    }
}
