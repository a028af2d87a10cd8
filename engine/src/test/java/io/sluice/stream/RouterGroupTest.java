package io.sluice.stream;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.BufferMode;
import io.sluice.config.RetryPolicy;
import io.sluice.config.StreamConfig;
import io.sluice.config.StreamExportConfig;
import io.sluice.filter.StreamExportFilters;
import io.sluice.filter.route.EventIdFilter;
import io.sluice.filter.route.PolicyFilter;
import io.sluice.report.Problems;
import io.sluice.ring.EventSlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The routers of several streams on one thread: each stream keeps its claim strategy and every count adds up
 * (matched = delivered + dropped + failed, and what a destination got is what was counted delivered); a drop stream
 * never waits, so one whose writer is stuck never holds back its group; a block stream whose ring is full holds its
 * group back until its writer goes on; a stream's own failing filters fail its events alone.
 */
class RouterGroupTest
{
    private static final int EVENTS = 20_000;

    private final ByteArrayOutputStream reports = new ByteArrayOutputStream();
    private final StreamEnvironment environment = new StreamEnvironment(BlockingWaitStrategy::new, DaemonThreads.factory(),
        new Problems(new PrintStream(reports, true, StandardCharsets.UTF_8)),
        new DrainDeadline(Duration.ofSeconds(60)));

    @Test
    void onTwoCoresOrFewerTheRoutersHaveNoThreadOfTheirOwnAndOnMoreHalfTheCoresAtMostOnePerStream()
    {
        assertEquals(0, RouterGroup.threadsFor(1, 1));
        assertEquals(0, RouterGroup.threadsFor(2, 4));
        assertEquals(1, RouterGroup.threadsFor(3, 4));
        assertEquals(1, RouterGroup.threadsFor(4, 1));
        assertEquals(2, RouterGroup.threadsFor(4, 4));
        assertEquals(3, RouterGroup.threadsFor(8, 3));
        assertEquals(4, RouterGroup.threadsFor(8, 9));
    }

    @Test
    @Timeout(120)
    void aDropStreamWhoseWriterIsStuckNeverHoldsBackTheBlockStreamSharingItsThread() throws Exception
    {
        final TestDestination everything = new TestDestination("all");
        final TestDestination stuck = TestDestination.gated("stuck");
        final Stream block = stream("all", BufferMode.BLOCK, 256, everything);
        final Stream drop = stream("lossy", BufferMode.DROP, 64, stuck);
        final Disruptor<EventSlot> main = mainRing(List.of(block, drop));

        SeqRecords.publish(main.getRingBuffer(), EVENTS);
        main.shutdown(60, TimeUnit.SECONDS);
        assertEquals(EVENTS, block.counters().matched(),
            "the block stream saw every event while the drop stream was stuck");
        stuck.open();
        drain(block, drop);

        assertEquals(EVENTS, block.counters().delivered());
        assertEquals(EVENTS, everything.accepted().size());
        assertEquals(EVENTS, drop.counters().matched());
        assertTrue(drop.counters().dropped() > 0, "its full ring made it drop");
        assertAddsUp(drop);
        assertEquals(drop.counters().delivered(), stuck.accepted().size(), "the reader got what was counted delivered");
    }

    @Test
    @Timeout(120)
    void aBlockStreamWhoseRingIsFullHoldsBackItsGroupUntilItsWriterGoesOnAndEveryCountAddsUp() throws Exception
    {
        final TestDestination slow = TestDestination.gated("slow");
        final TestDestination lossy = new TestDestination("lossy");
        final Stream block = stream("all", BufferMode.BLOCK, 256, slow);
        final Stream drop = stream("lossy", BufferMode.DROP, 64, lossy);
        final Disruptor<EventSlot> main = mainRing(List.of(block, drop));

        final CompletableFuture<Void> publisher =
            CompletableFuture.runAsync(() -> SeqRecords.publish(main.getRingBuffer(), EVENTS));
        while (block.ringUsed() < block.ringSize())
        {
            Thread.sleep(1);
        }
        final long seenWhileHeld = drop.counters().matched();
        Thread.sleep(200);
        assertEquals(seenWhileHeld, drop.counters().matched(), "the group waits with its block stream");
        assertTrue(seenWhileHeld < EVENTS);
        final long settleBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (settled(drop) < seenWhileHeld && System.nanoTime() < settleBy)
        {
            Thread.sleep(5);
        }
        assertEquals(seenWhileHeld, settled(drop),
            "what the drop stream was given before its group waited reaches its writer while the group waits");
        slow.open();
        publisher.get(60, TimeUnit.SECONDS);
        main.shutdown(60, TimeUnit.SECONDS);
        drain(block, drop);

        assertEquals(EVENTS, block.counters().delivered());
        assertEquals(EVENTS, slow.accepted().size());
        assertEquals(EVENTS, drop.counters().matched());
        assertAddsUp(drop);
        assertEquals(drop.counters().delivered(), lossy.accepted().size());
    }

