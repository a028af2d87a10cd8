package io.sluice.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Delivered means accepted, seen from the command line: a reader that leaves a pipe early got exactly what the summary
 * counts delivered (the rest is counted failed, and a run whose every destination is gone stops), and a FIFO nobody reads neither blocks the start nor outlives SIGTERM
 * by more than the drain timeout.
 */
class DeliveryAccountingTest
{
    /** STREAM MODE MATCHED DELIVERED DROPPED FAILED UNDELIVERED. */
    private static final Pattern ROW = Pattern.compile(
        "(?m)^default-stream\\s+(block|drop)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*$");

    @Test
    void aReaderThatLeavesAfterAThousandLinesGotExactlyWhatWasCountedDeliveredAndTheRunEnds(@TempDir final Path dir)
        throws Exception
    {
        final Path got = dir.resolve("got.txt");
        final Path stderr = dir.resolve("stderr.txt");
        // bash's read takes a pipe one byte at a time, so the reader consumes exactly the lines it keeps (head reads ahead)
        final String reader = "for ((i = 0; i < 1000; i++)); do IFS= read -r line || break; printf '%s\\n' \"$line\"; done";
        final String pipeline = quoted(Sluice.command("--source", "synthetic:count=0,rate=200000", "--output", "json")) +
            " 2>" + quote(stderr.toString()) + " | bash -c " + quote(reader) + " > " + quote(got.toString());
        final Process process = new ProcessBuilder("bash", "-c", pipeline).inheritIO().start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "an endless run did not stop when its only reader left");

        final List<String> lines = Files.readAllLines(got, StandardCharsets.UTF_8);
        assertEquals(1000, lines.size());
        final String errors = Files.readString(stderr, StandardCharsets.UTF_8);
        final Matcher row = ROW.matcher(errors);
        assertTrue(row.find(), "no summary row in: " + errors);
        final long matched = Long.parseLong(row.group(2));
        final long delivered = Long.parseLong(row.group(3));
        final long failed = Long.parseLong(row.group(5));
        assertTrue(matched > 1000, errors);
        assertEquals(lines.size(), delivered, "delivered equals what the reader got: " + errors);
        assertEquals(matched - delivered, failed, "the rest is counted failed: " + errors);
        assertTrue(errors.contains("the reader of stdout went away"), errors);
        assertTrue(errors.contains("every destination is gone"), errors);
    }

    @Test
    void aFifoNobodyReadsDoesNotBlockTheStartAndSigtermEndsTheRunWithinTheDrainTimeout(@TempDir final Path dir)
        throws Exception
    {
        final Path fifo = dir.resolve("nobody.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        final Path stderr = dir.resolve("stderr.txt");
        final Process process = Sluice.start(stderr, "--source", "synthetic:count=0,rate=20000",
            "--output", "json:" + fifo, "--drain-timeout", "2s");
        try
        {
            final long readyBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.readString(stderr, StandardCharsets.UTF_8).contains("sluice: ready") && System.nanoTime() < readyBy)
            {
                Thread.sleep(20);
            }
            assertTrue(Files.readString(stderr, StandardCharsets.UTF_8).contains("sluice: ready"),
                "the source started although the destination is not open");
            Thread.sleep(500);
            final long signalled = System.nanoTime();
            assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor());
            assertTrue(process.waitFor(15, TimeUnit.SECONDS), "sluice did not stop after SIGTERM");
            final long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
            assertTrue(tookMillis < 2_000 + 5_000, "took " + tookMillis + " ms for a 2 s drain timeout");

            final String errors = Files.readString(stderr, StandardCharsets.UTF_8);
            final Matcher row = ROW.matcher(errors);
            assertTrue(row.find(), "no summary row in: " + errors);
            final long matched = Long.parseLong(row.group(2));
            assertTrue(matched > 0, errors);
            assertEquals(0, Long.parseLong(row.group(3)), "nothing delivered: " + errors);
            assertEquals(matched, Long.parseLong(row.group(6)), "everything counted undelivered at exit: " + errors);
            assertTrue(errors.contains("events undelivered at exit"), errors);
            assertEquals(ExitCodes.RUNTIME_FAILURE, process.exitValue(), errors);
        }
        finally
        {
            process.destroyForcibly();
        }
    }

    private static String quoted(final List<String> words)
    {
        final StringBuilder line = new StringBuilder();
        for (final String word : words)
        {
            line.append(line.length() == 0 ? "" : " ").append(quote(word));
        }
        return line.toString();
    }

    private static String quote(final String word)
    {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
