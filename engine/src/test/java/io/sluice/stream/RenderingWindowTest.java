package io.sluice.stream;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import io.sluice.report.Problems;
import io.sluice.ring.EventSlot;
import io.sluice.ring.Rendering;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A group's renderings are taken from a window that grows only while its writers hold every rendering in it: with the
 * writer close behind, a run reuses as few renderings as the writer holds, not one per ring slot; a writer that falls
 * behind keeps each of its renderings, unchanged, until it passes their slots.
 */
class RenderingWindowTest
{
    private static final int RING = 256;

    private final RingBuffer<EventSlot> ring = RingBuffer.createSingleProducer(EventSlot::new, RING);
    /** The stream's writer: the last slot of the ring it has passed. */
    private final Sequence writer = new Sequence(-1);
    private final SharedRendering renderings = new SharedRendering(
        new SharedFormat("seq", () -> new SeqFormatter("", -1)),
        new Problems(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    private final EventSlot event = new EventSlot();
    private final UnsafeBuffer record = new UnsafeBuffer(new byte[Long.BYTES]);
    private int user;
    private long mainSequence;

    @BeforeEach
    void addTheStream()
    {
        ring.addGatingSequences(writer);
        user = renderings.addUser(ring);
    }

    @Test
    void aWriterThreeSlotsBehindKeepsFourRenderingsInUseWhateverTheRingsSize()
    {
        final Set<Rendering> used = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < 10 * RING; i++)
        {
            final long slot = route();
            used.add(ring.get(slot).rendering(0));
            writer.set(slot - 3);
        }
        assertEquals(4, used.size(), "three held by the writer and the one it just passed");
    }

    @Test
    void aWriterThatFallsBehindKeepsEachOfItsRenderingsUntilItPassesTheirSlots()
    {
        final List<Rendering> held = new ArrayList<>();
        for (int i = 0; i < RING; i++)
        {
            held.add(ring.get(route()).rendering(0));
        }
        assertEquals(RING, distinct(held), "a rendering for each slot the writer holds");
        for (int i = 0; i < RING; i++)
        {
            assertEquals("seq=" + i, text(held.get(i)), "a rendering the writer has not passed is never reused");
        }
        assertEquals(RING, renderings.held());

        writer.set(RING - 1);
        final Set<Rendering> afterwards = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < RING; i++)
        {
            final long slot = route();
            afterwards.add(ring.get(slot).rendering(0));
            writer.set(slot);
        }
        assertTrue(afterwards.stream().allMatch(r -> held.contains(r)), "the window grown for the burst is reused");
        assertEquals(0, renderings.held());
    }

    /** The next event of the main ring rendered and placed in the stream's next slot, published; its slot's sequence. */
    private long route()
    {
        final long sequence = mainSequence++;
        record.putLong(0, sequence);
        event.set(record, 0, Long.BYTES, 1, 1L, sequence);
        final Rendering rendering = renderings.render(event, sequence);
        final long claimed = ring.next();
        ring.get(claimed).copyWithoutRecord(event);
        ring.get(claimed).addRendering(rendering);
        rendering.place(user, claimed);
        ring.publish(claimed);
        return claimed;
    }

    private static int distinct(final List<Rendering> renderings)
    {
        final Set<Rendering> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(renderings);
        return set.size();
    }

    private static String text(final Rendering rendering)
    {
        return rendering.bytes().getStringWithoutLengthAscii(0, rendering.length());
    }
}
