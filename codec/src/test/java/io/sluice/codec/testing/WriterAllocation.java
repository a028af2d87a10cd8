package io.sluice.codec.testing;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.proto.EventProtoEncoder;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The allocation check every record writer passes: once warm, 100,000 writes of 200 varied records (half encoded from
 * generated events, half generated records: every value type, sockaddrs of every family, threats with repeated
 * property keys, invalid UTF-8) cost less than 1 KB of this thread's heap in total.
 */
public final class WriterAllocation
{
    private static final int RECORDS = 200;
    private static final int WRITES = 100_000;
    private static final long SLACK_BYTES = 1024;

    /** A record writer under test: record in, bytes written out. */
    @FunctionalInterface
    public interface RecordWriter
    {
        /**
         * @return bytes written.
         */
        int write(DirectBuffer record, int offset, int length, MutableDirectBuffer out, int outOffset);
    }

    private WriterAllocation()
    {
    }

    /**
     * Warm the writer on the records, then assert the next {@value #WRITES} writes allocate (almost) nothing.
     *
     * @param catalog the catalog the records are encoded with.
     * @param writer  the writer under test.
     */
    public static void assertAllocatesNothingOnceWarm(final EventCatalog catalog, final RecordWriter writer)
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());

        final UnsafeBuffer[] records = records(catalog);
        final ExpandableArrayBuffer out = new ExpandableArrayBuffer(1 << 16);
        // two passes to warm: the first pass compiles, the second lets recompilations (structured values) settle
        long checksum = writeAll(writer, records, out) + writeAll(writer, records, out);
        final long threadId = java.lang.Thread.currentThread().getId();
        final long before = threads.getThreadAllocatedBytes(threadId);
        checksum += writeAll(writer, records, out);
        final long allocated = threads.getThreadAllocatedBytes(threadId) - before;

        assertTrue(checksum > 0);
        assertTrue(allocated < SLACK_BYTES, "allocated " + allocated + " bytes over " + WRITES + " writes");
    }

    private static long writeAll(final RecordWriter writer, final UnsafeBuffer[] records, final ExpandableArrayBuffer out)
    {
        long checksum = 0;
        for (int i = 0; i < WRITES; i++)
        {
            final UnsafeBuffer record = records[i % RECORDS];
            checksum += writer.write(record, 0, record.capacity(), out, 0);
        }
        return checksum;
    }

    private static UnsafeBuffer[] records(final EventCatalog catalog)
    {
        final EventProtoEncoder encoder = new EventProtoEncoder(catalog);
        encoder.policyNames(RandomEvents.POLICY_NAMES);
        final RandomEvents events = new RandomEvents(99L);
        final UnsafeBuffer[] records = new UnsafeBuffer[RECORDS];
        final ExpandableArrayBuffer scratch = new ExpandableArrayBuffer(4096);
        for (int i = 0; i < RECORDS; i++)
        {
            final int length = i % 2 == 0 ? encoder.encode(events.nextEvent(), scratch, 0) : events.nextRecord(scratch);
            final byte[] copy = new byte[length];
            scratch.getBytes(0, copy);
            records[i] = new UnsafeBuffer(copy);
        }
        return records;
    }
}
