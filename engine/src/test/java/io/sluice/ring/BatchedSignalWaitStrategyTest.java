package io.sluice.ring;

import com.lmax.disruptor.LiteBlockingWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A ring's producer signals its blocked consumers once per batch, not once per publish: its signals are passed on
 * every n-th publish and whenever it says so ({@code signalNow}); anyone else's signal, and the producer's before it
 * made itself known, is passed on at once. A consumer that blocked sees every event once the producer signals.
 */
class BatchedSignalWaitStrategyTest
{
    @Test
    void theProducersSignalsArePassedOnEveryNthPublishAndWhenItSaysSo()
    {
        final CountingSignals counted = new CountingSignals();
        final BatchedSignalWaitStrategy batched = new BatchedSignalWaitStrategy(counted, 4);
        batched.publishesOnThisThread();

        for (int publish = 0; publish < 10; publish++)
        {
            batched.signalAllWhenBlocking();
        }
        assertEquals(2, counted.signals.get(), "10 publishes: the 4th and the 8th are passed on");

        batched.signalNow();
        assertEquals(3, counted.signals.get(), "the 2 deferred since are passed on when the producer says so");
        batched.signalNow();
        assertEquals(3, counted.signals.get(), "with nothing deferred there is nothing to pass on");
    }

    @Test
    void signalsOfOtherThreadsAndBeforeTheProducerIsKnownArePassedOnAtOnce() throws Exception
    {
        final CountingSignals counted = new CountingSignals();
        final BatchedSignalWaitStrategy batched = new BatchedSignalWaitStrategy(counted, 1_000);

        batched.signalAllWhenBlocking();
        assertEquals(1, counted.signals.get(), "a producer not yet known defers nothing");

        batched.publishesOnThisThread();
        batched.signalAllWhenBlocking();
        final Thread other = new Thread(batched::signalAllWhenBlocking);
        other.start();
        other.join();
        assertEquals(2, counted.signals.get(), "another thread's signal (a halt's) is passed on at once");

        batched.signalNow();
        assertEquals(3, counted.signals.get(), "and leaves the producer's deferred signal to pass on");
    }

    @Test
    @Timeout(30)
    void aBlockedConsumerSeesTheEventsOfABatchOnceTheProducerSignals() throws Exception
    {
        final List<Thread> threads = new CopyOnWriteArrayList<>();
        final BatchedSignalWaitStrategy batched = new BatchedSignalWaitStrategy(new LiteBlockingWaitStrategy(), 1_000);
        final Disruptor<long[]> disruptor = new Disruptor<>(() -> new long[1], 64, runnable ->
        {
            final Thread thread = new Thread(runnable);
            thread.setDaemon(true);
            threads.add(thread);
            return thread;
        }, ProducerType.SINGLE, batched);
        final AtomicLong seen = new AtomicLong();
        disruptor.handleEventsWith((event, sequence, endOfBatch) -> seen.addAndGet(event[0]));
        final RingBuffer<long[]> ring = disruptor.start();
        batched.publishesOnThisThread();
        try
        {
            for (int round = 1; round <= 20; round++)
            {
                awaitBlocked(threads.get(0));
                final long before = seen.get();
                for (long value = 1; value <= 3; value++)
                {
                    final long published = value;
                    ring.publishEvent((event, sequence) -> event[0] = published);
                }
                if (round == 1)
                {
                    TimeUnit.MILLISECONDS.sleep(50);
                    assertEquals(before, seen.get(), "the producer's signals are deferred: the blocked consumer sleeps on");
                }
                batched.signalNow();
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (seen.get() != before + 6 && System.nanoTime() < deadline)
                {
                    Thread.onSpinWait();
                }
                assertEquals(before + 6, seen.get(), "round " + round + ": the blocked consumer missed the batch");
            }
        }
        finally
        {
            awaitBlocked(threads.get(0));
            final Thread halting = new Thread(disruptor::halt);
            halting.start();
            halting.join();
        }
        threads.get(0).join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(threads.get(0).isAlive(), "a halt from another thread wakes a consumer blocked on a batched ring");
    }

    private static void awaitBlocked(final Thread consumer) throws InterruptedException
    {
        while (consumer.getState() != Thread.State.WAITING)
        {
            TimeUnit.MILLISECONDS.sleep(1);
        }
    }

    /** Counts the signals passed on; consumers never wait on it. */
    private static final class CountingSignals implements WaitStrategy
    {
        private final AtomicInteger signals = new AtomicInteger();

        @Override
        public long waitFor(final long sequence, final Sequence cursor, final Sequence dependentSequence,
            final SequenceBarrier barrier)
        {
            throw new UnsupportedOperationException("not waited on");
        }

        @Override
        public void signalAllWhenBlocking()
        {
            signals.incrementAndGet();
        }
    }
}
