package io.sluice.engine;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.BufferMode;
import io.sluice.config.DestinationConfig;
import io.sluice.config.FormatSpec;
import io.sluice.config.OutputConfig;
import io.sluice.config.OutputOptions;
import io.sluice.config.StreamConfig;
import io.sluice.source.SyntheticSource;
import io.sluice.source.SyntheticSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A drop stream behind a slow destination drops, and counts every drop, without slowing its block neighbour:
 * for the drop stream delivered + dropped == matched exactly (and delivered is what the reader got); the block
 * stream receives every event, in order.
 */
class DropStreamTest
{
    private static final long COUNT = 200_000;

    @Test
    void dropStreamAccountsForEveryEventAndBlockStreamGetsAll(@TempDir final Path dir) throws Exception
    {
        final Path fifo = dir.resolve("slow.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(), "mkfifo");
        final AtomicLong slowLines = new AtomicLong();
        final CompletableFuture<Long> slowReader = CompletableFuture.supplyAsync(() -> readSlowly(fifo, slowLines));

        final OutputConfig output = new OutputConfig(
            List.of(
                new DestinationConfig("all", "file", FormatSpec.JSON, dir.resolve("all.json").toString(), null),
                new DestinationConfig("slow", "file", FormatSpec.JSON, fifo.toString(), null)),
            List.of(
                new StreamConfig("everything", List.of("all"), List.of(), List.of(), BufferMode.BLOCK, 1024, false),
                new StreamConfig("lossy", List.of("slow"), List.of(), List.of(), BufferMode.DROP, 64, false)),
            OutputOptions.NONE);
        final EventCatalog catalog = EventCatalog.standard();
        final SyntheticSource source = new SyntheticSource(SyntheticSpec.parse("synthetic:count=" + COUNT + ",seed=7", catalog));

        final EngineSummary summary = new Engine(Pipeline.of(output, source, catalog, EngineOptions.DEFAULTS)).run();
        final long readBySlowReader = slowReader.get(60, TimeUnit.SECONDS);

        assertNull(summary.failure());
        final EngineSummary.StreamSummary lossy = summary.stream("lossy");
        assertEquals(COUNT, lossy.matched());
        assertTrue(lossy.dropped() > 0, "the slow destination should have forced drops");
        assertEquals(0, lossy.failed());
        assertEquals(lossy.matched(), lossy.delivered() + lossy.dropped(), "delivered + dropped == matched");
        assertEquals(lossy.delivered(), readBySlowReader, "the reader got exactly what was counted as delivered");

        final EngineSummary.StreamSummary everything = summary.stream("everything");
        assertEquals(COUNT, everything.matched());
        assertEquals(COUNT, everything.delivered());
        assertEquals(0, everything.dropped());
        final long[] expected = {0};
        final long lines = OutputLines.forEach(dir.resolve("all.json"), (event, seq) ->
        {
            assertEquals(expected[0], seq);
            expected[0]++;
        });
        assertEquals(COUNT, lines);
    }

    private static long readSlowly(final Path fifo, final AtomicLong lines)
    {
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(Files.newInputStream(fifo), StandardCharsets.UTF_8), 4096))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                OutputLines.seqOf(line);
                if (lines.incrementAndGet() % 64 == 0)
                {
                    Thread.sleep(1);
                }
            }
            return lines.get();
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
