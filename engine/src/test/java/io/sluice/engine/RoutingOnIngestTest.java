package io.sluice.engine;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.BufferMode;
import io.sluice.config.DestinationConfig;
import io.sluice.config.FormatSpec;
import io.sluice.config.OutputConfig;
import io.sluice.config.OutputOptions;
import io.sluice.config.StreamConfig;
import io.sluice.config.StreamExportConfig;
import io.sluice.source.SyntheticSource;
import io.sluice.source.SyntheticSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With no router thread (a machine of two cores or fewer, or {@code withRouterThreads(0)}), the ingest routes each
 * event as it publishes it: every stream gets what a router thread would have given it, in the same order and byte for
 * byte but for the times the synthetic source stamps as it runs, and a drop stream's counts add up with what its file
 * holds.
 */
class RoutingOnIngestTest
{
    private static final int EVENTS = 30_000;
    private static final String SOURCE = "synthetic:count=" + EVENTS + ",seed=11,events=openat;execve;close";
    private static final Pattern TIME = Pattern.compile("\"seconds\":\"[0-9]+\"(,\"nanos\":[0-9]+)?");
    private final EventCatalog catalog = EventCatalog.standard();

    @Test
    void theIngestsRoutingWritesWhatARouterThreadWrites(@TempDir final Path dir) throws Exception
    {
        final Path onIngest = Files.createDirectory(dir.resolve("ingest"));
        final Path onThread = Files.createDirectory(dir.resolve("thread"));

        final EngineSummary ingest = run(output(onIngest, StreamConfig.DEFAULT_BUFFER_SIZE), 0);
        final EngineSummary thread = run(output(onThread, StreamConfig.DEFAULT_BUFFER_SIZE), 1);

        assertNull(ingest.failure());
        assertNull(thread.failure());
        for (final String stream : List.of("all", "openat"))
        {
            assertEquals(thread.stream(stream).matched(), ingest.stream(stream).matched(), stream);
            assertEquals(ingest.stream(stream).matched(), ingest.stream(stream).delivered(), stream);
            assertEquals(timeless(onThread.resolve(stream + ".json")), timeless(onIngest.resolve(stream + ".json")),
                stream);
        }
        assertEquals(EVENTS, ingest.stream("all").delivered());
        final long openat = ingest.stream("openat").delivered();
        assertTrue(openat > 0 && openat < EVENTS, "openat events: " + openat);
        assertEquals(EVENTS, ingest.stream("sampled").matched());
    }

    @Test
    void aDropStreamRoutedByTheIngestCountsEveryEventAndItsFileHoldsWhatItDelivered(@TempDir final Path dir)
        throws Exception
    {
        // a ring of 8: when the ingest outruns the writer, a full ring is a drop, never a wait
        final EngineSummary summary = run(output(dir, 8), 0);

        assertNull(summary.failure());
        final EngineSummary.StreamSummary sampled = summary.stream("sampled");
        assertEquals(EVENTS, sampled.matched());
        assertEquals(sampled.matched(), sampled.delivered() + sampled.dropped() + sampled.failed());
        assertEquals(0, sampled.failed());
        assertEquals(sampled.delivered(), Files.readAllLines(dir.resolve("sampled.json")).size());
        assertEquals(EVENTS, summary.stream("all").delivered());
    }

    /** Streams "all" (block), "openat" (block, that event alone) and "sampled" (drop, ring of dropRing), a file each. */
    private static OutputConfig output(final Path dir, final int dropRing)
    {
        final List<StreamConfig> streams = List.of(
            new StreamConfig("all", List.of("all"), List.of(), List.of(), BufferMode.BLOCK,
                StreamConfig.DEFAULT_BUFFER_SIZE, false, StreamExportConfig.NONE),
            new StreamConfig("openat", List.of("openat"), List.of("openat"), List.of(), BufferMode.BLOCK,
                StreamConfig.DEFAULT_BUFFER_SIZE, false, StreamExportConfig.NONE),
            new StreamConfig("sampled", List.of("sampled"), List.of(), List.of(), BufferMode.DROP, dropRing, false,
                StreamExportConfig.NONE));
        return new OutputConfig(List.of(file(dir, "all"), file(dir, "openat"), file(dir, "sampled")), streams,
            OutputOptions.NONE);
    }

    private static DestinationConfig file(final Path dir, final String name)
    {
        return new DestinationConfig(name, "file", FormatSpec.JSON, dir.resolve(name + ".json").toString(), null);
    }

    /** The file's lines with every time in them made the same: the synthetic source stamps its events as it runs. */
    private static List<String> timeless(final Path file) throws IOException
    {
        final List<String> lines = Files.readAllLines(file);
        lines.replaceAll(line -> TIME.matcher(line).replaceAll("\"seconds\":\"S\""));
        return lines;
    }

    private EngineSummary run(final OutputConfig output, final int routerThreads)
    {
        return new Engine(Pipeline.of(output, new SyntheticSource(SyntheticSpec.parse(SOURCE, catalog)), catalog,
            EngineOptions.DEFAULTS).withRouterThreads(routerThreads)).run();
    }
}
