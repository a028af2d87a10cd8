package io.sluice.stream;

import io.sluice.report.Problems;
import io.sluice.ring.EventSlot;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A stream's renderer offers the rendering its router group put in the slot, and renders the event itself when the slot
 * carries none: an event its stream rewrote, or a rendering too large for a slot to carry.
 */
class RendererTest
{
    private final Problems problems = new Problems(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    @Test
    void aCarriedRenderingIsOfferedAsItIsAndATooLargeOneIsRenderedByTheWriter()
    {
        final SeqFormatter own = new SeqFormatter("own:", -1);
        final Renderer renderer = new Renderer(own, null);
        renderer.shareAt(0);
        final EventSlot slot = slotWithSeq(42);

        final UnsafeBuffer carried = new UnsafeBuffer("group:seq=42".getBytes(StandardCharsets.US_ASCII));
        slot.addRendering(carried, carried.capacity());
        renderer.render(slot, "s", problems);
        assertEquals("group:seq=42", text(renderer, slot));
        assertEquals(0, own.calls);

        final EventSlot large = slotWithSeq(43);
        large.addRendering(new UnsafeBuffer(new byte[EventSlot.MAX_CARRIED_RENDERING + 1]), EventSlot.MAX_CARRIED_RENDERING + 1);
        assertEquals(EventSlot.NOT_CARRIED, large.renderingLength(0));
        renderer.render(large, "s", problems);
        assertEquals("own:seq=43", text(renderer, large));
        assertEquals(1, own.calls);
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