    @Test
    void streamsOfOneFormatAreRenderedOnceByTheGroupAndEachWriterOffersTheSameBytes() throws Exception
    {
        final SeqFormatter ownA = new SeqFormatter("", -1);
        final SeqFormatter ownB = new SeqFormatter("", -1);
        final SeqFormatter[] group = new SeqFormatter[1];
        final SharedFormat seq = new SharedFormat("seq", () -> group[0] = new SeqFormatter("", -1));
        final TestDestination a = new TestDestination("a");
        final TestDestination b = new TestDestination("b");
        final Stream first = stream("a", BufferMode.BLOCK, 256, new StreamOutput(a, ownA, RetryPolicy.DEFAULTS, seq));
        final Stream second = stream("b", BufferMode.BLOCK, 256, new StreamOutput(b, ownB, RetryPolicy.DEFAULTS, seq));

        final RouterGroup only = run(List.of(first, second));

        assertEquals(1, only.sharedFormats());
        assertEquals(EVENTS, only.renders(0), "rendered once per event");
        assertEquals(EVENTS, group[0].calls);
        assertEquals(0, ownA.calls, "the writers offer the group's rendering");
        assertEquals(0, ownB.calls);
        assertEquals(EVENTS, a.accepted().size());
        assertEquals("seq=0", a.accepted().get(0));
        assertEquals("seq=" + (EVENTS - 1), a.accepted().get(EVENTS - 1));
        assertTrue(a.accepted().equals(b.accepted()), "both streams offered the same bytes");
    }

    @Test
    void formatsOfOtherIdentitiesAreRenderedByEachStreamsWriter() throws Exception
    {
        final SeqFormatter ownA = new SeqFormatter("a:", -1);
        final SeqFormatter ownB = new SeqFormatter("b:", -1);
        final TestDestination a = new TestDestination("a");
        final TestDestination b = new TestDestination("b");
        final Stream first = stream("a", BufferMode.BLOCK, 256, new StreamOutput(a, ownA, RetryPolicy.DEFAULTS,
            new SharedFormat("seq a", () -> new SeqFormatter("a:", -1))));
        final Stream second = stream("b", BufferMode.BLOCK, 256, new StreamOutput(b, ownB, RetryPolicy.DEFAULTS,
            new SharedFormat("seq b", () -> new SeqFormatter("b:", -1))));

        final RouterGroup only = run(List.of(first, second));

        assertEquals(0, only.sharedFormats());
        assertEquals(EVENTS, ownA.calls);
        assertEquals(EVENTS, ownB.calls);
        assertEquals("a:seq=7", a.accepted().get(7));
        assertEquals("b:seq=7", b.accepted().get(7));
    }

    @Test
    void anEventTheSharedFormatCannotRenderFailsAtEveryStreamUsingItReportedOnceAndTheRestIsDelivered() throws Exception
    {
        final SharedFormat seq = new SharedFormat("seq", () -> new SeqFormatter("", 4242));
        final TestDestination a = new TestDestination("a");
        final TestDestination b = new TestDestination("b");
        final Stream first = stream("a", BufferMode.BLOCK, 256,
            new StreamOutput(a, new SeqFormatter("", -1), RetryPolicy.DEFAULTS, seq));
        final Stream second = stream("b", BufferMode.BLOCK, 256,
            new StreamOutput(b, new SeqFormatter("", -1), RetryPolicy.DEFAULTS, seq));

        run(List.of(first, second));

        for (final Stream stream : List.of(first, second))
        {
            assertEquals(1, stream.counters().failed());
            assertEquals(EVENTS - 1, stream.counters().delivered());
        }
        assertEquals(EVENTS - 1, a.accepted().size());
        assertTrue(!b.accepted().contains("seq=4242") && b.accepted().contains("seq=4243"));
        final String printed = reports.toString(StandardCharsets.UTF_8);
        assertEquals(1, printed.lines().count(), printed);
        assertTrue(printed.contains("format seq: cannot render event id 7"), printed);
    }

