package io.sluice.stream;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import io.sluice.config.BufferMode;
import io.sluice.filter.route.EventIdFilter;
import io.sluice.filter.route.PolicyFilter;
import io.sluice.report.Problems;
import io.sluice.ring.BatchedSignalWaitStrategy;
import io.sluice.ring.EventSlot;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A reload's stream filters route exactly the events its ingest stages decided: an event still carrying the old
 * generation is routed by the old filters even after the new ones were handed over, and the first event of the new
 * generation switches them for good.
 */
class StreamRouterGenerationTest
{
    private static final int OPENAT = 257;
    private static final int EXECVE = 59;

    private final StreamCounters counters = new StreamCounters();
    private final BatchedSignalWaitStrategy signals = new BatchedSignalWaitStrategy(new BlockingWaitStrategy(), 1);
    private final StreamRouter router = new StreamRouter("s", EventIdFilter.of(List.of(OPENAT)), PolicyFilter.all(),
        BufferMode.DROP, RingBuffer.createSingleProducer(EventSlot::new, 64, signals), signals, counters, null,
        new Problems(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)), new CountDownLatch(1));

    @Test
    void eventsAreRoutedByTheFiltersOfTheirOwnGeneration()
    {
        route(OPENAT, 0);
        assertEquals(1, counters.matched(), "generation 0 lets openat through");

        router.reload(new RouteFilters(EventIdFilter.of(List.of(EXECVE)), PolicyFilter.all(), null, 1));
        route(OPENAT, 0);
        assertEquals(2, counters.matched(), "an event the old stages decided still meets the old filters");
        route(EXECVE, 0);
        assertEquals(2, counters.matched(), "and the old filters still refuse execve");

        route(EXECVE, 1);
        assertEquals(3, counters.matched(), "the first event of the new generation switches to the new filters");
        route(OPENAT, 1);
        assertEquals(3, counters.matched(), "which refuse openat from then on");
    }

    private void route(final int eventId, final int generation)
    {
        final EventSlot slot = new EventSlot();
        slot.set(new UnsafeBuffer(new byte[16]), 0, 16, eventId, 1L, 0);
        slot.generation(generation);
        router.onEvent(slot, 0, true);
    }
}
