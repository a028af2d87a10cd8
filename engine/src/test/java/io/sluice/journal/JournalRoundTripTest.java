package io.sluice.journal;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.BufferMode;
import io.sluice.config.DestinationConfig;
import io.sluice.config.FormatSpec;
import io.sluice.config.JournalRoll;
import io.sluice.config.OutputConfig;
import io.sluice.config.OutputOptions;
import io.sluice.config.StreamConfig;
import io.sluice.engine.Engine;
import io.sluice.engine.EngineOptions;
import io.sluice.engine.Pipeline;
import io.sluice.engine.EngineSummary;
import io.sluice.source.ReplaySource;
import io.sluice.source.ReplaySpec;
import io.sluice.source.SyntheticSource;
import io.sluice.source.SyntheticSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A journal keeps every event of its stream, byte for byte: a million synthetic events captured to a journal and,
 * in the same run, to a JSON file; the journal replayed into another JSON file gives the same file.
 */
class JournalRoundTripTest
{
    private static final long COUNT = 1_000_000;

    @Test
    void replayingACaptureGivesWhatTheDirectCaptureWrote(@TempDir final Path dir) throws Exception
    {
        final EventCatalog catalog = EventCatalog.standard();
        final Path journal = dir.resolve("journal");
        final OutputConfig capture = new OutputConfig(
            List.of(
                new DestinationConfig("direct", "file", FormatSpec.JSON, dir.resolve("direct.json").toString(), null),
                new DestinationConfig("journal", "journal", FormatSpec.SBE, journal.toString(), null, null,
                    JournalRoll.HOURLY)),
            List.of(
                new StreamConfig("json", List.of("direct"), List.of(), List.of(), BufferMode.BLOCK, 4096, false),
                new StreamConfig("capture", List.of("journal"), List.of(), List.of(), BufferMode.BLOCK, 4096, false)),
            OutputOptions.NONE);
        final EngineSummary captured = new Engine(Pipeline.of(capture,
            new SyntheticSource(SyntheticSpec.parse("synthetic:count=" + COUNT + ",seed=5", catalog)), catalog,
            EngineOptions.DEFAULTS)).run();
        assertNull(captured.failure());
        assertEquals(COUNT, captured.stream("capture").delivered());
        assertTrue(captured.notes().get(0).contains(COUNT + " events appended"), captured.notes().toString());

        final ReplaySource replay = ReplaySource.open(
            new ReplaySpec(journal, 0, Long.MIN_VALUE, Long.MAX_VALUE, false, false));
        final OutputConfig replayOutput = new OutputConfig(
            List.of(new DestinationConfig("out", "file", FormatSpec.JSON, dir.resolve("replayed.json").toString(), null)),
            List.of(new StreamConfig("out", List.of("out"), List.of(), List.of(), BufferMode.BLOCK, 4096, false)),
            OutputOptions.NONE);
        final EngineSummary replayed = new Engine(Pipeline.of(replayOutput, replay, catalog, EngineOptions.DEFAULTS)).run();

        assertNull(replayed.failure());
        assertEquals(List.of(), replay.damage());
        assertEquals(COUNT, replayed.stream("out").delivered());
        assertEquals(1, replay.headers());
        assertEquals(-1, Files.mismatch(dir.resolve("direct.json"), dir.resolve("replayed.json")),
            "replayed JSON differs from the direct capture");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(journal)));
        try (Stream<Path> files = Files.list(journal))
        {
            files.filter(file -> file.toString().endsWith(".cq4")).forEach(file -> assertEquals("rw-------",
                assertDoesNotThrowPermissions(file), file.toString()));
        }
    }

    private static String assertDoesNotThrowPermissions(final Path file)
    {
        try
        {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
        }
        catch (final java.io.IOException ex)
        {
            throw new AssertionError(ex);
        }
    }
}
