package io.sluice.engine;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    private static String printed(final List<EngineSummary.StreamSummary> streams)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new EngineSummary("synthetic", 10, 10, 0, 0, streams, List.of(), null, List.of())
            .printTo(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
