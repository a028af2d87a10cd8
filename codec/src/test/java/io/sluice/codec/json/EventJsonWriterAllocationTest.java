package io.sluice.codec.json;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.testing.RandomEvents;
import io.sluice.codec.testing.WriterAllocation;
import org.junit.jupiter.api.Test;

/**
 * Once warm, {@link EventJsonWriter} allocates nothing per event: 100,000 writes of varied records (every value
 * type, sockaddrs of every family, threats with properties, invalid UTF-8) cost less than 1 KB of heap in total.
 */
class EventJsonWriterAllocationTest
{
    @Test
    void allocatesNothingPerEventOnceWarm()
    {
        final EventCatalog catalog = EventCatalog.standard();
        final EventJsonWriter writer = new EventJsonWriter(catalog);
        writer.policyNames(RandomEvents.POLICY_NAMES);
        WriterAllocation.assertAllocatesNothingOnceWarm(catalog, writer::write);
    }
}
