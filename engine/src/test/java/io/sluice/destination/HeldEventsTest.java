package io.sluice.destination;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a destination holds: a write that stops part way accepts the events that left whole and keeps the torn one
 * first; discarding keeps the torn one too, so a file never holds half an event followed by another.
 */
class HeldEventsTest
{
    private final HeldEvents held = new HeldEvents(64, 8);

    @Test
    void aPartialWriteAcceptsOnlyTheEventsThatLeftWhole()
    {
        append("aaaa");
        append("bbbb");
        append("cccc");
        assertEquals(15, held.unwrittenBytes());
        assertEquals(1, held.advance(7), "'aaaa\\n' left whole, 'bb' did not");
        assertFalse(held.atEventBoundary());
        assertEquals("bb\ncccc\n", text(held.unwritten()));
        assertEquals(2, held.advance(8));
        assertEquals(0, held.events());
        assertTrue(held.atEventBoundary());
    }

    @Test
    void discardingGivesUpOnEveryHeldEventButKeepsTheTailOfATornOne()
    {
        append("aaaa");
        append("bbbb");
        append("cccc");
        held.advance(7);
        assertEquals(2, held.discardUnstarted(), "bbbb (torn) and cccc given up on, in order");
        assertEquals(0, held.events());
        assertFalse(held.atEventBoundary(), "the torn tail must leave before anything new starts a file");
        append("dddd");
        assertEquals("bb\ndddd\n", text(held.unwritten()), "the tail goes first");
        assertEquals(0, held.advance(3), "the tail completes no event");
        assertTrue(held.atEventBoundary());
        assertEquals(1, held.advance(5));
        assertEquals(0, held.unwrittenBytes());
    }

    @Test
    void refusesWhenFullButTakesOneEventLargerThanItsCapacityAlone()
    {
        assertTrue(append("x".repeat(100)), "alone, even a large event is taken");
        assertFalse(append("y"), "nothing more until pushed");
        held.advance(101);
        for (int i = 0; i < 8; i++)
        {
            assertTrue(append("z"));
        }
        assertFalse(append("z"), "at most 8 events");
    }

    @Test
    void startsInLittleMemoryAndGrowsToItsCapacityKeepingWhatItHolds()
    {
        final HeldEvents large = new HeldEvents(1024 * 1024, 4096);
        assertEquals(HeldEvents.INITIAL_MEMORY, large.memory(), "an idle destination holds no megabyte");
        final StringBuilder expected = new StringBuilder();
        int events = 0;
        while (true)
        {
            final String event = (char)('a' + events % 26) + "x".repeat(999);
            final byte[] bytes = event.getBytes(StandardCharsets.US_ASCII);
            if (!large.append(new UnsafeBuffer(bytes), 0, bytes.length, '\n'))
            {
                break;
            }
            expected.append(event).append('\n');
            events++;
        }
        assertEquals(1024 * 1024 / 1001, events, "refused only once the capacity is full");
        assertEquals(1024 * 1024, large.memory(), "grown to the capacity, no further");
        assertEquals(expected.toString(), text(large.unwritten()), "every byte kept across the growth");
        assertEquals(events, large.advance(expected.length()));
    }

    @Test
    void remembersWhereRecentEventsEndedSoAPipeReaderThatLeftCanBeAnsweredFor()
    {
        append("aaaa");
        append("bbbb");
        held.advance(10);
        append("cccc");
        held.advance(5);
        assertEquals(15, held.bytesLeft());
        assertEquals(0, held.leftSince(15), "the reader took everything");
        assertEquals(1, held.leftSince(12), "the reader stopped inside cccc");
        assertEquals(2, held.leftSince(5), "the reader took only aaaa");
    }

    private boolean append(final String event)
    {
        final byte[] bytes = event.getBytes(StandardCharsets.US_ASCII);
        return held.append(new UnsafeBuffer(bytes), 0, bytes.length, '\n');
    }

    private static String text(final ByteBuffer bytes)
    {
        final byte[] copy = new byte[bytes.remaining()];
        bytes.duplicate().get(copy);
        return new String(copy, StandardCharsets.US_ASCII);
    }
}
