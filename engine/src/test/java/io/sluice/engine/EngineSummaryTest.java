package io.sluice.engine;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineSummaryTest
{
    @Test
    void aRunWithStreamsPrintsTheirTablesAndOneWithoutPrintsTheSourceLineAlone()
    {
        final EngineSummary.StreamSummary stream = new EngineSummary.StreamSummary("s", "drop", 10, 7, 2, 1, 0,
            List.of(new EngineSummary.DestinationSummary("f", 7, 1, 3)));
        assertEquals("""
            sluice: source synthetic: ingested 10, published 10, lost (kernel) 0
            STREAM         MODE        MATCHED     DELIVERED       DROPPED        FAILED   UNDELIVERED
            s              drop             10             7             2             1             0
              DESTINATION              WRITTEN        FAILED       RETRIED
              f                              7             1             3
            """, printed(List.of(stream)));
        // --output none beside the event service: no stream, so no empty table
        assertEquals("sluice: source synthetic: ingested 10, published 10, lost (kernel) 0\n", printed(List.of()));
    }

    @Test
    void aStreamWhoseCountsDoNotAddUpMakesTheRunUncleanAndIsNamed()
    {
        // matched 10 = delivered 7 + dropped 2 + 1 left in the ring of a writer stuck in a write
        final EngineSummary.StreamSummary stuck = new EngineSummary.StreamSummary("s", "block", 10, 7, 2, 0, 0, List.of());
        assertEquals(1, stuck.uncounted());
        assertFalse(summary(List.of(stuck)).clean());
        assertTrue(printed(List.of(stuck)).contains("sluice: stream s: 1 events matched but not counted at exit"));
        final EngineSummary.StreamSummary whole = new EngineSummary.StreamSummary("s", "drop", 10, 8, 2, 0, 0, List.of());
        assertTrue(summary(List.of(whole)).clean(), "dropped by a drop stream is counted, not lost");
    }

    private static EngineSummary summary(final List<EngineSummary.StreamSummary> streams)
    {
        return new EngineSummary("synthetic", 10, 10, 0, 0, streams, List.of(), null, List.of());
    }

    private static String printed(final List<EngineSummary.StreamSummary> streams)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        summary(streams).printTo(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
