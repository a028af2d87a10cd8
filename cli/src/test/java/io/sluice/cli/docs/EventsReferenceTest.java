package io.sluice.cli.docs;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.detect.DetectorSet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code docs/events.md} is the catalog and the detectors as they are: this test renders it ({@link EventsMarkdown}) and
 * fails when the committed file differs, naming the command that rewrites it ({@code -Dsluice.docs.write=true}).
 */
class EventsReferenceTest
{
    private static final Path DOC = Path.of("..", "docs", "events.md");

    @Test
    void theCommittedEventReferenceIsTheCatalog() throws IOException
    {
        final String rendered = EventsMarkdown.render(EventCatalog.standard(), DetectorSet.standard());
        if (Boolean.getBoolean("sluice.docs.write"))
        {
            Files.writeString(DOC, rendered);
        }
        assertTrue(Files.exists(DOC), DOC + " missing");
        assertEquals(rendered, Files.readString(DOC), "docs/events.md is stale: regenerate it with mvn -o -pl "
            + "bpf-native,codec,engine,cli test -Dtest=EventsReferenceTest -Dsurefire.failIfNoSpecifiedTests=false -Dsluice.docs.write=true");
        assertTrue(rendered.contains("| 1015 | `sched_process_exec` | default, proc | `raw_tracepoint:sched_process_exec,"
            + "sched_prepare_exec` | `cmdpath` str, "), rendered);
    }
}
