package io.sluice.engine;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.LiteBlockingWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default strategy, {@code phased}, lets a publisher skip the lock unless a consumer said it is about to block:
 * no wake-up may be lost by that. Consumers that went all the way to blocking (idle past their spins) see each single
 * event published, every time.
 */
class WaitStrategiesTest
{
    private static final int CONSUMERS = 3;
    private static final int ROUNDS = 300;

    @Test
    void blockedConsumersWakeForEverySingleEvent() throws Exception
    {
        everySingleEventWakesBlockedConsumers(WaitStrategies.byName("phased"));
    }

    @Test
    void streamWritersParkedAtOnceWakeForEverySingleEvent() throws Exception
    {
        everySingleEventWakesBlockedConsumers(WaitStrategies.forStreamWriter("phased"));
    }

    private static void everySingleEventWakesBlockedConsumers(final WaitStrategy strategy) throws Exception
    {
        final Disruptor<long[]> disruptor = new Disruptor<>(() -> new long[1], 64, DaemonThreadFactory.INSTANCE,
            ProducerType.SINGLE, strategy);
        final AtomicLong[] seen = new AtomicLong[CONSUMERS];
        for (int c = 0; c < CONSUMERS; c++)
        {
            final AtomicLong mine = new AtomicLong(-1);
            seen[c] = mine;
            disruptor.handleEventsWith((event, sequence, endOfBatch) -> mine.set(event[0]));
        }
        final RingBuffer<long[]> ring = disruptor.start();
        try
        {
            for (long round = 0; round < ROUNDS; round++)
            {
                // idle long enough for every consumer to pass its spins and block
                TimeUnit.MICROSECONDS.sleep(round % 10 == 0 ? 2_000 : 300);
                final long value = round;
                ring.publishEvent((event, sequence) -> event[0] = value);
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                for (final AtomicLong consumer : seen)
                {
                    while (consumer.get() != value && System.nanoTime() < deadline)
                    {
                        Thread.onSpinWait();
                    }
                    assertEquals(value, consumer.get(), "a blocked consumer missed the wake-up of event " + value);
                }
            }
        }
        finally
        {
            disruptor.halt();
        }
    }

    @Test
    void aHaltEndsConsumersBlockedUnderTheDefault() throws Exception
    {
        final List<Thread> threads = new CopyOnWriteArrayList<>();
        final Disruptor<long[]> disruptor = new Disruptor<>(() -> new long[1], 64, runnable ->
        {
            final Thread thread = new Thread(runnable);
            thread.setDaemon(true);
            threads.add(thread);
            return thread;
        }, ProducerType.SINGLE, WaitStrategies.byName("phased"));
        disruptor.handleEventsWith((event, sequence, endOfBatch) ->
        {
        }, (event, sequence, endOfBatch) ->
        {
        });
        disruptor.start();
        TimeUnit.MILLISECONDS.sleep(200);   // past their spins: blocked on the lock

        disruptor.halt();

        for (final Thread thread : threads)
        {
            thread.join(TimeUnit.SECONDS.toMillis(30));
            assertFalse(thread.isAlive(), "a consumer blocked under phased ignored the halt");
        }
        assertEquals(2, threads.size());
    }

    @Test
    void streamWritersParkAtOnceUnderTheDefaultWhereRoutersSpinFirstAndAnyChosenStrategyIsKept()
    {
        assertInstanceOf(LiteBlockingWaitStrategy.class, WaitStrategies.forStreamWriter("phased"));
        assertInstanceOf(SpinThenBlockWaitStrategy.class, WaitStrategies.byName("phased"));
        assertInstanceOf(BusySpinWaitStrategy.class, WaitStrategies.forStreamWriter("busy-spin"));
        assertInstanceOf(BlockingWaitStrategy.class, WaitStrategies.forStreamWriter("blocking"));
    }

    @Test
    void anUnknownNameIsRefusedWithTheNamesThereAre()
    {
        final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> WaitStrategies.byName("lazy"));
        assertTrue(refused.getMessage().contains(WaitStrategies.NAMES), refused.getMessage());
    }
}
