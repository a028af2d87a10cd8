package io.sluice.stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A grouped router signals a writer that blocked every few publishes of 64 events: four on the default ring of 1,024
 * slots, fewer on a smaller one, so that the events behind one signal are never more than a quarter of the ring (a
 * writer woken only once its ring is full would make a drop stream drop and a block stream wait).
 */
class StreamRingSignalsTest
{
    @Test
    void theDefaultRingIsSignalledEveryQuarterAndASmallerOneAtLeastAsOften()
    {
        assertEquals(4, StreamRouter.publishesPerSignal(1024));
        assertEquals(2, StreamRouter.publishesPerSignal(512));
        assertEquals(1, StreamRouter.publishesPerSignal(256));
        assertEquals(1, StreamRouter.publishesPerSignal(64));
        assertEquals(4, StreamRouter.publishesPerSignal(1 << 20));
    }

    @Test
    void theEventsBehindOneSignalAreAtMostAQuarterOfAnyRingOf256SlotsOrMore()
    {
        for (int ring = 256; ring <= 1 << 22; ring <<= 1)
        {
            final int eventsPerPublish = Math.min(StreamRouter.PUBLISH_BATCH, ring / 4);
            assertTrue(eventsPerPublish * StreamRouter.publishesPerSignal(ring) <= ring / 4, "ring of " + ring);
        }
    }
}
