package io.sluice.sort;

import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.EventRecordWriter;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.codec.sbe.ValueType;
import io.sluice.report.Problems;
import io.sluice.ring.RecordType;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * sort-events' reorder window: records leave by timestamp once older than the newest seen minus the window, or once
 * one has waited a window in wall time, or to make room, or at the end; a late record leaves at once, out of order,
 * counted and reported once; whatever is held comes out byte for byte.
 */
class TimestampOrderTest
{
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long BASE = 1_732_454_400_000_000_000L;

    private final Passed passed = new Passed();
    private final ByteArrayOutputStream reported = new ByteArrayOutputStream();
    private final Problems problems = new Problems(new PrintStream(reported, true, StandardCharsets.UTF_8));
    private final long[] clock = {0};
    private final ExpandableArrayBuffer record = new ExpandableArrayBuffer(256);
    private final EventRecordWriter writer = new EventRecordWriter();

    /** What left the sorter: each record's timestamp and bytes. */
    private static final class Passed implements MessageHandler
    {
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final EventDecoder event = new EventDecoder();
        final List<Long> timestamps = new ArrayList<>();
        final List<byte[]> records = new ArrayList<>();
        final List<Integer> types = new ArrayList<>();

        @Override
        public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
        {
            final byte[] bytes = new byte[length];
            buffer.getBytes(index, bytes);
            records.add(bytes);
            types.add(msgTypeId);
            if (msgTypeId == RecordType.EVENT)
            {
                header.wrap(buffer, index);
                event.wrap(buffer, index + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
                timestamps.add(event.timestampSeconds() * 1_000_000_000L + event.timestampNanos() - BASE);
            }
        }
    }

    private TimestampOrder order(final int bytes, final int slots)
    {
        return new TimestampOrder(passed, problems, TimestampOrder.WINDOW_NANOS, bytes, slots, () -> clock[0]);
    }

    /** An event record at {@code BASE + nanos}, with {@code padding} bytes of string data. */
    private int event(final long nanos, final int padding)
    {
        final long at = BASE + nanos;
        writer.wrap(record, 0).block().timestamp(at / 1_000_000_000L, (int)(at % 1_000_000_000L)).id(258, 0);
        writer.block().presence().timestamp(true);
        final byte[] value = new byte[padding];
        Arrays.fill(value, (byte)('a' + (int)(nanos % 26)));
        return writer.data(1).dataEntry(ValueType.STR.value(), 0, "pathname".getBytes(StandardCharsets.UTF_8), value).finish();
    }

    private void offer(final TimestampOrder order, final long nanos)
    {
        order.onMessage(RecordType.EVENT, record, 0, event(nanos, 16));
    }

