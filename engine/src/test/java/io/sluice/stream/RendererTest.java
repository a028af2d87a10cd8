package io.sluice.stream;

import io.sluice.report.Problems;
import io.sluice.ring.EventSlot;
import io.sluice.ring.Rendering;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A stream's renderer offers the rendering its router group put in the slot, and renders the event itself when the slot
 * carries none (an event its stream rewrote).
 */
class RendererTest
{
    private final Problems problems = new Problems(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    @Test
    void aCarriedRenderingIsOfferedAsItIsAndAnEventWithoutOneIsRenderedByTheWriter()
    {
        final SeqFormatter own = new SeqFormatter("own:", -1);
        final Renderer renderer = new Renderer(own, null);
        renderer.shareAt(0);
        final EventSlot slot = slotWithSeq(42);

        final Rendering carried = new Rendering(1);
        carried.rendered(carried.take().putStringWithoutLengthAscii(0, "group:seq=42"));
        carried.place(0, 0);
        slot.addRendering(carried);
        renderer.render(slot, "s", problems);
        assertEquals("group:seq=42", text(renderer, slot));
        assertEquals(0, own.calls);

        final EventSlot rewritten = slotWithSeq(43);
        renderer.render(rewritten, "s", problems);
        assertEquals("own:seq=43", text(renderer, rewritten));
        assertEquals(1, own.calls);
    }

    @Test
    void aRenderingTakenForANewEventIsPlacedNowhere()
    {
        final Rendering rendering = new Rendering(2);
        rendering.take();
        rendering.place(1, 17);
        assertEquals(Rendering.NOT_PLACED, rendering.placedAt(0));
        assertEquals(17, rendering.placedAt(1));
        rendering.take();
        assertEquals(Rendering.NOT_PLACED, rendering.placedAt(1));
    }

    @Test
    void anUnusuallyLargeRenderingIsNotKeptWhenTheRenderingIsTakenAgain()
    {
        final Rendering rendering = new Rendering(1);
        rendering.take().putBytes(0, new byte[Rendering.KEPT_CAPACITY * 2]);
        rendering.rendered(Rendering.KEPT_CAPACITY * 2);
        assertEquals(Rendering.INITIAL_CAPACITY, rendering.take().capacity());
    }

    private static EventSlot slotWithSeq(final long seq)
    {
        final UnsafeBuffer record = new UnsafeBuffer(new byte[Long.BYTES]);
        record.putLong(0, seq);
        final EventSlot slot = new EventSlot();
        slot.set(record, 0, Long.BYTES, 7, 0, seq);
        return slot;
    }

    private static String text(final Renderer renderer, final EventSlot slot)
    {
        return renderer.bytes(slot).getStringWithoutLengthAscii(0, renderer.length());
    }
}
