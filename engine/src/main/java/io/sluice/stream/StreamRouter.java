package io.sluice.stream;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.sluice.config.BufferMode;
import io.sluice.filter.EventIdFilter;
import io.sluice.filter.PolicyFilter;
import io.sluice.ring.EventSlot;

/**
 * A stream's handler on the main ring: applies the stream's filters and copies each passing event into the
 * stream's own ring, claiming with {@code next()} in block mode (waits for room, back-pressure reaches the
 * source) or {@code tryNext()} in drop mode (counts a drop when the ring is full).
 */
final class StreamRouter implements EventHandler<EventSlot>
{
    private final EventIdFilter events;
    private final PolicyFilter policies;
    private final boolean block;
    private final RingBuffer<EventSlot> ring;
    private final StreamCounters counters;

    StreamRouter(
        final EventIdFilter events,
        final PolicyFilter policies,
        final BufferMode mode,
        final RingBuffer<EventSlot> ring,
        final StreamCounters counters)
    {
        this.events = events;
        this.policies = policies;
        this.block = mode == BufferMode.BLOCK;
        this.ring = ring;
        this.counters = counters;
    }

    @Override
    public void onEvent(final EventSlot slot, final long sequence, final boolean endOfBatch)
    {
        if (!events.matches(slot.eventId()) || !policies.matches(slot.policies()))
        {
            return;
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
            ring.get(claimed).copyFrom(slot);
        }
        finally
        {
            ring.publish(claimed);
        }
    }
}
