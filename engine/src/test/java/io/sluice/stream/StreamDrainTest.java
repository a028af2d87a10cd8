package io.sluice.stream;

import com.lmax.disruptor.BlockingWaitStrategy;
import io.sluice.config.BufferMode;
import io.sluice.config.RetryPolicy;
import io.sluice.config.StreamConfig;
import io.sluice.filter.route.EventIdFilter;
import io.sluice.filter.route.PolicyFilter;
import io.sluice.report.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stream's end: {@link Stream#drainAndClose()} stops the writer only once it has taken every event of its ring;
 * past the drain deadline and its grace, what is still in the ring is counted undelivered. Events are never left in a
 * halted ring, counted nowhere.
 */
class StreamDrainTest
{
    private static final int EVENTS = 200;
    /**
     * The stuck-writer grace of these tests' deadlines (the run's is 2 s); also how long a drain waits for a writer that
     * takes nothing: long enough that a writer descheduled on a loaded machine is not taken for stuck.
     */
    private static final Duration GRACE = Duration.ofSeconds(1);

    @Test
    @Timeout(60)
    void aWriterStillHeldUpWhenTheDrainBeginsIsWaitedForAndDeliversEveryEvent() throws Exception
    {
        final TestDestination slow = TestDestination.gated("slow");
        // not started: drainAndClose starts it (Disruptor's shutdown overflowed on a deadline not started, and halted
        // the writer at once)
        final DrainDeadline deadline = new DrainDeadline(Duration.ofSeconds(60));
        final Stream stream = stream(slow, deadline, new ByteArrayOutputStream());
        publish(stream);

        final Thread draining = new Thread(stream::drainAndClose, "draining");
        draining.start();
        draining.join(200);
        assertTrue(draining.isAlive(), "the drain waits for the writer held in its first write");
        slow.open();
        draining.join(30_000);

        assertEquals(EVENTS, stream.counters().matched());
        assertEquals(EVENTS, stream.counters().delivered());
        assertEquals(EVENTS, slow.accepted().size(), "what the reader got equals delivered");
    }

    @Test
    @Timeout(60)
    void pastTheDrainDeadlineAWriterStillDeliveringGivesUpAndCountsTheRestUndelivered() throws Exception
    {
        final TestDestination slow = slowDestination();
        final ByteArrayOutputStream reports = new ByteArrayOutputStream();
        final Stream stream = deliveringPastItsDeadline(slow, reports);

        stream.drainAndClose();

        final StreamCounters counters = stream.counters();
        assertAddsUp(counters, slow);
        assertTrue(counters.delivered() > 0, "it delivered until the grace passed");
        assertTrue(counters.undelivered() > EVENTS / 2, "the rest of the ring counts undelivered: " + counters.undelivered());
        assertTrue(reports.toString(StandardCharsets.UTF_8).contains("stream s: drain timeout passed"),
            reports.toString(StandardCharsets.UTF_8));
    }

    @Test
    @Timeout(60)
    void aDrainBegunLongAfterTheDeadlineStillLetsTheWriterCountItsRing() throws Exception
    {
        final TestDestination slow = slowDestination();
        final ByteArrayOutputStream reports = new ByteArrayOutputStream();
        final Stream stream = deliveringPastItsDeadline(slow, reports);
        // the run's end reaches this stream late: another stream's writer, or the main ring, took its graces first
        Thread.sleep(3 * GRACE.toMillis());

        stream.drainAndClose();

        assertAddsUp(stream.counters(), slow);
        assertTrue(stream.counters().undelivered() > 0);
        assertFalse(reports.toString(StandardCharsets.UTF_8).contains("not counted"), reports.toString(StandardCharsets.UTF_8));
    }

    @Test
    @Timeout(60)
    void aWriterStuckInAWritePastTheDeadlineIsUnblockedAndItsRingCountedUndelivered() throws Exception
    {
        final TestDestination stuck = TestDestination.gated("stuck");
        final DrainDeadline deadline = new DrainDeadline(Duration.ZERO, GRACE);
        final Stream stream = stream(stuck, deadline, new ByteArrayOutputStream());
        publish(stream);
        deadline.start();

        stream.drainAndClose();

        final StreamCounters counters = stream.counters();
        assertEquals(EVENTS, counters.matched());
        assertEquals(0, counters.delivered());
        assertEquals(EVENTS, counters.undelivered(), "every event of the stuck stream counts undelivered");
        assertTrue(stuck.accepted().isEmpty());
    }

    private static void assertAddsUp(final StreamCounters counters, final TestDestination destination)
    {
        assertEquals(EVENTS, counters.matched());
        assertEquals(EVENTS, counters.delivered() + counters.dropped() + counters.failed() + counters.undelivered(),
            "matched = delivered + dropped + failed + undelivered");
        assertEquals(destination.accepted().size(), counters.delivered(), "what the reader got equals delivered");
    }

    /**
     * @return a destination that is slow, not blocked: 20 ms a flush, one event a flush, so the ring's 200 events take
     *         4 s, far past the deadline and its grace; only the writer's giving up ends its drain early.
     */
    private static TestDestination slowDestination()
    {
        return new TestDestination("slow").flushingEachEventIn(20);
    }

    /**
     * @return a stream of its own ring of events, delivering to the destination, whose drain deadline (0 s) has just
     *         started: started once the writer is past its first flush, so the deadline ends a delivery, not an open.
     */
    private static Stream deliveringPastItsDeadline(final TestDestination destination, final ByteArrayOutputStream reports)
        throws Exception
    {
        final DrainDeadline deadline = new DrainDeadline(Duration.ZERO, GRACE);
        final Stream stream = stream(destination, deadline, reports);
        publish(stream);
        while (stream.counters().delivered() == 0)
        {
            Thread.sleep(5);
        }
        deadline.start();
        return stream;
    }

    private static Stream stream(final TestDestination destination, final DrainDeadline deadline,
        final ByteArrayOutputStream reports)
    {
        final StreamEnvironment environment = new StreamEnvironment(BlockingWaitStrategy::new, DaemonThreads.factory(),
            new Problems(new PrintStream(reports, true, StandardCharsets.UTF_8)), deadline);
        return new Stream(new StreamConfig("s", List.of("d"), List.of(), List.of(), BufferMode.BLOCK, 256, false),
            EventIdFilter.all(), PolicyFilter.all(), null,
            List.of(new StreamOutput(destination, new SeqFormatter("", -1), RetryPolicy.DEFAULTS)), environment);
    }

    /** Route the events through a main ring into the stream's ring, whose writer is held in its first write. */
    private static void publish(final Stream stream) throws Exception
    {
        SeqRecords.routeThroughMainRing(stream, EVENTS);
    }
}
