package io.sluice.cli;

import io.sluice.destination.JournalDestination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An event counted as journaled is on disk: {@code kill -9} of a sluice writing a journal, and replay still returns
 * every event the writer had reported as appended (its counters file, rewritten each second), in order, each once.
 */
class JournalCrashTest
{
    @Test
    void everyEventReportedBeforeKillNineIsReplayed(@TempDir final Path dir) throws Exception
    {
        final Path journal = dir.resolve("journal");
        final Path counters = journal.resolve(JournalDestination.COUNTERS_FILE);
        final Process writer = Sluice.start(dir.resolve("writer.err"), "--source", "synthetic:count=0,rate=200000",
            "--output", "destinations.j.type=journal", "--output", "destinations.j.path=" + journal);
        long reported = 0;
        try
        {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (reported < 300_000 && System.nanoTime() < deadline && writer.isAlive())
            {
                Thread.sleep(20);
                reported = appended(counters);
            }
        }
        finally
        {
            writer.destroyForcibly();
            writer.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(reported >= 300_000, "the writer reported only " + reported + ": " +
            Files.readString(dir.resolve("writer.err"), StandardCharsets.UTF_8));
        assertEquals(137, writer.exitValue(), "killed by SIGKILL");

        final Path out = dir.resolve("replayed.json");
        final Sluice sluice = new Sluice();
        assertEquals(ExitCodes.OK, sluice.run("replay", journal.toString(), "--progress", "never", "--output", "json:" + out),
            sluice.err);
        final List<String> lines = Sluice.lines(out);
        assertTrue(lines.size() >= reported, "replayed " + lines.size() + " of the " + reported + " reported journaled");
        for (int i = 0; i < lines.size(); i++)
        {
            assertEquals(i, Sluice.seqOf(lines.get(i)), "event " + i + " missing, repeated or out of order");
        }
    }

    private static long appended(final Path counters)
    {
        try
        {
            final String text = Files.readString(counters, StandardCharsets.UTF_8).trim();
            return Long.parseLong(text.substring(text.indexOf('=') + 1));
        }
        catch (final java.io.IOException | RuntimeException notYet)
        {
            return 0;
        }
    }
}
