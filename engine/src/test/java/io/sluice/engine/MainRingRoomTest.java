package io.sluice.engine;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import io.sluice.ring.EventSlot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The ingest's claims on the main ring: with room, a claim never sleeps; on a full ring the ingest sleeps, longer each
 * time up to a millisecond, until a quarter of the ring (or 256 slots) is free, then claims the next slot. The sleeps
 * are recorded, not slept: each lets the consumer take a few events.
 */
class MainRingRoomTest
{
    private static final int SIZE = 64;

    private final RingBuffer<EventSlot> ring = RingBuffer.createSingleProducer(EventSlot::new, SIZE, new BlockingWaitStrategy());
    private final Sequence consumer = new Sequence(-1);
    private final List<Long> sleeps = new ArrayList<>();

    MainRingRoomTest()
    {
        ring.addGatingSequences(consumer);
    }

    @Test
    void aRingWithRoomIsClaimedWithoutSleeping()
    {
        final MainRingRoom room = new MainRingRoom(ring, sleeps::add);

        for (long expected = 0; expected < SIZE; expected++)
        {
            assertEquals(expected, claimAndPublish(room));
        }
        assertEquals(List.of(), sleeps);
    }

    @Test
    void aFullRingIsWaitedOnLongerEachTimeUntilAQuarterIsFree()
    {
        final MainRingRoom room = new MainRingRoom(ring, nanos ->
        {
            sleeps.add(nanos);
            consumer.set(consumer.get() + 4);
        });
        for (int i = 0; i < SIZE; i++)
        {
            claimAndPublish(room);
        }

        assertEquals(SIZE, claimAndPublish(room));

        assertEquals(List.of(50_000L, 100_000L, 200_000L, 400_000L), sleeps, "until 16 slots were free, not 1");
    }

    @Test
    void sleepsForRoomStopGrowingAtAMillisecond()
    {
        final MainRingRoom room = new MainRingRoom(ring, nanos ->
        {
            sleeps.add(nanos);
            if (sleeps.size() == 8)
            {
                consumer.set(consumer.get() + SIZE / 4);
            }
        });
        for (int i = 0; i < SIZE; i++)
        {
            claimAndPublish(room);
        }

        claimAndPublish(room);

        assertEquals(List.of(50_000L, 100_000L, 200_000L, 400_000L, 800_000L, 1_000_000L, 1_000_000L, 1_000_000L), sleeps);
    }

    private long claimAndPublish(final MainRingRoom room)
    {
        final long claimed = room.claim();
        ring.publish(claimed);
        return claimed;
    }
}
