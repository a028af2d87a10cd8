package io.sluice.stream;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.sluice.config.BufferMode;
import io.sluice.config.RetryPolicy;
import io.sluice.config.StreamConfig;
import io.sluice.destination.Destination;
import io.sluice.destination.Receipts;
import io.sluice.filter.route.EventIdFilter;
import io.sluice.filter.route.PolicyFilter;
import io.sluice.report.Problems;
import io.sluice.ring.EventSlot;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A router group's renderings are handed to its streams by reference: a lone stream's format is rendered by its group
 * and its writer is given no record; a destination that reads records still gets each event's own; a rendering is
 * reused only once every stream's writer it was given to passed its slot, so a drop stream that falls behind offers
 * each event's own rendering, and at the end none is held.
 */
class RenderingHandOffTest
{
    private static final int EVENTS = 20_000;

    private final StreamEnvironment environment = new StreamEnvironment(BlockingWaitStrategy::new, DaemonThreads.factory(),
        new Problems(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)),
        new DrainDeadline(Duration.ofSeconds(60)));

    @Test
    void aLoneStreamsFormatIsRenderedByItsGroupAndItsWriterIsGivenNoRecord() throws Exception
    {
        final SeqFormatter own = new SeqFormatter("", -1);
        final TestDestination only = new TestDestination("only");
        final Stream stream = stream("only", BufferMode.BLOCK, 256, only, own);

        final RouterGroup group = group(List.of(stream));
        assertFalse(stream.writerNeedsRecords(), "its one format is the group's, its destination reads no record");
        final Disruptor<EventSlot> main = start(group, List.of(stream));
        SeqRecords.publish(main.getRingBuffer(), EVENTS);
        main.shutdown(60, TimeUnit.SECONDS);
        drain(stream);

        assertEquals(1, group.sharedFormats());
        assertEquals(EVENTS, group.renders(0));
        assertEquals(0, own.calls, "the writer offers the group's rendering");
        assertEquals(EVENTS, only.accepted().size());
        assertEquals("seq=" + (EVENTS - 1), only.accepted().get(EVENTS - 1));
        assertEquals(0, group.held(0), "the writer passed every slot");
    }

    @Test
    void aDestinationThatReadsRecordsGetsEachEventsOwnRecordBesideTheGroupsRendering() throws Exception
    {
        final RecordChecking checking = new RecordChecking(new TestDestination("checked"));
        final Stream stream = stream("checked", BufferMode.BLOCK, 256, checking, new SeqFormatter("", -1));

        final RouterGroup group = group(List.of(stream));
        assertTrue(stream.writerNeedsRecords());
        final Disruptor<EventSlot> main = start(group, List.of(stream));
        SeqRecords.publish(main.getRingBuffer(), EVENTS);
        main.shutdown(60, TimeUnit.SECONDS);
        drain(stream);

        assertEquals(EVENTS, checking.delegate.accepted().size());
        assertEquals(EVENTS, checking.matching);
        assertEquals(0, checking.mismatched);
    }

    @Test
    @Timeout(120)
    void aDropStreamThatFallsBehindNeverSeesARenderingReusedAndEveryRenderingIsReleasedAtTheEnd() throws Exception
    {
        final TestDestination fast = new TestDestination("fast");
        final TestDestination stuck = TestDestination.gated("stuck");
        final RecordChecking checking = new RecordChecking(stuck);
        final Stream block = stream("all", BufferMode.BLOCK, 256, fast, new SeqFormatter("", -1));
        final Stream drop = stream("lossy", BufferMode.DROP, 64, checking, new SeqFormatter("", -1));
        final RouterGroup group = group(List.of(block, drop));
        final Disruptor<EventSlot> main = start(group, List.of(block, drop));

        SeqRecords.publish(main.getRingBuffer(), EVENTS);
        main.shutdown(60, TimeUnit.SECONDS);
        assertEquals(EVENTS, block.counters().matched(), "the group rendered every event while the drop stream was stuck");
        assertTrue(group.held(0) > 0, "the stuck drop stream's slots hold their renderings");
        stuck.open();
        drain(block, drop);

        assertEquals(EVENTS, block.counters().delivered());
        assertTrue(drop.counters().dropped() > 0);
        assertEquals(drop.counters().matched(), drop.counters().delivered() + drop.counters().dropped()
            + drop.counters().failed());
        assertEquals(drop.counters().delivered(), stuck.accepted().size());
        assertEquals(0, checking.mismatched, "each event the drop stream offered came with its own rendering");
        assertEquals(drop.counters().delivered(), checking.matching);
        assertEquals(0, group.held(0), "both writers passed every slot");
    }

    private RouterGroup group(final List<Stream> streams)
    {
        final List<RouterGroup> groups = RouterGroup.split(streams, 1, environment.problems());
        assertEquals(1, groups.size());
        return groups.get(0);
    }

    private static Disruptor<EventSlot> start(final RouterGroup group, final List<Stream> streams)
        throws InterruptedException
    {
        final Disruptor<EventSlot> main = new Disruptor<>(EventSlot::new, 1024, DaemonThreads.factory(), ProducerType.SINGLE,
            new BlockingWaitStrategy());
        main.handleEventsWith(group);
        main.handleExceptionsFor(group).with(group.exceptions());
        streams.forEach(Stream::start);
        main.start();
        for (final Stream stream : streams)
        {
            assertTrue(stream.awaitRunning(10, TimeUnit.SECONDS));
        }
        return main;
    }

    private void drain(final Stream... streams)
    {
        environment.deadline().start();
        for (final Stream stream : streams)
        {
            stream.drainAndClose();
        }
    }

    private Stream stream(final String name, final BufferMode mode, final int ringSize, final Destination destination,
        final SeqFormatter own)
    {
        final SharedFormat seq = new SharedFormat("seq", () -> new SeqFormatter("", -1));
        return new Stream(new StreamConfig(name, List.of(destination.name()), List.of(), List.of(), mode, ringSize, false),
            EventIdFilter.all(), PolicyFilter.all(), null, List.of(new StreamOutput(destination, own, RetryPolicy.DEFAULTS,
            seq)), environment);
    }


    /**
     * Reads each event's record beside its rendering (as a kafka destination does) and counts renderings that are not of
     * that record's event; everything else is its delegate's. Used by the writer thread only; read after it ended.
     */
    private static final class RecordChecking implements Destination
    {
        private final TestDestination delegate;
        private long matching;
        private long mismatched;

        RecordChecking(final TestDestination delegate)
        {
            this.delegate = delegate;
        }

        @Override
        public boolean offer(final DirectBuffer rendered, final int offset, final int length, final DirectBuffer record,
            final int recordLength)
        {
            final boolean same = recordLength == Long.BYTES
                && rendered.getStringWithoutLengthAscii(offset, length).equals("seq=" + record.getLong(0));
            final boolean taken = delegate.offer(rendered, offset, length);
            if (taken)
            {
                matching += same ? 1 : 0;
                mismatched += same ? 0 : 1;
            }
            return taken;
        }

        @Override
        public String name()
        {
            return delegate.name();
        }

        @Override
        public void open(final byte[] preamble, final Receipts receipts) throws IOException
        {
            delegate.open(preamble, receipts);
        }

        @Override
        public boolean offer(final DirectBuffer rendered, final int offset, final int length)
        {
            throw new AssertionError("a destination that reads records is offered them");
        }

        @Override
        public void flush() throws IOException
        {
            delegate.flush();
        }

        @Override
        public void discard()
        {
            delegate.discard();
        }

        @Override
        public int pending()
        {
            return delegate.pending();
        }

        @Override
        public void close() throws IOException
        {
            delegate.close();
        }
    }
}