    @Test
    void twoCpusInterleavedOutOfOrderComeOutSorted()
    {
        final TimestampOrder order = order(1 << 20, 1 << 10);
        // perf-buffer style: ten events of CPU 0 (odd ms), then ten of CPU 1 (even ms), and so on
        for (int batch = 0; batch < 10; batch++)
        {
            for (int i = 0; i < 10; i++)
            {
                offer(order, (batch * 20 + 2 * i + 1) * MS);
            }
            for (int i = 0; i < 10; i++)
            {
                offer(order, (batch * 20 + 2 * i + 2) * MS);
            }
        }
        // the newest is 200 ms: what is 100 ms older has left already, in order
        assertEquals(LongStream.rangeClosed(1, 100).map(ms -> ms * MS).boxed().toList(), passed.timestamps);
        assertEquals(100, order.held());
        order.flush();
        assertEquals(LongStream.rangeClosed(1, 200).map(ms -> ms * MS).boxed().toList(), passed.timestamps);
        assertEquals(0, order.late());
        assertEquals("", reported.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anEventLeavesOnceTheNewestIsAWindowAhead()
    {
        final TimestampOrder order = order(1 << 20, 1 << 10);
        offer(order, 0);
        offer(order, 50 * MS);
        offer(order, 149 * MS);
        assertEquals(List.of(0L), passed.timestamps, "149 - 100 = 49: only the event at 0 is a window behind");
        offer(order, 150 * MS);
        assertEquals(List.of(0L, 50 * MS), passed.timestamps, "an event exactly a window behind leaves");
        assertEquals(2, order.held());
    }

    @Test
    void theFirstReadLongAfterStartIsStillSorted()
    {
        final TimestampOrder order = order(1 << 20, 1 << 10);
        // built at 0, first records read 5 s later (replay opening a journal): they arrive now, not at construction
        clock[0] = 5_000 * MS;
        offer(order, 30 * MS);
        offer(order, 10 * MS);
        order.tick();
        assertEquals(List.of(), passed.timestamps, "they just arrived: held for the window");
        offer(order, 20 * MS);
        order.flush();
        assertEquals(List.of(10 * MS, 20 * MS, 30 * MS), passed.timestamps);
        assertEquals(0, order.late());
    }

    @Test
    void aQuietSourceHoldsNothingLongerThanTheWindowInWallTime()
    {
        final TimestampOrder order = order(1 << 20, 1 << 10);
        clock[0] = 1_000 * MS;
        order.tick();
        offer(order, 10 * MS);
        offer(order, 5 * MS);
        clock[0] = 1_060 * MS;
        order.tick();
        offer(order, 20 * MS);
        clock[0] = 1_099 * MS;
        order.tick();
        assertEquals(List.of(), passed.timestamps, "nothing has waited 100 ms yet");
        clock[0] = 1_100 * MS;
        order.tick();
        assertEquals(List.of(5 * MS, 10 * MS), passed.timestamps, "the first two arrived 100 ms ago: they leave, in order");
        clock[0] = 1_160 * MS;
        order.tick();
        assertEquals(List.of(5 * MS, 10 * MS, 20 * MS), passed.timestamps);
        assertEquals(0, order.held());
    }

    @Test
    void aLateEventIsPassedOnAtOnceOutOfOrderCountedAndReportedOnce()
    {
        final TimestampOrder order = order(1 << 20, 1 << 10);
        offer(order, 1_000 * MS);
        offer(order, 1_200 * MS);
        assertEquals(List.of(1_000 * MS), passed.timestamps);
        offer(order, 900 * MS);
        offer(order, 950 * MS);
        assertEquals(List.of(1_000 * MS, 900 * MS, 950 * MS), passed.timestamps, "late: not dropped, not held");
        assertEquals(2, order.late());
        assertEquals("sluice: sort-events: an event arrived after later ones had left (more than the 100 ms window late):"
            + " passed on out of order\n", reported.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("sort-events: late events: 2 times (printed once)"), problems.counted());
        order.flush();
        assertEquals(List.of(1_000 * MS, 900 * MS, 950 * MS, 1_200 * MS), passed.timestamps);
    }

    @Test
    void aFullPoolLetsTheOldestGoAndLosesNothing()
    {
        final TimestampOrder order = order(64 * 1024, 8);
        final SplittableRandom random = new SplittableRandom(3);
        final List<byte[]> offered = new ArrayList<>();
        for (int i = 0; i < 2_000; i++)
        {
            // timestamps jitter within 40 ms of arrival order; sizes vary so the arena wraps at odd places
            final int length = event(i * MS + random.nextLong(40 * MS), random.nextInt(1, 3_000));
            offered.add(Arrays.copyOf(record.byteArray(), length));
            order.onMessage(RecordType.EVENT, record, 0, length);
            assertTrue(order.held() <= 8);
        }
        order.flush();
        assertEquals(offered.size(), passed.records.size());
        final List<String> in = offered.stream().map(Arrays::toString).sorted().toList();
        final List<String> out = passed.records.stream().map(Arrays::toString).sorted().toList();
        assertEquals(in, out, "every record comes out byte for byte");
    }

    @Test
    void recordsThatAreNoEventsOrHaveNoTimestampPassAtOnce()
    {
        final TimestampOrder order = order(1 << 20, 1 << 10);
        offer(order, 10 * MS);
        final UnsafeBuffer loss = new UnsafeBuffer(new byte[24]);
        order.onMessage(RecordType.LOSS, loss, 0, 24);
        assertEquals(List.of(RecordType.LOSS), passed.types);
        final int length = event(5 * MS, 16);
        record.putInt(MessageHeaderDecoder.ENCODED_LENGTH + io.sluice.codec.sbe.EventDecoder.presenceEncodingOffset(), 0);
        order.onMessage(RecordType.EVENT, record, 0, length);
        assertEquals(List.of(RecordType.LOSS, RecordType.EVENT), passed.types, "an event whose timestamp was dropped");
        assertEquals(1, order.held());
        assertEquals(0, order.late());
    }

    @Test
    void aRecordLargerThanThePoolLeavesAfterEverythingHeld()
    {
        final TimestampOrder order = order(4096, 8);
        offer(order, 30 * MS);
        offer(order, 20 * MS);
        final int length = event(25 * MS, 5_000);
        final byte[] big = Arrays.copyOf(record.byteArray(), length);
        order.onMessage(RecordType.EVENT, record, 0, length);
        assertEquals(List.of(20 * MS, 30 * MS, 25 * MS), passed.timestamps);
        assertArrayEquals(big, passed.records.get(2));
        assertEquals(1, order.late());
    }

    @Test
    void sortingAllocatesNothingPerEvent()
    {
        final TimestampOrder order = new TimestampOrder((type, buffer, index, length) ->
        {
        }, problems, TimestampOrder.WINDOW_NANOS, 1 << 20, 1 << 12, () -> clock[0]);
        final int[] lengths = new int[64];
        final ExpandableArrayBuffer[] records = new ExpandableArrayBuffer[64];
        for (int i = 0; i < records.length; i++)
        {
            lengths[i] = event((i % 8) * 3 * MS, 40 + i);
            records[i] = new ExpandableArrayBuffer(256);
            records[i].putBytes(0, record, 0, lengths[i]);
        }
        final long[] base = {0};
        final Runnable run = () ->
        {
            for (int i = 0; i < 200_000; i++)
            {
                // shift each record's time forward so the window keeps moving
                final ExpandableArrayBuffer r = records[i & 63];
                r.putLong(MessageHeaderDecoder.ENCODED_LENGTH, r.getLong(MessageHeaderDecoder.ENCODED_LENGTH) + (i & 63 ^ 5) % 3);
                base[0]++;
                order.onMessage(RecordType.EVENT, r, 0, lengths[i & 63]);
                if ((i & 255) == 0)
                {
                    clock[0] += MS;
                    order.tick();
                }
            }
        };
        run.run();
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        run.run();
        final long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertTrue(base[0] > 0);
        assertTrue(allocated < 4096, "allocated " + allocated + " bytes over 200000 events");
    }
}
