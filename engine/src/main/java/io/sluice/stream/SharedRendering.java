package io.sluice.stream;

import io.sluice.format.EventFormatter;
import io.sluice.report.Problems;
import io.sluice.ring.EventSlot;
import io.sluice.ring.Rendering;

/**
 * One format a {@link RouterGroup} renders for its streams: each event of the main ring at most once, on the first of
 * those streams that takes it unchanged, into a {@link Rendering} of a pool kept for the run; each of those streams'
 * routers hands a reference to it to its stream's slot (no copy per stream) and each writer releases it when done.
 * A rendering is reused only once every holder released it. The pool has a rendering for every slot of the streams'
 * rings and two more (the event being routed, and one to take while it is held), so a free one is always there: each
 * slot holds at most one rendering of this format, and a writer releases it before its ring can give the slot again.
 * Its formatter is its own and runs on the group's thread alone.
 */
final class SharedRendering
{
    private final SharedFormat format;
    private final EventFormatter formatter;
    private final Problems problems;
    private final Rendering[] pool;
    private Rendering current;
    private int next;
    private long renderedSequence = -1;
    private long renders;

    /**
     * @param format   the format.
     * @param slots    slots of the rings of every stream it renders for.
     * @param problems where a failure to render is reported.
     */
    SharedRendering(final SharedFormat format, final int slots, final Problems problems)
    {
        this.format = format;
        this.formatter = format.newFormatter();
        this.problems = problems;
        this.pool = new Rendering[slots + 2];
        for (int i = 0; i < pool.length; i++)
        {
            pool[i] = new Rendering();
        }
    }

    /**
     * @param slot     an event of the main ring.
     * @param sequence its sequence there: an event is rendered once, whichever stream asks first.
     * @return its rendering (held by the group until {@link #releaseCurrent}; length -1 when the formatter failed on it,
     *         reported once for every stream).
     */
    Rendering render(final EventSlot slot, final long sequence)
    {
        if (sequence != renderedSequence)
        {
            releaseCurrent();
            renderedSequence = sequence;
            renders++;
            final Rendering rendering = nextFree();
            int length;
            try
            {
                length = formatter.format(slot.buffer(), 0, slot.length(), rendering.take(), 0);
            }
            catch (final Throwable ex)
            {
                // any failure, an Error too: the event fails at every destination of this format, the streams go on
                length = -1;
                problems.report("format " + format + ": render", "format " + format + ": cannot render event id "
                    + slot.eventId() + " (for every stream using it): " + ex);
            }
            rendering.rendered(length);
            current = rendering;
        }
        return current;
    }

    /** The group is done routing the event rendered last: its streams' slots hold it from now on, or no one does. */
    void releaseCurrent()
    {
        if (current != null)
        {
            current.release();
            current = null;
        }
    }

    private Rendering nextFree()
    {
        for (int scanned = 0; scanned < pool.length; scanned++)
        {
            final Rendering candidate = pool[next];
            next = next + 1 == pool.length ? 0 : next + 1;
            if (candidate.free())
            {
                return candidate;
            }
        }
        // cannot happen while every writer releases what it took (see the class comment): a bug, not a state to wait in
        throw new IllegalStateException("format " + format + ": every one of " + pool.length + " renderings is held");
    }

    /**
     * @return events rendered so far (read by tests on the group's thread or after it ended).
     */
    long renders()
    {
        return renders;
    }

    /**
     * @return renderings held now by the group or a stream's slot (tests, on the group's thread or after it ended).
     */
    int held()
    {
        int held = 0;
        for (final Rendering rendering : pool)
        {
            held += rendering.free() ? 0 : 1;
        }
        return held;
    }
}
