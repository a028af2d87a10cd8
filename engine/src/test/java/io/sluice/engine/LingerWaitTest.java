package io.sluice.engine;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SequenceBarrier;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default wait of routers and writers: events already there are taken at once; otherwise the consumer lingers in
 * unsignalled slices while a batch builds up, ends early once a batch waits, takes whatever came when the linger is
 * over, and blocks until signalled when nothing came. The slices are recorded, not slept: the test publishes what
 * "arrives" during each.
 */
class LingerWaitTest
{
    private final List<Long> slices = new ArrayList<>();
    private final List<Integer> arrivals = new ArrayList<>();
    private final RingBuffer<long[]> ring = RingBuffer.createSingleProducer(() -> new long[1], 1024, new LingerWait(nanos ->
    {
        slices.add(nanos);
        publish(slices.size() <= arrivals.size() ? arrivals.get(slices.size() - 1) : 0);
    }));
    private final SequenceBarrier barrier = ring.newBarrier();

    @Test
    void eventsAlreadyPublishedAreTakenWithoutLingering() throws Exception
    {
        publish(3);

        assertEquals(2, barrier.waitFor(0));
        assertEquals(List.of(), slices);
    }

    @Test
    void aBatchThatBuildsUpDuringASliceEndsTheLingerThere() throws Exception
    {
        arrivals.add((int)LingerWait.BATCH);

        assertEquals(LingerWait.BATCH - 1, barrier.waitFor(0));
        assertEquals(List.of(LingerWait.SLICE_NANOS), slices);
    }

    @Test
    void fewerEventsAreTakenWhenTheLingerIsOver() throws Exception
    {
        arrivals.add(1);
        arrivals.add(2);

        assertEquals(2, barrier.waitFor(0));
        assertEquals(LingerWait.LINGER_NANOS, slices.stream().mapToLong(Long::longValue).sum());
        assertEquals(LingerWait.LINGER_NANOS / LingerWait.SLICE_NANOS, slices.size());
    }

    @Test
    void nothingDuringTheLingerBlocksUntilAPublisherSignals() throws Exception
    {
        final AtomicReference<Object> result = new AtomicReference<>();
        final Thread consumer = new Thread(() ->
        {
            try
            {
                result.set(barrier.waitFor(0));
            }
            catch (final Exception ex)
            {
                result.set(ex);
            }
        });
        consumer.start();
        awaitBlocked(consumer);
        assertEquals(LingerWait.LINGER_NANOS / LingerWait.SLICE_NANOS, slices.size(), "lingered first");

        publish(1);
        consumer.join();

        assertEquals(0L, result.get(), "the blocked consumer was woken by the publish");
    }

    @Test
    void aBlockedConsumerIsWokenByAnAlert() throws Exception
    {
        final AtomicReference<Object> result = new AtomicReference<>();
        final Thread consumer = new Thread(() ->
        {
            try
            {
                result.set(barrier.waitFor(0));
            }
            catch (final Exception ex)
            {
                result.set(ex);
            }
        });
        consumer.start();
        awaitBlocked(consumer);

        barrier.alert();
        consumer.join();

        assertInstanceOf(AlertException.class, result.get());
    }

    private static void awaitBlocked(final Thread consumer)
    {
        while (consumer.getState() != Thread.State.WAITING)
        {
            assertTrue(consumer.isAlive(), "the consumer returned instead of blocking");
            Thread.onSpinWait();
        }
    }

    private void publish(final int events)
    {
        for (int i = 0; i < events; i++)
        {
            ring.publish(ring.next());
        }
    }
}
