package io.sluice.engine;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.BufferMode;
import io.sluice.config.DestinationConfig;
import io.sluice.config.FormatSpec;
import io.sluice.config.OutputConfig;
import io.sluice.config.OutputOptions;
import io.sluice.config.RetryPolicy;
import io.sluice.config.StreamConfig;
import io.sluice.source.SyntheticSource;
import io.sluice.source.SyntheticSpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A destination on a full disk, with the destination contract: an event is delivered only when its write returned.
 * A drop stream counts every event the disk refused as failed; a block stream holds back while the disk is full,
 * loses nothing once space is freed, and at exit counts what it still holds as undelivered.
 */
class FullDiskTest
{
    private static final EventCatalog CATALOG = EventCatalog.standard();
    private static final RetryPolicy QUICK_RETRY = new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(200));

    @Test
    void aDropStreamOnDevFullCountsEveryRefusedEventAsFailedAndNoneDelivered()
    {
        final EngineSummary summary = run(config("/dev/full", BufferMode.DROP), 50_000, EngineOptions.DEFAULTS);
        final EngineSummary.StreamSummary stream = summary.stream("s");
        assertEquals(50_000, stream.matched());
        assertEquals(0, stream.delivered(), "nothing reached /dev/full");
        assertTrue(stream.failed() > 0, "the refused events are counted failed");
        assertEquals(stream.matched(), stream.delivered() + stream.dropped() + stream.failed() + stream.undelivered());
        assertEquals(0, stream.destinations().get(0).written());
        assertEquals(stream.failed(), stream.destinations().get(0).failed());
    }

    @Test
    void aBlockStreamOnDevFullHoldsBackAndAtExitCountsWhatItHoldsUndelivered() throws Exception
    {
        final Engine engine = engine(config("/dev/full", BufferMode.BLOCK), 0, EngineOptions.DEFAULTS.withDrainTimeout(Duration.ofSeconds(1)));
        final CompletableFuture<EngineSummary> run = CompletableFuture.supplyAsync(engine::run);
        Thread.sleep(500);
        final long stopAt = System.nanoTime();
        engine.requestStop();
        final EngineSummary summary = run.get(30, TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - stopAt < TimeUnit.SECONDS.toNanos(10), "stopped within the grace period");
        final EngineSummary.StreamSummary stream = summary.stream("s");
        assertTrue(stream.matched() > 0);
        assertEquals(0, stream.delivered());
        assertEquals(0, stream.dropped());
        assertEquals(stream.matched(), stream.failed() + stream.undelivered(), "held back, never silently lost");
        assertTrue(stream.undelivered() > 0);
        assertTrue(stream.destinations().get(0).retried() > 0, "the write was retried while the stream held back");
    }

    @Test
    void aBlockStreamOnAFullTmpfsLosesNothingOnceSpaceIsFreed(@TempDir final Path dir) throws Exception
    {
        final Path mount = mountTmpfs(dir.resolve("small"), "8m");
        try
        {
            final Path filler = mount.resolve("filler");
            try (RandomAccessFile file = new RandomAccessFile(filler.toFile(), "rw"))
            {
                file.write(new byte[7 * 1024 * 1024 + 512 * 1024]);
            }
            final Path out = mount.resolve("events.json");
            final long count = 8_000;
            final Engine engine = engine(config(out.toString(), BufferMode.BLOCK), count, EngineOptions.DEFAULTS);
            final CompletableFuture<EngineSummary> run = CompletableFuture.supplyAsync(engine::run);
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (engine.streams().get(0).destinationCounters(0).retried() == 0 && System.nanoTime() < deadline)
            {
                Thread.sleep(10);
            }
            assertTrue(engine.streams().get(0).destinationCounters(0).retried() > 0, "the tmpfs never filled");
            Files.delete(filler);
            final EngineSummary summary = run.get(60, TimeUnit.SECONDS);

            final EngineSummary.StreamSummary stream = summary.stream("s");
            assertEquals(count, stream.matched());
            assertEquals(count, stream.delivered(), "every event delivered once space was freed");
            assertEquals(0, stream.failed() + stream.dropped() + stream.undelivered());
            final long[] expected = {0};
            final long lines = OutputLines.forEach(out, (event, seq) ->
            {
                assertEquals(expected[0], seq, "every seq once, in order");
                expected[0]++;
            });
            assertEquals(count, lines, "what the reader got equals delivered");
        }
        finally
        {
            exec("umount", "-l", mount.toString());
        }
    }

    @Test
    void aDropStreamOnATmpfsThatFillsMidEventAccountsForEveryEventAndLeavesOnlyWholeDeliveredLines(@TempDir final Path dir)
        throws Exception
    {
        final Path mount = mountTmpfs(dir.resolve("tiny"), "16k");
        try
        {
            final Path out = mount.resolve("events.json");
            final EngineSummary summary = run(config(out.toString(), BufferMode.DROP), 3_000, EngineOptions.DEFAULTS);
            final EngineSummary.StreamSummary stream = summary.stream("s");
            assertEquals(3_000, stream.matched());
            assertEquals(stream.matched(), stream.delivered() + stream.dropped() + stream.failed() + stream.undelivered(),
                "every event accounted for, the one torn by the full disk included");
            assertTrue(stream.failed() > 0);
            final List<String> lines = Files.readAllLines(out);
            long whole = 0;
            for (final String line : lines)
            {
                if (line.endsWith("}"))
                {
                    whole++;
                }
            }
            assertEquals(stream.delivered(), whole, "what the reader got (whole lines) equals delivered");
        }
        finally
        {
            exec("umount", "-l", mount.toString());
        }
    }

    private static OutputConfig config(final String path, final BufferMode mode)
    {
        return new OutputConfig(
            List.of(new DestinationConfig("d", "file", FormatSpec.JSON, path, null, null, null, QUICK_RETRY)),
            List.of(new StreamConfig("s", List.of("d"), List.of(), List.of(), mode, 1024, false)),
            OutputOptions.NONE);
    }

    private static EngineSummary run(final OutputConfig output, final long count, final EngineOptions options)
    {
        return engine(output, count, options).run();
    }

    private static Engine engine(final OutputConfig output, final long count, final EngineOptions options)
    {
        final SyntheticSource source = new SyntheticSource(SyntheticSpec.parse("synthetic:count=" + count + ",seed=3", CATALOG));
        return new Engine(Pipeline.of(output, source, CATALOG, options));
    }

    /**
     * @param mount where to mount it (created).
     * @param size  its size, as mount takes it.
     * @return the mount point; the test is skipped where mounting is not allowed (not root).
     */
    private static Path mountTmpfs(final Path mount, final String size) throws Exception
    {
        Files.createDirectories(mount);
        Assumptions.assumeTrue(exec("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mount.toString()) == 0,
            "needs root to mount a tmpfs");
        return mount;
    }

    private static int exec(final String... command) throws Exception
    {
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
