package io.sluice.stream;

import io.sluice.format.EventFormatter;
import io.sluice.report.Problems;
import io.sluice.ring.EventSlot;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * One formatter of a stream with the buffer it renders into: each event is rendered once per formatter, and every
 * destination using the formatter is offered the same bytes. A formatter that passes records through (journals) is
 * handed the slot's record itself. Used by the stream's writer thread only.
 */
final class Renderer
{
    private final EventFormatter formatter;
    private final boolean passThrough;
    private final ExpandableArrayBuffer rendering = new ExpandableArrayBuffer(4096);
    private int length;

    Renderer(final EventFormatter formatter)
    {
        this.formatter = formatter;
        this.passThrough = formatter.passesRecordThrough();
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
     * @return the bytes to offer: the rendering, or the record itself.
     */
    DirectBuffer bytes(final EventSlot slot)
    {
        return passThrough ? slot.buffer() : rendering;
    }

    /**
     * @return the length of the last rendering.
     */
    int length()
    {
        return length;
    }
}
