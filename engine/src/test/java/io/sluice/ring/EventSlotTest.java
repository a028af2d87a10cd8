package io.sluice.ring;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * A stream slot carries its event's shared renderings by reference, in the order they were added, and a refill starts
 * it with none: the writer offers rendering i to the destinations of the stream's i-th shared format.
 */
class EventSlotTest
{
    private final EventSlot slot = new EventSlot();
    private final EventSlot source = new EventSlot();

    @Test
    void carriesEachRenderingInTheOrderItWasAdded()
    {
        final Rendering json = new Rendering(1);
        final Rendering table = new Rendering(1);
        final Rendering template = new Rendering(1);
        slot.copyWithoutRecord(source);
        slot.addRendering(json);
        slot.addRendering(table);
        slot.addRendering(template);
        assertCarries(json, table, template);
    }

    @Test
    void aRefilledSlotStartsWithoutRenderingsAndTakesNewOnesInPlaceOfTheOld()
    {
        slot.copyWithoutRecord(source);
        slot.addRendering(new Rendering(1));
        slot.addRendering(new Rendering(1));
        slot.set(new UnsafeBuffer(new byte[8]), 0, 8, 1, 0, 7);
        assertEquals(0, slot.renderingCount(), "set clears them");
        final Rendering next = new Rendering(1);
        final Rendering second = new Rendering(1);
        slot.copyFrom(source);
        slot.addRendering(next);
        slot.addRendering(second);
        assertCarries(next, second);
    }

    private void assertCarries(final Rendering... expected)
    {
        assertEquals(expected.length, slot.renderingCount());
        for (int i = 0; i < expected.length; i++)
        {
            assertSame(expected[i], slot.rendering(i), "rendering " + i);
        }
    }
}
