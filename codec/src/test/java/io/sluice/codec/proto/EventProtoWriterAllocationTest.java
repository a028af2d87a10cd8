package io.sluice.codec.proto;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.testing.RandomEvents;
import io.sluice.codec.testing.WriterAllocation;
import org.junit.jupiter.api.Test;

/**
 * Once warm, {@link EventProtoWriter} allocates nothing per event: 100,000 delimited writes of varied records (every
 * value type, sockaddrs of every family, threats with repeated property keys, invalid UTF-8, messages long enough to
 * need multi-byte lengths) cost less than 1 KB of heap in total.
 */
class EventProtoWriterAllocationTest
{
    @Test
    void allocatesNothingPerEventOnceWarm()
    {
        final EventCatalog catalog = EventCatalog.standard();
        final EventProtoWriter writer = new EventProtoWriter(catalog);
        writer.policyNames(RandomEvents.POLICY_NAMES);
        WriterAllocation.assertAllocatesNothingOnceWarm(catalog, writer::writeDelimited);
    }
}
