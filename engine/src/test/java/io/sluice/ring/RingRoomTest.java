package io.sluice.ring;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A producer that found its ring full waits until an eighth of it is free, so it then fills that share in one go,
 * parking from 50 µs and twice as long each time up to 1 ms; no longer than the consumer keeps freeing room, so a
 * consumer that pauses with enough room free never holds the producer back; and at most 10 ms at a time (the
 * caller looks again). The consumer here frees room at each of the producer's parks, which are recorded, not
 * slept.
 */
@Timeout(10)
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
        fill(SIZE);
    }

    @Test
    void aFullRingIsWaitedOnUntilAnEighthOfItIsFreeParkingLongerEachTime()
    {
        final RingRoom room = room(nanos -> consumer.set(consumer.get() + 1));
        room.awaitFull(1);
        assertEquals(SIZE / 8, room.wanted());
        assertEquals(SIZE / 8, ring.remainingCapacity(), "one slot freed per park: eight parks");
        assertEquals(List.of(50 * MICROS, 100 * MICROS, 200 * MICROS, 400 * MICROS, 800 * MICROS, 1000 * MICROS,
            1000 * MICROS, 1000 * MICROS), parks);
    }

    @Test
    void aConsumerThatPausesWithRoomFreeDoesNotHoldTheProducer()
    {
        // the consumer frees two slots during the first park, then nothing: taken after one more park
        room(nanos -> consumer.set(parks.size() == 1 ? 1 : consumer.get())).awaitFull(1);
        assertEquals(2, ring.remainingCapacity());
        assertEquals(2, parks.size());
    }

    @Test
    void lessRoomThanTheWriteNeedsIsWaitedOnEvenWhenTheConsumerPauses()
    {
        // two slots free after the first park, then nothing: not enough for a write of three
        room(nanos -> consumer.set(parks.size() == 1 ? 1 : consumer.get())).awaitFull(3);
        assertEquals(2, ring.remainingCapacity());
        assertEquals(14, parks.size(), "waited its longest, 10 ms, for the third");
    }

    @Test
    void oneWaitLastsTenMillisecondsAtMost()
    {
        room(RingRoomTest::freeNothing).awaitFull(1);
        assertEquals(0, ring.remainingCapacity());
        assertEquals(10_550 * MICROS, parks.stream().mapToLong(Long::longValue).sum(),
            "50 + 100 + 200 + 400 + 800 µs, then 1 ms parks until 10 ms or more");
    }

    private RingRoom room(final LongConsumer consumerDuringPark)
    {
        return new RingRoom(ring::remainingCapacity, SIZE / 8, nanos ->
        {
            parks.add(nanos);
            consumerDuringPark.accept(nanos);
        });
    }

    private static void freeNothing(final long nanos)
    {
        // a consumer that takes nothing
    }

    private void fill(final int slots)
    {
        for (int i = 0; i < slots; i++)
        {
            ring.publish(ring.next());
        }
    }
}
