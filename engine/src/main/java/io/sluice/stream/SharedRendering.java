package io.sluice.stream;

import io.sluice.format.EventFormatter;
import io.sluice.report.Problems;
import io.sluice.ring.EventSlot;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * One format a {@link RouterGroup} renders for several of its streams: each event of the main ring at most once, on
 * the first of those streams that takes it unchanged, into a buffer kept for the run; each of those streams' routers
 * copies the bytes into its own slot beside the record. Its formatter is its own and runs on the group's thread alone.
 */
final class SharedRendering
{
    private final SharedFormat format;
    private final EventFormatter formatter;
    private final Problems problems;
    private final ExpandableArrayBuffer rendering = new ExpandableArrayBuffer(4096);
    private long renderedSequence = -1;
    private int length;
    private long renders;

    SharedRendering(final SharedFormat format, final Problems problems)
    {
        this.format = format;
        this.formatter = format.newFormatter();
        this.problems = problems;
    }

    /**
     * @param slot     an event of the main ring.
     * @param sequence its sequence there: an event is rendered once, whichever stream asks first.
     * @return the rendering's length, or -1 when the formatter failed on it (reported once, for every stream).
     */
    int render(final EventSlot slot, final long sequence)
    {
        if (sequence != renderedSequence)
        {
            renderedSequence = sequence;
            renders++;
            try
            {
                length = formatter.format(slot.buffer(), 0, slot.length(), rendering, 0);
            }
            catch (final Throwable ex)
            {
                // any failure, an Error too: the event fails at every destination of this format, the streams go on
                length = -1;
                problems.report("format " + format + ": render", "format " + format + ": cannot render event id "
                    + slot.eventId() + " (for every stream using it): " + ex);
            }
        }
        return length;
    }

    /**
     * @return the last rendering's bytes.
     */
    DirectBuffer bytes()
    {
        return rendering;
    }

    /**
     * @return events rendered so far (read by tests on the group's thread or after it ended).
     */
    long renders()
    {
        return renders;
    }
}
