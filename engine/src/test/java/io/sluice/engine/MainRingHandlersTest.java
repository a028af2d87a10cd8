package io.sluice.engine;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.sluice.report.Problems;
import io.sluice.ring.BatchedSignalWaitStrategy;
import io.sluice.ring.EventSlot;
import io.sluice.stream.ClientHub;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The ingest puts its events in the main ring only when a thread reads it: with no handler on the ring (no router
 * thread, no clients' hub) it uses a slot of its own, numbered as the ring's would be; with the hub on, the ring's slots,
 * which the hub then reads.
 */
class MainRingHandlersTest
{
    private final Problems problems = Problems.toStderr();

    @Test
    void withNothingOnTheMainRingTheIngestUsesOneSlotOfItsOwnNumberedAsTheRingWould()
    {
        final Disruptor<EventSlot> main = ring();
        final IngestSlots slots =
            MainRingHandlers.attach(main, signals(), List.of(), null, problems, 0).slots();

        assertInstanceOf(IngestOwnSlot.class, slots);
        final long first = slots.claim();
        final EventSlot slot = slots.slot(first);
        slots.publish(first);
        final long second = slots.claim();
        assertEquals(0, first);
        assertEquals(1, second);
        assertSame(slot, slots.slot(second), "the same slot, again for each event");
        assertEquals(-1, main.getRingBuffer().getCursor(), "the main ring is not published to");
    }

    @Test
    void withTheClientsHubOnTheIngestPublishesToTheMainRingItReads()
    {
        final Disruptor<EventSlot> main = ring();
        final ClientHub hub = new ClientHub(main.getRingBuffer()::getCursor);
        final IngestSlots slots = MainRingHandlers.attach(main, signals(), List.of(), hub, problems, 0).slots();
        main.start();
        try
        {
            assertInstanceOf(MainRingSlots.class, slots);
            final long claimed = slots.claim();
            assertSame(main.getRingBuffer().get(claimed), slots.slot(claimed));
            slots.publish(claimed);
            assertEquals(claimed, main.getRingBuffer().getCursor());
        }
        finally
        {
            main.halt();
        }
    }

    private static Disruptor<EventSlot> ring()
    {
        return new Disruptor<>(EventSlot::new, 64, Executors.defaultThreadFactory(), ProducerType.SINGLE,
            new BlockingWaitStrategy());
    }

    private static BatchedSignalWaitStrategy signals()
    {
        return new BatchedSignalWaitStrategy(new BlockingWaitStrategy(), 16);
    }
}
