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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stream's renderer offers the rendering its router group put in the slot, and renders the event itself when the slot
 * carries none (an event its stream rewrote); the slot's reader releases what the slot held.
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

        final Rendering carried = new Rendering();
        carried.rendered(carried.take().putStringWithoutLengthAscii(0, "group:seq=42"));
        carried.hold();
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
    void aRenderingIsFreeOnlyOnceTheGroupAndEverySlotHoldingItReleasedIt()
    {
        final Rendering rendering = new Rendering();
        assertTrue(rendering.free());
        rendering.rendered(rendering.take().putStringWithoutLengthAscii(0, "seq=1"));
        final EventSlot first = slotWithSeq(1);
        final EventSlot second = slotWithSeq(1);
        rendering.hold();
        first.addRendering(rendering);
        rendering.hold();
        second.addRendering(rendering);
        rendering.release();
        assertFalse(rendering.free(), "the group let go; two slots still hold it");
        first.releaseRenderings();
        assertFalse(rendering.free(), "one slot still holds it");
        assertEquals(0, first.renderingCount());
        second.releaseRenderings();
        assertTrue(rendering.free());
    }

    @Test
    void anUnusuallyLargeRenderingIsNotKeptWhenTheRenderingIsTakenAgain()
    {
        final Rendering rendering = new Rendering();
        rendering.take().putBytes(0, new byte[Rendering.KEPT_CAPACITY * 2]);
        rendering.rendered(Rendering.KEPT_CAPACITY * 2);
        rendering.release();
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
