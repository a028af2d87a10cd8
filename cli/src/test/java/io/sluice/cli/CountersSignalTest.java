package io.sluice.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGUSR1 prints the counters so far to stderr, the summary's own table, and the run goes on to its end.
 */
class CountersSignalTest
{
    private static final Pattern ROW = Pattern.compile(
        "(?m)^default-stream\\s+block\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*$");

    @Test
    void sigusr1PrintsTheCountersWithoutStopping(@TempDir final Path dir) throws Exception
    {
        final Path out = dir.resolve("events.json");
        final Path err = dir.resolve("stderr.txt");
        final Process sluice = Sluice.start(err, "--source", "synthetic:count=6000,rate=2000", "--output", "json:" + out);
        final String atSignal;
        try
        {
            ReloadSignalTest.awaitLine(err, "ready: ");
            Thread.sleep(1000);
            ReloadSignalTest.signal(sluice, "USR1");
            ReloadSignalTest.awaitLine(err, "  DESTINATION");
            atSignal = ReloadSignalTest.read(err);
            assertFalse(sluice.waitFor(200, TimeUnit.MILLISECONDS), "still running after SIGUSR1");
            assertTrue(sluice.waitFor(60, TimeUnit.SECONDS), "sluice did not finish");
            assertEquals(0, sluice.exitValue(), ReloadSignalTest.read(err));
        }
        finally
        {
            sluice.destroyForcibly();
        }
        assertTrue(atSignal.contains("sluice: SIGUSR1: counters so far\n"), atSignal);
        final Matcher sofar = ROW.matcher(atSignal);
        assertTrue(sofar.find(), atSignal);
        final long matched = Long.parseLong(sofar.group(1));
        assertTrue(matched > 0 && matched < 6000, "a count mid-run: " + matched);
        final Matcher atExit = ROW.matcher(ReloadSignalTest.read(err));
        assertTrue(atExit.find() && atExit.find(), "the summary at exit follows");
        assertEquals(6000, Long.parseLong(atExit.group(2)));
    }
}
