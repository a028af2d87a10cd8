package io.sluice.codec.proto;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.testing.RandomEvents;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Once warm, {@link EventProtoWriter} allocates nothing per event: 100,000 delimited writes of varied records (every
 * value type, sockaddrs of every family, threats with repeated property keys, invalid UTF-8, messages long enough to
 * need multi-byte lengths) cost less than 1 KB of heap in total.
 */
class EventProtoWriterAllocationTest
{
    private static final int RECORDS = 200;
    private static final int WRITES = 100_000;
    private static final long SLACK_BYTES = 1024;

    @Test
    void allocatesNothingPerEventOnceWarm()
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());

        final EventCatalog catalog = EventCatalog.standard();
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

        final EventProtoWriter writer = new EventProtoWriter(catalog);
        writer.policyNames(RandomEvents.POLICY_NAMES);
        final ExpandableArrayBuffer out = new ExpandableArrayBuffer(1 << 16);
        long checksum = 0;
        for (int i = 0; i < WRITES; i++)
        {
            final UnsafeBuffer record = records[i % RECORDS];
            checksum += writer.writeDelimited(record, 0, record.capacity(), out, 0);
        }

        final long threadId = java.lang.Thread.currentThread().getId();
        final long before = threads.getThreadAllocatedBytes(threadId);
        for (int i = 0; i < WRITES; i++)
        {
            final UnsafeBuffer record = records[i % RECORDS];
            checksum += writer.writeDelimited(record, 0, record.capacity(), out, 0);
        }
        final long allocated = threads.getThreadAllocatedBytes(threadId) - before;

        assertTrue(checksum > 0);
        assertTrue(allocated < SLACK_BYTES, "allocated " + allocated + " bytes over " + WRITES + " writes");
    }
}
