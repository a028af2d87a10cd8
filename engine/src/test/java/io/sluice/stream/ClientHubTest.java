package io.sluice.stream;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.sluice.config.BufferMode;
import io.sluice.config.RetryPolicy;
import io.sluice.config.StreamConfig;
import io.sluice.destination.Destination;
import io.sluice.destination.Receipts;
import io.sluice.filter.route.EventIdFilter;
import io.sluice.filter.route.PolicyFilter;
import io.sluice.format.EventFormatter;
import io.sluice.report.Problems;
import io.sluice.ring.EventSlot;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Clients' streams attach to and detach from the one hub on the main ring while events flow, without stopping it:
 * an attached stream gets every event from some point on, in order; once {@link ClientHub#detach} returns, nothing
 * more reaches it, so after draining its counters add up (matched = delivered + dropped + failed) and what its
 * destination took is exactly what it counts delivered. A detach waits as long as the hub is held in a block client's
 * full ring, so the detached stream is never closed while the hub may still hand it an event. The engine can wait for
 * the hub's thread to run before it starts a source.
 */
class ClientHubTest
{
    @Test
    void streamsAttachAndDetachWhileEventsFlowAndTheirCountersAddUp() throws Exception
    {
        final Disruptor<EventSlot> main = new Disruptor<>(EventSlot::new, 1024, DaemonThreads.factory(), ProducerType.SINGLE,
            new BlockingWaitStrategy());
        final ClientHub hub = new ClientHub(main.getRingBuffer()::getCursor);
        main.handleEventsWith(hub);
        main.start();
        final AtomicBoolean producing = new AtomicBoolean(true);
        final Thread producer = new Thread(() -> produce(main.getRingBuffer(), producing), "producer");
        producer.start();

        final Client slow = new Client("slow", BufferMode.DROP, 64, 1);
        final Client all = new Client("all", BufferMode.BLOCK, 256, 0);
        slow.stream.start();
        hub.attach(slow.stream);
        awaitTrue(() -> slow.stream.counters().delivered() > 2_000);
        all.stream.start();
        hub.attach(all.stream);
        awaitTrue(() -> all.stream.counters().delivered() > 20_000 && slow.stream.counters().dropped() > 0);

        hub.detach(slow.stream, TimeUnit.SECONDS.toNanos(10), () -> fail("the hub did not pass within 10 s"));
        final long matchedAtDetach = slow.stream.counters().matched();
        TimeUnit.MILLISECONDS.sleep(50);
        assertEquals(matchedAtDetach, slow.stream.counters().matched(), "nothing reaches a detached stream");
        slow.close();
        assertEquals(slow.stream.counters().matched(), slow.stream.counters().delivered() + slow.stream.counters().dropped()
            + slow.stream.counters().failed(), "matched = delivered + dropped + failed");
        assertEquals(slow.stream.counters().delivered(), slow.destination.taken.size(), "delivered is what it took");
        assertTrue(slow.stream.counters().dropped() > 0, "the slow client dropped");
        assertIncreasing(slow.destination.taken);

        producing.set(false);
        producer.join();
        main.shutdown(10, TimeUnit.SECONDS);
        hub.detach(all.stream, TimeUnit.SECONDS.toNanos(10), () -> fail("the hub did not pass within 10 s"));
        all.close();
        assertEquals(0, all.stream.counters().dropped());
        assertEquals(all.stream.counters().matched(), all.stream.counters().delivered(), "a block client loses nothing");
        assertEquals(all.stream.counters().delivered(), all.destination.taken.size());
        final long first = all.destination.taken.get(0);
        for (int i = 0; i < all.destination.taken.size(); i++)
        {
            assertEquals(first + i, all.destination.taken.get(i), "every event from its first, in order");
        }
        assertEquals(0, hub.clients().length);
    }

    @Test
    void aDetachWaitsWhileTheHubIsHeldByAnotherBlockClientSoTheLeavingClientsCountersAddUp() throws Exception
    {
        final Disruptor<EventSlot> main = new Disruptor<>(EventSlot::new, 64, DaemonThreads.factory(), ProducerType.SINGLE,
            new BlockingWaitStrategy());
        final ClientHub hub = new ClientHub(main.getRingBuffer()::getCursor);
        main.handleEventsWith(hub);
        main.start();
        // attached first: the hub waits in its full ring (4 slots, 300 ms a flush) before it hands the same event on
        final Client holding = new Client("holding", BufferMode.BLOCK, 4, 300);
        final Client leaving = new Client("leaving", BufferMode.DROP, 1024, 0);
        holding.stream.start();
        hub.attach(holding.stream);
        leaving.stream.start();
        hub.attach(leaving.stream);
        final int events = 24;
        final UnsafeBuffer record = new UnsafeBuffer(new byte[Long.BYTES]);
        for (long seq = 0; seq < events; seq++)
        {
            record.putLong(0, seq);
            final long claimed = main.getRingBuffer().next();
            main.getRingBuffer().get(claimed).set(record, 0, Long.BYTES, 7, 0, seq);
            main.getRingBuffer().publish(claimed);
        }
        awaitTrue(() -> leaving.stream.counters().matched() > 0);

        final java.util.concurrent.atomic.AtomicInteger waits = new java.util.concurrent.atomic.AtomicInteger();
        hub.detach(leaving.stream, TimeUnit.MILLISECONDS.toNanos(50), waits::incrementAndGet);
        assertTrue(waits.get() > 0, "the hub was held by the other client's full ring");
        leaving.close();
        awaitTrue(() -> holding.stream.counters().delivered() == events);
        final StreamCounters counters = leaving.stream.counters();
        assertEquals(counters.matched(), counters.delivered() + counters.dropped() + counters.failed()
            + counters.undelivered(), "matched = delivered + dropped + failed + undelivered, after the hub moved on");
        main.shutdown(10, TimeUnit.SECONDS);
        holding.close();
    }

    @Test
    void theEngineCanWaitForTheHubsThreadToRun() throws Exception
    {
        final Disruptor<EventSlot> main = new Disruptor<>(EventSlot::new, 64, DaemonThreads.factory(), ProducerType.SINGLE,
            new BlockingWaitStrategy());
        final ClientHub hub = new ClientHub(main.getRingBuffer()::getCursor);
        main.handleEventsWith(hub);
        assertFalse(hub.awaitRunning(10, TimeUnit.MILLISECONDS), "not started");
        main.start();
        assertTrue(hub.awaitRunning(10, TimeUnit.SECONDS));
        main.shutdown(10, TimeUnit.SECONDS);
    }

    private static void produce(final RingBuffer<EventSlot> ring, final AtomicBoolean producing)
    {
        final UnsafeBuffer record = new UnsafeBuffer(new byte[Long.BYTES]);
        long seq = 0;
        while (producing.get())
        {
            record.putLong(0, seq);
            final long claimed = ring.next();
            ring.get(claimed).set(record, 0, Long.BYTES, 7, 0, seq);
            ring.publish(claimed);
            seq++;
        }
    }

    private static void assertIncreasing(final List<Long> seqs)
    {
        for (int i = 1; i < seqs.size(); i++)
        {
            assertTrue(seqs.get(i) > seqs.get(i - 1), "in order at " + i);
        }
    }

    private static void awaitTrue(final BooleanSupplier condition) throws InterruptedException
    {
        final long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean())
        {
            assertTrue(System.nanoTime() < until, "timed out");
            TimeUnit.MILLISECONDS.sleep(2);
        }
    }


    /** A client's stream with a destination that keeps what it takes. */
    private static final class Client
    {
        private final Stream stream;
        private final KeepingDestination destination;
        private final StreamEnvironment environment = new StreamEnvironment(BlockingWaitStrategy::new, DaemonThreads.factory(),
            Problems.toStderr(), new DrainDeadline(Duration.ofSeconds(5)));

        Client(final String name, final BufferMode mode, final int ringSize, final long sleepMillisPerFlush)
        {
            this.destination = new KeepingDestination(sleepMillisPerFlush);
            this.stream = new Stream(new StreamConfig(name, List.of("keep"), List.of(), List.of(), mode, ringSize, false),
                EventIdFilter.all(), PolicyFilter.all(), null,
                List.of(new StreamOutput(destination, new SeqFormatter(), RetryPolicy.DEFAULTS)), environment);
        }

        void close()
        {
            environment.deadline().start();
            stream.drainAndClose();
        }
    }

    /** Takes the events' seq numbers, accepting them when flushed (after a pause, for a slow one). */
    private static final class KeepingDestination implements Destination
    {
        private final List<Long> taken = new ArrayList<>();
        private final List<Long> held = new ArrayList<>();
        private final long sleepMillis;
        private Receipts receipts;

        KeepingDestination(final long sleepMillis)
        {
            this.sleepMillis = sleepMillis;
        }

        @Override
        public String name()
        {
            return "keep";
        }

        @Override
        public void open(final byte[] preamble, final Receipts receipts)
        {
            this.receipts = receipts;
        }

        @Override
        public boolean offer(final DirectBuffer rendered, final int offset, final int length)
        {
            if (held.size() == 100)
            {
                return false;
            }
            held.add(rendered.getLong(offset));
            return true;
        }

        @Override
        public void flush() throws java.io.IOException
        {
            if (sleepMillis > 0)
            {
                try
                {
                    TimeUnit.MILLISECONDS.sleep(sleepMillis);
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                }
            }
            taken.addAll(held);
            final int accepted = held.size();
            held.clear();
            receipts.accepted(accepted);
        }

        @Override
        public void discard()
        {
            final int failed = held.size();
            held.clear();
            receipts.failed(failed);
        }

        @Override
        public int pending()
        {
            return held.size();
        }

        @Override
        public void close()
        {
        }
    }

    /** Renders the record's seq as 8 bytes. */
    private static final class SeqFormatter implements EventFormatter
    {
        @Override
        public int format(final DirectBuffer record, final int offset, final int length, final MutableDirectBuffer out,
            final int outOffset)
        {
            out.putLong(outOffset, record.getLong(offset));
            return Long.BYTES;
        }

        @Override
        public byte[] preamble()
        {
            return new byte[0];
        }
    }
}
