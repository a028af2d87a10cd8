package io.sluice.engine;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Block streams lose nothing: a million synthetic events through three block streams with different event
 * filters, each into its own JSON file. Each file holds exactly the events its filter selects, each once, in
 * {@code seq} order, and the counters say the same.
 */
class BlockStreamsTest
{
    private static final long COUNT = 1_000_000;
    private static final long SEED = 42;

    @Test
    void everySelectedEventArrivesOnceInOrder(@TempDir final Path dir) throws Exception
    {
        final EventCatalog catalog = EventCatalog.standard();
        final List<Set<String>> filters = List.of(
            Set.of("openat", "execve"),
            Set.of("sched_process_exec", "sched_process_fork", "sched_process_exit"),
            Set.of("connect", "accept4", "bind", "socket"));
        final OutputConfig output = new OutputConfig(
            List.of(
                new DestinationConfig("files", "file", FormatSpec.JSON, dir.resolve("files.json").toString(), null),
                new DestinationConfig("procs", "file", FormatSpec.JSON, dir.resolve("sub/procs.json").toString(), null),
                new DestinationConfig("net", "file", FormatSpec.JSON, dir.resolve("net.json").toString(), null)),
            List.of(
                new StreamConfig("files", List.of("files"), List.copyOf(filters.get(0)), List.of(), BufferMode.BLOCK, 1024, false),
                new StreamConfig("procs", List.of("procs"), List.copyOf(filters.get(1)), List.of(), BufferMode.BLOCK, 256, false),
                new StreamConfig("net", List.of("net"), List.copyOf(filters.get(2)), List.of(), BufferMode.BLOCK, 4096, false)),
            OutputOptions.NONE);
        final SyntheticSpec spec = SyntheticSpec.parse("synthetic:count=" + COUNT + ",seed=" + SEED, catalog);

        final EngineSummary summary = new Engine(Pipeline.of(output, new SyntheticSource(spec), catalog, EngineOptions.DEFAULTS)).run();

        assertNull(summary.failure());
        assertEquals(COUNT, summary.ingested());
        assertEquals(COUNT, summary.published());
        final String[] names = {"files", "procs", "net"};
        final String[] paths = {"files.json", "sub/procs.json", "net.json"};
        for (int s = 0; s < names.length; s++)
        {
            final Set<String> filter = filters.get(s);
            final long expected = expectedCount(spec, filter);
            final long[] previous = {-1};
            final long lines = OutputLines.forEach(dir.resolve(paths[s]), (event, seq) ->
            {
                assertTrue(filter.contains(event), () -> "stream selected " + event);
                assertTrue(seq > previous[0], () -> "seq " + seq + " after " + previous[0]);
                final String generated = spec.events().get(SyntheticSource.eventIndex(SEED, seq, spec.events().size())).name();
                assertEquals(generated, event, "seq " + seq + " is a different event than the source wrote");
                previous[0] = seq;
            });
            assertEquals(expected, lines, names[s] + ": lines");
            final EngineSummary.StreamSummary counts = summary.stream(names[s]);
            assertEquals(expected, counts.matched(), names[s] + ": matched");
            assertEquals(expected, counts.delivered(), names[s] + ": delivered");
            assertEquals(0, counts.dropped(), names[s] + ": dropped");
            assertEquals(0, counts.failed(), names[s] + ": failed");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(paths[s]))));
        }
    }

    private static long expectedCount(final SyntheticSpec spec, final Set<String> filter)
    {
        final List<EventDefinition> mix = spec.events();
        long count = 0;
        for (long seq = 0; seq < spec.count(); seq++)
        {
            if (filter.contains(mix.get(SyntheticSource.eventIndex(spec.seed(), seq, mix.size())).name()))
            {
                count++;
            }
        }
        return count;
    }
}
