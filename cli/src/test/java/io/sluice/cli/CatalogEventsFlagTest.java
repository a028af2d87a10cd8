package io.sluice.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --events} takes every syscall of Tracee's catalog and Tracee's sets: the policies Tracee's users write
 * ({@code read}, {@code close}, {@code creat}, {@code fs_file_ops}, ...) are accepted, and a synthetic run selecting
 * new events writes those events, with their catalog arguments.
 */
class CatalogEventsFlagTest
{
    @TempDir
    Path dir;

    private final Sluice sluice = new Sluice();

    @Test
    void tracesNamesAndSetsAreAccepted()
    {
        assertEquals(ExitCodes.OK, sluice.run("validate", "--events", "read,write,close,creat,dup3,pipe2,clone3,setns,unshare"),
            sluice.err);
        assertEquals(ExitCodes.OK, sluice.run("validate", "--events", "fs_file_ops,net_sock,proc_ids,ipc_pipe,syscalls"), sluice.err);
        assertEquals(ExitCodes.USAGE, sluice.run("validate", "--events", "clone4"));
        assertTrue(sluice.err.contains("--events: events = 'clone4': unknown event or event set"), sluice.err);
    }

    @Test
    void aSyntheticRunWritesTheSelectedNewEventsWithTheirArguments() throws IOException
    {
        final Path out = dir.resolve("events.json");
        assertEquals(ExitCodes.OK, sluice.run("--source", "synthetic:count=300,seed=5", "--events", "close,pipe2",
            "--output", "json:" + out), sluice.err);
        final Set<String> names = new TreeSet<>();
        final List<String> lines = Sluice.lines(out);
        for (final String line : lines)
        {
            names.add(Sluice.eventOf(line));
            if (Sluice.eventOf(line).equals("pipe2"))
            {
                assertTrue(line.contains("{\"name\":\"pipefd\",\"int32_array\":{\"value\":["), line);
                assertTrue(line.contains("{\"name\":\"flags\",\"int32\":"), line);
            }
        }
        assertEquals(Set.of("close", "pipe2"), names);
        assertEquals(300, lines.size(), "the synthetic source draws from the selection");
    }
}
