package io.sluice.format;

import io.sluice.codec.proto.EventProtoEncoder;
import io.sluice.codec.testing.RandomEvents;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Once warm, the text formats ({@code compact} with and without colour, {@code table}, {@code table-verbose} in both
 * container modes) allocate nothing per event: 50,000 renderings each of varied records (every value type, sockaddrs
 * of every family, threats, invalid UTF-8) cost less than 1 KB of heap in total.
 */
class TextFormatsAllocationTest
{
    private static final int RECORDS = 200;
    private static final int RENDERINGS = 50_000;
    private static final int WARM_ROUNDS = 4;
    private static final long SLACK_BYTES = 1024;

    @Test
    void allocateNothingPerEventOnceWarm()
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        final EventProtoEncoder encoder = new EventProtoEncoder(Records.CATALOG);
        encoder.policyNames(RandomEvents.POLICY_NAMES);
        final RandomEvents events = new RandomEvents(7L);
        final UnsafeBuffer[] records = new UnsafeBuffer[RECORDS];
        final ExpandableArrayBuffer scratch = new ExpandableArrayBuffer(4096);
        for (int i = 0; i < RECORDS; i++)
        {
            final int length = i % 2 == 0 ? encoder.encode(events.nextEvent(), scratch, 0) : events.nextRecord(scratch);
            final byte[] copy = new byte[length];
            scratch.getBytes(0, copy);
            records[i] = new UnsafeBuffer(copy);
        }
        final List<EventFormatter> formatters = List.of(new CompactFormatter(Records.CATALOG, false),
            new CompactFormatter(Records.CATALOG, true), new TableFormatter(Records.CATALOG),
            new TableFormatter(Records.CATALOG, TableLayout.table(true)), new TableFormatter(Records.CATALOG, TableLayout.verbose(false)),
            new TableFormatter(Records.CATALOG, TableLayout.verbose(true)));
        final ExpandableArrayBuffer out = new ExpandableArrayBuffer(1 << 16);
        for (final EventFormatter formatter : formatters)
        {
            // warm: the JIT has compiled the paths every record takes (50,000 events left some compilation to come)
            long checksum = 0;
            for (int round = 0; round < WARM_ROUNDS; round++)
            {
                checksum += render(formatter, records, out);
            }
            final long threadId = java.lang.Thread.currentThread().getId();
            final long before = threads.getThreadAllocatedBytes(threadId);
            checksum += render(formatter, records, out);
            final long allocated = threads.getThreadAllocatedBytes(threadId) - before;
            assertTrue(checksum > 0);
            assertTrue(allocated < SLACK_BYTES, formatter + " allocated " + allocated + " bytes over " + RENDERINGS + " events");
        }
    }

    private static long render(final EventFormatter formatter, final UnsafeBuffer[] records, final ExpandableArrayBuffer out)
    {
        long checksum = 0;
        for (int i = 0; i < RENDERINGS; i++)
        {
            final UnsafeBuffer record = records[i % RECORDS];
            checksum += formatter.format(record, 0, record.capacity(), out, 0);
        }
        return checksum;
    }
}
