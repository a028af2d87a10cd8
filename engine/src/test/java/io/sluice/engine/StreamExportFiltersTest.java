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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stream's own Tetragon filters act on that stream only: its allowlist and denylist choose its events, its field
 * filters shape what its destinations print, and the other streams see every event whole.
 */
class StreamExportFiltersTest
{
    @Test
    void filtersOfOneStreamLeaveTheOthersAlone(@TempDir final Path dir) throws Exception
    {
        final EventCatalog catalog = EventCatalog.standard();
        final StreamExportConfig exports = new StreamExportConfig(
            List.of("{\"event_set\": [\"openat\", \"execve\"]}"), List.of("{\"event_set\": [\"execve\"]}"), List.of(),
            List.of("{\"fields\": \"name,data\", \"action\": \"INCLUDE\"}"));
        final OutputConfig output = new OutputConfig(
            List.of(
                new DestinationConfig("all", "file", FormatSpec.JSON, dir.resolve("all.json").toString(), null),
                new DestinationConfig("some", "file", FormatSpec.JSON, dir.resolve("some.json").toString(), null)),
            List.of(
                new StreamConfig("all", List.of("all"), List.of(), List.of(), BufferMode.BLOCK, 1024, false),
                new StreamConfig("some", List.of("some"), List.of(), List.of(), BufferMode.BLOCK, 1024, false, exports)),
            OutputOptions.NONE);
        final SyntheticSpec spec = SyntheticSpec.parse("synthetic:count=3000,seed=11,events=openat;execve;connect", catalog);

        final EngineSummary summary = new Engine(Pipeline.of(output, new SyntheticSource(spec), catalog, EngineOptions.DEFAULTS)).run();

        assertNull(summary.failure());
        final List<String> all = Files.readAllLines(dir.resolve("all.json"));
        final List<String> some = Files.readAllLines(dir.resolve("some.json"));
        assertEquals(3000, all.size());
        assertTrue(all.stream().anyMatch(line -> line.contains("\"id\":\"connect\"")), "the other stream sees everything");
        assertFalse(some.isEmpty());
        some.forEach(line -> assertTrue(line.startsWith("{\"name\":\"openat\",\"data\":["), line));
        assertEquals(all.stream().filter(line -> line.contains("\"id\":\"openat\"")).count(), some.size());
        assertEquals(some.size(), summary.stream("some").matched());
    }
}
