package io.sluice.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --pace original} keeps the recorded timing: a capture spanning two seconds replays in about two seconds;
 * {@code --pace 10x} in about a tenth of that; {@code --pace max} as fast as it can.
 */
class ReplayPaceTest
{
    @TempDir
    static Path dir;
    static Path journal;

    @BeforeAll
    static void captureTwoSeconds()
    {
        journal = dir.resolve("journal");
        final Sluice sluice = new Sluice();
        // 201 events at 100/s: the first and the last are 2 s apart.
        assertEquals(ExitCodes.OK, sluice.run("--source", "synthetic:count=201,rate=100",
            "--output", "destinations.j.type=journal", "--output", "destinations.j.path=" + journal), sluice.err);
    }

    @Test
    void originalPaceTakesAsLongAsTheCapture() throws Exception
    {
        final double seconds = replaySeconds("original");
        assertTrue(seconds > 1.8 && seconds < 4.0, "--pace original took " + seconds + " s for a 2 s capture");
    }

    @Test
    void tenTimesFasterTakesATenth() throws Exception
    {
        final double seconds = replaySeconds("10x");
        assertTrue(seconds > 0.18 && seconds < 1.5, "--pace 10x took " + seconds + " s for a 2 s capture");
    }

    @Test
    void maxPaceIsMuchFaster() throws Exception
    {
        final double seconds = replaySeconds("max");
        assertTrue(seconds < 0.9, "--pace max took " + seconds + " s for a 2 s capture");
    }

    @Test
    void anUnknownPaceIsAUsageError()
    {
        final Sluice sluice = new Sluice();
        assertEquals(ExitCodes.USAGE, sluice.run("replay", journal.toString(), "--pace", "fast", "--output", "none"));
        assertTrue(sluice.err.contains("--pace: 'fast' is not max, original or a speed-up such as 10x"), sluice.err);
    }

    private static double replaySeconds(final String pace) throws Exception
    {
        final Path out = dir.resolve(pace + ".json");
        final Sluice sluice = new Sluice();
        final long start = System.nanoTime();
        assertEquals(ExitCodes.OK, sluice.run("replay", journal.toString(), "--pace", pace, "--progress", "never",
            "--output", "json:" + out), sluice.err);
        final double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(201, Sluice.lines(out).size());
        return seconds;
    }
}
