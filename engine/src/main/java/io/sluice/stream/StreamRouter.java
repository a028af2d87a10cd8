package io.sluice.stream;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.sluice.config.BufferMode;
import io.sluice.filter.route.EventIdFilter;
import io.sluice.filter.route.PolicyFilter;
import io.sluice.filter.StreamExportFilters;
import io.sluice.policy.EventView;
import io.sluice.report.Problems;
import io.sluice.ring.EventSlot;
import org.agrona.MutableDirectBuffer;

import java.util.concurrent.CountDownLatch;

/**
 * A stream's handler on the main ring: applies the stream's filters and copies each passing event into the
 * stream's own ring, claiming with {@code next()} in block mode (waits for room, back-pressure reaches the
 * source) or {@code tryNext()} in drop mode (counts a drop when the ring is full). A stream with Tetragon filters
 * of its own decodes the event (reading the shared slot only) and may send a rewritten copy; a filter that throws
 * fails the event for this stream (counted, reported once) and never stops the main ring.
 */
final class StreamRouter implements EventHandler<EventSlot>
{
    /**
     * The filters of the next reload: written by the signal thread ({@link #reload}) before the ingest thread's stages
     * of the same generation are put in force. The ingest thread publishes each event on the main ring after reading its
     * stages (volatile), and this thread reads the slot after the ring's barrier, so when an event of the new generation
     * arrives, the set written here is visible whole.
     */
    private volatile RouteFilters next;
    /** The filters routing events: this thread's own; they change when an event of another generation arrives. */
    private RouteFilters filters;
    private final boolean block;
    private final RingBuffer<EventSlot> ring;
    private final StreamCounters counters;
    private final EventView view = new EventView(null);
    private final String streamName;
    private final Problems problems;
    private final CountDownLatch running;

    StreamRouter(
        final String streamName,
        final EventIdFilter events,
        final PolicyFilter policies,
        final BufferMode mode,
        final RingBuffer<EventSlot> ring,
        final StreamCounters counters,
        final StreamExportFilters exports,
        final Problems problems,
        final CountDownLatch running)
    {
        this.running = running;
        this.streamName = streamName;
        this.problems = problems;
        this.filters = new RouteFilters(events, policies, exports, 0);
        this.block = mode == BufferMode.BLOCK;
        this.ring = ring;
        this.counters = counters;
    }

    /**
     * @param next the stream's new filters, in force from the first event the ingest stages of its generation decide
     *             (their lineage bits and these filters belong together).
     */
    void reload(final RouteFilters next)
    {
        this.next = next;
    }

    /** The set routing an event of {@code generation}: the next reload's from its first event on. */
    private RouteFilters filtersFor(final int generation)
    {
        final RouteFilters current = filters;
        if (generation != current.generation)
        {
            final RouteFilters pending = next;
            if (pending != null && pending.generation == generation)
            {
                filters = pending;
                return pending;
            }
        }
        return current;
    }

    @Override
    public void onStart()
    {
        running.countDown();
    }

    @Override
    public void onEvent(final EventSlot slot, final long sequence, final boolean endOfBatch)
    {
        final RouteFilters current = filtersFor(slot.generation());
        final StreamExportFilters exports = current.exports;
        if (!current.events.matches(slot.eventId()) || !current.policies.matches(slot.policies()))
        {
            return;
        }
        int rewritten = 0;
        if (exports != null)
        {
            // the slot is shared with the other routers: read only (its buffer is an ExpandableArrayBuffer)
            // a global field filter may have cleared id and policies from the record: the slot keeps the event's own
            try
            {
                rewritten = exports.apply(view.wrap((MutableDirectBuffer)slot.buffer(), 0, slot.length())
                    .asPublished(slot.eventId(), slot.policies()));
            }
            catch (final RuntimeException ex)
            {
                problems.report("stream " + streamName + ": filters", "stream " + streamName +
                    ": export filters failed on event id " + slot.eventId() + ": " + ex);
                counters.onMatched();
                counters.onFailedRouting();
                return;
            }
            if (rewritten == StreamExportFilters.DROPPED)
            {
                return;
            }
        }
        counters.onMatched();
        final long claimed;
        if (block)
        {
            claimed = ring.next();
        }
        else
        {
            try
            {
                claimed = ring.tryNext();
            }
            catch (final InsufficientCapacityException full)
            {
                counters.onDropped();
                return;
            }
        }
        try
        {
            if (rewritten > 0)
            {
                ring.get(claimed).set(exports.out(), 0, rewritten, slot.eventId(), slot.policies(), slot.sequenceInSource());
                ring.get(claimed).stamp(slot.entryNanos());
            }
            else
            {
                ring.get(claimed).copyFrom(slot);
            }
        }
        finally
        {
            ring.publish(claimed);
        }
    }
}
