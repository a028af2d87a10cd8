package io.sluice.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM (and SIGINT) during an endless run: sluice stops its source, drains every block stream, flushes every
 * destination, prints its summary and exits 0. The file holds exactly the events the summary counts as
 * delivered, every line whole.
 */
class GracefulStopTest
{
    private static final Pattern STREAM_ROW = Pattern.compile(
        "(?m)^default-stream\\s+block\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*$");

    @Test
    void sigtermDrainsAndFlushesEverything(@TempDir final Path dir) throws Exception
    {
        assertStopsCleanly(dir, "TERM");
    }

    @Test
    void sigintDrainsAndFlushesEverything(@TempDir final Path dir) throws Exception
    {
        assertStopsCleanly(dir, "INT");
    }

    private static void assertStopsCleanly(final Path dir, final String signal) throws Exception
    {
        final Path file = dir.resolve("events.json");
        final Path stderr = dir.resolve("stderr.txt");
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "-cp", System.getProperty("java.class.path"),
            Main.class.getName(),
            "--source", "synthetic:count=0,rate=50000",
            "--output", "json:" + file));
        final Process process = new ProcessBuilder(command).redirectError(stderr.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try
        {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while ((!Files.exists(file) || Files.size(file) < 100_000) && System.nanoTime() < deadline)
            {
                Thread.sleep(50);
            }
            assertTrue(Files.size(file) >= 100_000, "sluice did not start writing");
            assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor());
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "sluice did not stop after SIG" + signal);
            final String errors = Files.readString(stderr, StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), errors);

            final Matcher row = STREAM_ROW.matcher(errors);
            assertTrue(row.find(), "no summary row in: " + errors);
            final long matched = Long.parseLong(row.group(1));
            final long delivered = Long.parseLong(row.group(2));
            assertEquals(matched, delivered, errors);
            final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            assertEquals(delivered, lines.size(), "lines in the file vs delivered in the summary");
            for (int i = 0; i < lines.size(); i++)
            {
                final String line = lines.get(i);
                assertTrue(line.startsWith("{") && line.endsWith("\"}]}"), "line " + i + " is cut: " + line);
                assertTrue(line.contains("{\"name\":\"seq\",\"u_int64\":\"" + i + "\"}"), "line " + i + " out of order");
            }
        }
        finally
        {
            process.destroyForcibly();
        }
    }
}
