package io.sluice.stream;

import com.lmax.disruptor.RingBuffer;
import io.sluice.format.EventFormatter;
import io.sluice.report.Problems;
import io.sluice.ring.EventSlot;
import io.sluice.ring.Rendering;

import java.util.Arrays;

/**
 * One format a {@link RouterGroup} renders for its streams: each event of the main ring at most once, on the first of
 * those streams that takes it unchanged, into a {@link Rendering} of a pool kept for the run; each of those streams'
 * routers hands its slot a reference to it (no copy per stream) and notes the slot's sequence in the rendering.
 *
 * <p>A rendering is taken again only when the writer of every stream it was placed for has passed the slot that
 * carries it (that writer's sequence on its ring): a writer that falls behind keeps its renderings, and writers have
 * nothing to release. The pool holds a rendering for every slot of its streams' rings and two more: a ring gives a
 * slot again only once its writer passed it, so at most that many renderings are in slots not yet passed, and a free
 * one is always there. Its formatter is its own and runs on the group's thread alone.
 *
 * <p>The renderings are taken in turn from a window at the pool's start that grows by one each time every rendering in
 * it is held, so a run cycles through as many as its writers have held at once, not through the whole pool: with the
 * writers close behind, the few hundred it reuses stay in the caches, where cycling through a rendering per ring slot
 * (4,098 of 1 KiB and more for one 4,096-slot stream) made every event's bytes land on lines evicted long before.
 */
final class SharedRendering
{
    private final SharedFormat format;
    private final EventFormatter formatter;
    private final Problems problems;
    private RingBuffer<?>[] users = new RingBuffer<?>[0];
    /** Per user: the latest sequence its writer was seen past (read from its ring only when that is not enough). */
    private long[] passed = new long[0];
    private Rendering[] pool = new Rendering[0];
    private Rendering current;
    /** Renderings taken in turn: {@code pool[0, window)}. */
    private int window;
    private int next;
    private long renderedSequence = -1;
    private long renders;

    SharedRendering(final SharedFormat format, final Problems problems)
    {
        this.format = format;
        this.formatter = format.newFormatter();
        this.problems = problems;
    }

    /**
     * Before the main ring starts: one more stream renders with this format.
     *
     * @param ring the stream's ring.
     * @return the stream's index among the users, for {@link Rendering#place}.
     */
    int addUser(final RingBuffer<EventSlot> ring)
    {
        users = Arrays.copyOf(users, users.length + 1);
        users[users.length - 1] = ring;
        passed = Arrays.copyOf(passed, users.length);
        passed[users.length - 1] = -1;
        return users.length - 1;
    }

    /** The pool, made once at the first event (every user is known by then): a rendering per slot of the rings, +2. */
    private void makePool()
    {
        int slots = 2;
        for (final RingBuffer<?> user : users)
        {
            slots += user.getBufferSize();
        }
        pool = new Rendering[slots];
        for (int i = 0; i < pool.length; i++)
        {
            pool[i] = new Rendering(users.length);
        }
    }

    /**
     * @param slot     an event of the main ring.
     * @param sequence its sequence there: an event is rendered once, whichever stream asks first.
     * @return its rendering (length -1 when the formatter failed on it, reported once for every stream).
     */
    Rendering render(final EventSlot slot, final long sequence)
    {
        if (sequence != renderedSequence)
        {
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

    private Rendering nextFree()
    {
        if (pool.length == 0)
        {
            makePool();
        }
        for (int scanned = 0; scanned < window; scanned++)
        {
            final Rendering candidate = pool[next];
            next = next + 1 == window ? 0 : next + 1;
            if (free(candidate))
            {
                return candidate;
            }
        }
        if (window < pool.length)
        {
            // every rendering of the window is held: one more, never used before, so free
            return pool[window++];
        }
        // cannot happen (see the class comment): a bug, not a state to wait in
        throw new IllegalStateException("format " + format + ": every one of " + pool.length + " renderings is in use");
    }

    /** True when every writer the rendering was placed for has passed its slot. */
    private boolean free(final Rendering rendering)
    {
        for (int u = 0; u < users.length; u++)
        {
            final long placed = rendering.placedAt(u);
            if (placed > passed[u])
            {
                passed[u] = users[u].getMinimumGatingSequence();
                if (placed > passed[u])
                {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * @return events rendered so far (read by tests on the group's thread or after it ended).
     */
    long renders()
    {
        return renders;
    }

    /**
     * @return renderings in slots their writers have not passed yet (tests, on the group's thread or after it ended).
     */
    int held()
    {
        int held = 0;
        for (final Rendering rendering : pool)
        {
            held += free(rendering) ? 0 : 1;
        }
        return held;
    }
}
