package io.sluice.detect.yaml;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.policy.EventView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A YAML detector whose filters are data and scope filters and whose output fields are plain copies
 * ({@code getEventData("pathname")}, {@code workload.process.thread.name}) allocates nothing per event, whether it
 * fires or not; one whose output needs CEL allocates when (and only when) it fires.
 */
class YamlDetectorAllocationTest
{
    private static final int EVENTS = 200_000;
    /** Room for the measurement itself (the MXBean's own bookkeeping), far below a byte per event. */
    private static final long SLACK_BYTES = 64 * 1024;

    @TempDir
    Path dir;

    @Test
    void filtersAndCopiedFieldsAllocateNothingPerEvent() throws IOException
    {
        final String copies = YamlDetectorsTest.NETCAT
            .replace("upper(basename(getEventData(\"pathname\"))) + \":\" + string(workload.process.pid)", "getEventData(\"pathname\")");
        assertTrue(!copies.contains("upper("), "every output field is a plain copy");
        final long hitAndMiss = allocated(copies, true) + allocated(copies, false);
        assertTrue(hitAndMiss < SLACK_BYTES, "allocated " + hitAndMiss + " bytes over " + 2 * EVENTS + " events");
    }

    @Test
    void aCelOutputFieldAllocatesOnlyWhenTheDetectorFires() throws IOException
    {
        assertTrue(allocated(YamlDetectorsTest.NETCAT, false) < SLACK_BYTES, "a miss is decided by the filters");
        assertTrue(allocated(YamlDetectorsTest.NETCAT, true) > EVENTS, "the CEL program builds its values on every detection");
    }

    private long allocated(final String detector, final boolean hit) throws IOException
    {
        Files.writeString(dir.resolve("detector.yaml"), detector);
        final EventCatalog catalog = YamlDetectors.load(List.of(dir.toString()), EventCatalog.standard());
        final YamlDetectorsTest.Run run = new YamlDetectorsTest.Run(catalog, "suspicious_binary_execution");
        final EventView trigger = run.view(YamlDetectorsTest.exec(hit ? "/usr/bin/nc" : "/usr/bin/vi", "x"));
        int raised = 0;
        for (int i = 0; i < EVENTS; i++)
        {
            raised += run.detect(trigger);
        }
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long threadId = Thread.currentThread().getId();
        final long before = threads.getThreadAllocatedBytes(threadId);
        for (int i = 0; i < EVENTS; i++)
        {
            raised += run.detect(trigger);
        }
        final long allocated = threads.getThreadAllocatedBytes(threadId) - before;
        assertEquals(hit ? 2 * EVENTS : 0, raised);
        return allocated;
    }
}
