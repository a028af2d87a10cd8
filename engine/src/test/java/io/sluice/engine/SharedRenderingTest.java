package io.sluice.engine;

import com.lmax.disruptor.BlockingWaitStrategy;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.BufferMode;
import io.sluice.config.DestinationConfig;
import io.sluice.config.FormatSpec;
import io.sluice.config.OutputConfig;
import io.sluice.config.OutputOptions;
import io.sluice.config.StreamConfig;
import io.sluice.config.StreamExportConfig;
import io.sluice.format.FormatContext;
import io.sluice.report.Problems;
import io.sluice.source.SyntheticSource;
import io.sluice.source.SyntheticSpec;
import io.sluice.stream.DrainDeadline;
import io.sluice.stream.RouterGroup;
import io.sluice.stream.Stream;
import io.sluice.stream.StreamEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Streams of one router thread whose destinations have the same format and options share one rendering of each event:
 * their files are byte for byte what a stream rendering alone writes; an event a stream's own export filters rewrote,
 * and a format whose options differ, are rendered by that stream's writer.
 */
class SharedRenderingTest
{
    private static final int EVENTS = 20_000;
    private final EventCatalog catalog = EventCatalog.standard();

    @Test
    void streamsSharingAJsonRenderingWriteTheSameBytesAsAStreamRenderingAlone(@TempDir final Path dir) throws Exception
    {
        // two router threads: streams 0 and 2 share a thread and one rendering, stream 1's is rendered by its own group
        final OutputConfig output = output(dir, List.of(FormatSpec.JSON, FormatSpec.JSON, FormatSpec.JSON),
            StreamExportConfig.NONE);
        assertEquals(List.of(1, 1), sharedFormats(output, 2));

        final EngineSummary summary = run(output, 2, "synthetic:count=" + EVENTS + ",seed=3");

        assertNull(summary.failure());
        final byte[] alone = Files.readAllBytes(dir.resolve("s1.out"));
        assertEquals(EVENTS, Files.readAllLines(dir.resolve("s1.out")).size());
        assertArrayEquals(alone, Files.readAllBytes(dir.resolve("s0.out")), "shared rendering, first stream");
        assertArrayEquals(alone, Files.readAllBytes(dir.resolve("s2.out")), "shared rendering, second stream");
    }

    @Test
    void anEventAStreamsOwnExportFiltersRewroteIsRenderedByThatStream(@TempDir final Path dir) throws Exception
    {
        final StreamExportConfig fields = new StreamExportConfig(List.of(), List.of(), List.of(),
            List.of("{\"fields\": \"name,data\", \"action\": \"INCLUDE\"}"));
        final OutputConfig output = output(dir, List.of(FormatSpec.JSON, FormatSpec.JSON, FormatSpec.JSON), fields);
        assertEquals(List.of(1), sharedFormats(output, 1));

        final EngineSummary summary = run(output, 1, "synthetic:count=" + EVENTS + ",seed=5,events=openat;execve");

        assertNull(summary.failure());
        final List<String> rewritten = Files.readAllLines(dir.resolve("s1.out"));
        assertEquals(EVENTS, rewritten.size());
        rewritten.forEach(line -> assertTrue(line.startsWith("{\"name\":\"") && line.contains("\"data\":[")
            && !line.contains("\"timestamp\""), line));
        final List<String> whole = Files.readAllLines(dir.resolve("s0.out"));
        assertEquals(EVENTS, whole.size());
        assertTrue(whole.get(0).contains("\"timestamp\""), whole.get(0));
        assertArrayEquals(Files.readAllBytes(dir.resolve("s0.out")), Files.readAllBytes(dir.resolve("s2.out")));
    }

    @Test
    void formatsWhoseOptionsDifferAreNotShared(@TempDir final Path dir) throws Exception
    {
        final Path a = Files.writeString(dir.resolve("a.tmpl"), "A\n");
        final Path b = Files.writeString(dir.resolve("b.tmpl"), "B\n");
        final OutputConfig output = output(dir, List.of(new FormatSpec("gotemplate", a.toString()),
            new FormatSpec("gotemplate", b.toString())), StreamExportConfig.NONE);
        assertEquals(List.of(0), sharedFormats(output, 1));

        final EngineSummary summary = run(output, 1, "synthetic:count=" + EVENTS + ",seed=7");

        assertNull(summary.failure());
        assertEquals("A\n".repeat(EVENTS), Files.readString(dir.resolve("s0.out")));
        assertEquals("B\n".repeat(EVENTS), Files.readString(dir.resolve("s1.out")));
    }

    /** Stream i writes file si.out in formats[i]; stream 1 has the given export filters of its own. */
    private static OutputConfig output(final Path dir, final List<FormatSpec> formats, final StreamExportConfig exports)
    {
        final List<DestinationConfig> destinations = new ArrayList<>();
        final List<StreamConfig> streams = new ArrayList<>();
        for (int i = 0; i < formats.size(); i++)
        {
            final String path = dir.resolve("s" + i + ".out").toString();
            destinations.add(new DestinationConfig("d" + i, "file", formats.get(i), path, null));
            streams.add(new StreamConfig("s" + i, List.of("d" + i), List.of(), List.of(), BufferMode.BLOCK, 1024, false,
                i == 1 ? exports : StreamExportConfig.NONE));
        }
        return new OutputConfig(List.copyOf(destinations), List.copyOf(streams), OutputOptions.NONE);
    }

    private EngineSummary run(final OutputConfig output, final int routerThreads, final String source)
    {
        return new Engine(Pipeline.of(output, new SyntheticSource(SyntheticSpec.parse(source, catalog)), catalog,
            EngineOptions.DEFAULTS).withRouterThreads(routerThreads)).run();
    }

    /** The formats each group of the streams the engine would build renders once for several streams. */
    private List<Integer> sharedFormats(final OutputConfig output, final int routerThreads)
    {
        final Problems problems = Problems.toStderr();
        final String[] policies = new String[0];
        final List<Stream> streams = new StreamFactory(new FormatContext(catalog, policies), "test").build(
            StreamPlan.compile(output, catalog, policies), new StreamEnvironment(BlockingWaitStrategy::new, Thread::new,
                problems, new DrainDeadline(Duration.ofSeconds(1))));
        final List<Integer> shared = new ArrayList<>();
        for (final RouterGroup group : RouterGroup.split(streams, routerThreads, problems))
        {
            shared.add(group.sharedFormats());
        }
        return shared;
    }
}
