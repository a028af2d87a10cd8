package io.sluice.engine;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import io.sluice.ring.EventSlot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The ingest's publishing into the main ring: what a pass filled is published in one go at its end, a full batch at
 * once, and on a full ring what is held is published before the ingest sleeps (longer each time) until a batch's worth
 * of room is free. The sleeps are recorded, not slept: each one lets the consumer take a few events.
 */
class MainRingBatchTest
{
    private static final int SIZE = 64;

    private final RingBuffer<EventSlot> ring = RingBuffer.createSingleProducer(EventSlot::new, SIZE, new LingerWait());
    private final Sequence consumer = new Sequence(-1);
    private final List<Long> sleeps = new ArrayList<>();
    private final List<Long> cursorWhenAsleep = new ArrayList<>();
    private final MainRingBatch batch = new MainRingBatch(ring, nanos ->
    {
        sleeps.add(nanos);
        cursorWhenAsleep.add(ring.getCursor());
        consumer.set(consumer.get() + 4);
    });

    MainRingBatchTest()
    {
        ring.addGatingSequences(consumer);
    }

    @Test
    void whatAPassFilledIsPublishedAtItsEndInOneGo()
    {
        fill(5);
        assertEquals(-1, ring.getCursor(), "nothing published during the pass");
        assertEquals(5, batch.pending());

        batch.publish();

        assertEquals(4, ring.getCursor());
        assertEquals(0, batch.pending());
    }

    @Test
    void aFullBatchIsPublishedBeforeTheNextClaim()
    {
        fill(SIZE / 4);
        assertEquals(-1, ring.getCursor());

        fill(1);

        assertEquals(SIZE / 4 - 1, ring.getCursor(), "a quarter of the ring at most is held");
        assertEquals(1, batch.pending());
    }

    @Test
    void onAFullRingWhatIsHeldIsPublishedThenTheIngestSleepsLongerEachTimeUntilABatchFits()
    {
        consumer.set(SIZE / 4 - 1);   // the consumer has taken a quarter: the ring takes SIZE + SIZE / 4 claims
        fill(SIZE + SIZE / 4);
        assertEquals(List.of(), sleeps);

        fill(1);

        assertEquals(List.of(50_000L, 100_000L, 200_000L, 400_000L), sleeps, "until 16 slots (a batch) were free");
        assertEquals(SIZE + SIZE / 4 - 1, cursorWhenAsleep.get(0), "everything held was published before the first sleep");
        assertEquals(1, batch.pending());
    }

    @Test
    void sleepsForRoomStopGrowingAtAMillisecond()
    {
        fill(SIZE);
        final MainRingBatch slow = new MainRingBatch(ring, nanos ->
        {
            sleeps.add(nanos);
            if (sleeps.size() == 8)
            {
                consumer.set(consumer.get() + SIZE / 4);
            }
        });

        slow.claim();

        assertEquals(List.of(50_000L, 100_000L, 200_000L, 400_000L, 800_000L, 1_000_000L, 1_000_000L, 1_000_000L), sleeps);
    }

    private void fill(final int events)
    {
        for (int i = 0; i < events; i++)
        {
            batch.filled(batch.claim());
        }
    }
}
