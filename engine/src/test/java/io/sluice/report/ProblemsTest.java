package io.sluice.report;

import io.sluice.log.SluiceLogger;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A problem is printed once, its repeats counted; when it comes back after a quiet spell it is printed again with its
 * count so far, and the summary's line says how often it was printed.
 */
class ProblemsTest
{
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private long now;
    private final Problems problems = new Problems(
        SluiceLogger.to("io.sluice.report.Problems", new PrintStream(printed, true, StandardCharsets.UTF_8)), () -> now);

    @Test
    void repeatsAreCountedNotPrinted()
    {
        for (int i = 0; i < 1000; i++)
        {
            now += TimeUnit.MILLISECONDS.toNanos(10);
            problems.report("stream s: destination d: write", "stream s: destination d: write failed: disk full");
        }
        assertEquals(List.of("sluice: stream s: destination d: write failed: disk full"), lines());
        assertEquals(List.of("stream s: destination d: write: 1000 times (printed once)"), problems.counted());
    }

    @Test
    void aProblemBackAfterAQuietSpellIsPrintedAgainWithItsCount()
    {
        problems.report("k", "broken");
        now += Problems.QUIET_NANOS - 1;
        problems.report("k", "broken");
        now += Problems.QUIET_NANOS;
        problems.report("k", "broken");
        problems.report("k", "broken");
        assertEquals(List.of("sluice: broken", "sluice: broken (again after a quiet spell; 3 times so far)"), lines());
        assertEquals(List.of("k: 4 times (printed 2 times)"), problems.counted());
    }

    @Test
    void aProblemSeenOnceIsNotInTheSummary()
    {
        problems.report("once", "once only");
        assertEquals(List.of(), problems.counted());
    }

    private List<String> lines()
    {
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