    @Test
    void aStreamWhoseOwnFiltersFailFailsThoseEventsAloneAndTheOtherStreamOfItsThreadDeliversAll() throws Exception
    {
        // the records here are 8 bytes, not events: a stream filter that decodes them fails on them
        final StreamExportFilters failing = StreamExportFilters.compile("picky", new StreamExportConfig(
            List.of("{\"binary_regex\": [\"^/usr/bin/\"]}"), List.of(), List.of(), List.of()), EventCatalog.standard(),
            new String[0]);
        final TestDestination refused = new TestDestination("refused");
        final TestDestination healthy = new TestDestination("healthy");
        final Stream picky = new Stream(new StreamConfig("picky", List.of("refused"), List.of(), List.of(),
            BufferMode.BLOCK, 256, false), EventIdFilter.all(), PolicyFilter.all(), failing,
            List.of(new StreamOutput(refused, new SeqFormatter("", -1), RetryPolicy.DEFAULTS)), environment);
        final Stream plain = stream("plain", BufferMode.BLOCK, 256, healthy);

        run(List.of(picky, plain));

        assertTrue(picky.counters().failed() > 0, "events its own filters failed on are counted failed");
        assertAddsUp(picky);
        assertEquals(picky.counters().delivered(), refused.accepted().size());
        assertEquals(EVENTS, plain.counters().delivered());
        assertEquals(EVENTS, healthy.accepted().size());
        assertTrue(reports.toString(StandardCharsets.UTF_8).contains("stream picky: export filters failed on event id 7"));
    }

    private RouterGroup run(final List<Stream> streams) throws Exception
    {
        final Disruptor<EventSlot> main = new Disruptor<>(EventSlot::new, 1024, DaemonThreads.factory(), ProducerType.SINGLE,
            new BlockingWaitStrategy());
        final List<RouterGroup> groups = RouterGroup.split(streams, 1, environment.problems());
        final RouterGroup group = groups.get(0);
        start(main, streams, group);
        SeqRecords.publish(main.getRingBuffer(), EVENTS);
        main.shutdown(60, TimeUnit.SECONDS);
        drain(streams.toArray(new Stream[0]));
        return group;
    }

    /** As the engine does once the main ring has drained: the drain deadline starts, then each stream drains. */
    private void drain(final Stream... streams)
    {
        environment.deadline().start();
        for (final Stream stream : streams)
        {
            stream.drainAndClose();
        }
    }

    private Disruptor<EventSlot> mainRing(final List<Stream> streams) throws InterruptedException
    {
        final Disruptor<EventSlot> main = new Disruptor<>(EventSlot::new, 1024, DaemonThreads.factory(), ProducerType.SINGLE,
            new BlockingWaitStrategy());
        final List<RouterGroup> groups = RouterGroup.split(streams, 1, environment.problems());
        assertEquals(1, groups.size());
        start(main, streams, groups.get(0));
        return main;
    }

    private static void start(final Disruptor<EventSlot> main, final List<Stream> streams, final RouterGroup group)
        throws InterruptedException
    {
        main.handleEventsWith(group);
        main.handleExceptionsFor(group).with(group.exceptions());
        streams.forEach(Stream::start);
        main.start();
        for (final Stream stream : streams)
        {
            assertTrue(stream.awaitRunning(10, TimeUnit.SECONDS));
        }
    }

    private Stream stream(final String name, final BufferMode mode, final int ringSize,
        final TestDestination destination)
    {
        return stream(name, mode, ringSize,
            new StreamOutput(destination, new SeqFormatter("", -1), RetryPolicy.DEFAULTS));
    }

    private Stream stream(final String name, final BufferMode mode, final int ringSize, final StreamOutput output)
    {
        return new Stream(new StreamConfig(name, List.of(output.destination().name()), List.of(), List.of(), mode,
            ringSize, false), EventIdFilter.all(), PolicyFilter.all(), null, List.of(output), environment);
    }

    private static long settled(final Stream stream)
    {
        final StreamCounters counters = stream.counters();
        return counters.delivered() + counters.dropped() + counters.failed();
    }

    private static void assertAddsUp(final Stream stream)
    {
        final StreamCounters counters = stream.counters();
        assertEquals(counters.matched(), counters.delivered() + counters.dropped() + counters.failed(),
            "matched = delivered + dropped + failed: delivered " + counters.delivered() + ", dropped "
            + counters.dropped() + ", failed " + counters.failed() + ", undelivered " + counters.undelivered());
    }
}
