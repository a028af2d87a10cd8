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
     * The filters in force: written by a reload ({@link #reload}, the signal thread), read once per event by this
     * router's thread. The volatile write publishes a set built whole before it; the read at the start of an event sees
     * it whole, so each event is routed by exactly one set.
     */
    private volatile RouteFilters filters;
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
        this.filters = new RouteFilters(events, policies, exports);
        this.block = mode == BufferMode.BLOCK;
        this.ring = ring;
        this.counters = counters;
    }

    /**
     * @param next the stream's new filters, in force from the next event this router handles.
     */
    void reload(final RouteFilters next)
    {
        filters = next;
    }

    @Override
    public void onStart()
    {
        running.countDown();
    }

    @Override
    public void onEvent(final EventSlot slot, final long sequence, final boolean endOfBatch)
    {
        final RouteFilters current = filters;
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
