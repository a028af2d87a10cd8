package io.sluice.cli.kernel;

import io.sluice.proto.v1beta1.Event;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At a rate the machine sustains, with default settings, nothing is lost: a C loop makes {@value #CALLS} openat
 * calls of a path of its own at {@value #RATE} per second while {@code sluice --events openat} traces the whole host
 * (JSON to a file); the summary reports 0 lost in the kernel and every call of the loop is in the output, with the
 * loop's pid. No timing is asserted: the rate is what the loop asks for, not a figure measured here.
 */
class SustainedRateKernelTest
{
    private static final int CALLS = 60_000;
    private static final int RATE = 20_000;
    private static final Pattern LOST_KERNEL = Pattern.compile("lost \\(kernel\\) (\\d+)");

    @BeforeAll
    static void kernel()
    {
        KernelTestSupport.requireKernel();
    }

    @Test
    void everyCallOfALoopAtASustainableRateIsDeliveredAndNoneLost(@TempDir final Path dir) throws Exception
    {
        final Path loop = KernelTestSupport.compile("rateloop", dir);
        final Path output = dir.resolve("events.json");
        final Path stderr = dir.resolve("sluice.err");
        final String unique = dir.resolve("absent-" + UUID.randomUUID()).toString();
        final Process sluice = KernelTestSupport.startSluice(stderr, "--events", "openat", "--output", "json:" + output);
        try
        {
            KernelTestSupport.awaitReady(sluice, stderr);
            final Process traced = new ProcessBuilder(loop.toString(), unique, Integer.toString(CALLS), Integer.toString(RATE))
                .start();
            assertTrue(traced.waitFor(120, TimeUnit.SECONDS), "the loop did not finish");
            assertEquals(0, traced.exitValue());
            Thread.sleep(1000);
            sluice.destroy();
            assertTrue(sluice.waitFor(60, TimeUnit.SECONDS));
            final String summary = Files.readString(stderr);
            assertEquals(0, sluice.exitValue(), summary);

            final Matcher lost = LOST_KERNEL.matcher(summary);
            assertTrue(lost.find(), "no lost (kernel) in the summary: " + summary);
            assertEquals(0, Long.parseLong(lost.group(1)), summary);
            final List<Event> ours = loopEvents(output, unique);
            assertEquals(CALLS, ours.size(), "the loop's openat events in the output");
            for (final Event event : ours)
            {
                assertEquals("openat", event.getName());
                assertEquals(traced.pid(), event.getWorkload().getProcess().getHostPid().getValue());
            }
        }
        finally
        {
            sluice.destroyForcibly();
        }
    }

    /** The events naming the loop's path (the host's other openat calls are in the file too). */
    private static List<Event> loopEvents(final Path output, final String unique) throws IOException
    {
        final Path ours = output.resolveSibling("ours.json");
        try (var lines = Files.lines(output, StandardCharsets.UTF_8))
        {
            Files.write(ours, (Iterable<String>)lines.filter(line -> line.contains(unique))::iterator);
        }
        final List<Event> events = KernelTestSupport.readEvents(ours);
        events.removeIf(event -> event.getDataList().stream().noneMatch(arg -> unique.equals(arg.getStr())));
        return events;
    }
}
