package io.sluice.ring;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A producer waiting for room on a full ring: not at all while a slot is free; on a full ring until an eighth of it is
 * free, so it then fills that share in one go, parking from 50 µs and twice as long each time up to 1 ms; and no longer
 * than the consumer keeps freeing slots, so a consumer that pauses with a few slots free never holds the producer
 * back. The consumer here frees slots at each of the producer's parks, which are recorded, not slept.
 */
class RingRoomTest
{
    private static final int SIZE = 64;
    private static final long MICROS = 1_000L;

    private final RingBuffer<long[]> ring = RingBuffer.createSingleProducer(() -> new long[1], SIZE);
    private final Sequence consumer = new Sequence(-1);
    private final List<Long> parks = new ArrayList<>();

    RingRoomTest()
    {
        ring.addGatingSequences(consumer);
    }

    @Test
    void aRingWithAFreeSlotIsNotWaitedOn()
    {
        fill(SIZE - 1);
        room(true, nanos -> consumer.set(consumer.get() + 1)).await();
        assertEquals(List.of(), parks);
        assertEquals(1, ring.remainingCapacity());
    }

    @Test
    void aFullRingIsWaitedOnUntilAnEighthOfItIsFreeParkingLongerEachTime()
    {
        fill(SIZE);
        final RingRoom room = room(true, nanos -> consumer.set(consumer.get() + 1));
        room.await();
        assertEquals(SIZE / 8, room.wanted());
        assertEquals(SIZE / 8, ring.remainingCapacity(), "one slot freed per park: eight parks");
        assertEquals(List.of(50 * MICROS, 100 * MICROS, 200 * MICROS, 400 * MICROS, 800 * MICROS, 1000 * MICROS,
            1000 * MICROS, 1000 * MICROS), parks);
    }

    @Test
    void aConsumerThatPausesWithSomeSlotsFreeDoesNotHoldTheProducer()
    {
        fill(SIZE);
        // the consumer frees two slots during the first park, then nothing: taken after one more park
        room(true, nanos -> consumer.set(parks.size() == 1 ? 1 : consumer.get())).await();
        assertEquals(2, ring.remainingCapacity());
        assertEquals(2, parks.size());
    }

    @Test
    void aFullRingWhoseConsumerFreesNothingIsWaitedOnAsLongAsItTakes()
    {
        fill(SIZE);
        // nothing for nine parks, then one slot
        room(true, nanos -> consumer.set(parks.size() == 10 ? 0 : consumer.get())).await();
        assertEquals(1, ring.remainingCapacity());
        assertEquals(11, parks.size(), "ten parks to the first slot, one more to see that no other came");
        assertEquals(1000 * MICROS, parks.get(10), "the longest park is 1 ms");
    }

    @Test
    void aSingleSlotIsAllThatIsWaitedForWhenAskedSo()
    {
        fill(SIZE);
        final RingRoom one = room(false, nanos -> consumer.set(consumer.get() + 1));
        one.await();
        assertEquals(1, one.wanted());
        assertEquals(1, ring.remainingCapacity());
        assertEquals(1, parks.size());
    }

    private RingRoom room(final boolean eighth, final LongConsumer consumerDuringPark)
    {
        return new RingRoom(ring, eighth, nanos ->
        {
            parks.add(nanos);
            consumerDuringPark.accept(nanos);
        });
    }

    private void fill(final int slots)
    {
        for (int i = 0; i < slots; i++)
        {
            ring.publish(ring.next());
        }
    }
}
