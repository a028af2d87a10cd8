package io.sluice.cli.config;

import io.sluice.config.BufferMode;
import io.sluice.config.DestinationConfig;
import io.sluice.config.FormatSpec;
import io.sluice.config.OutputConfig;
import io.sluice.config.OutputOptions;
import io.sluice.config.StreamConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The file and the flags meet in one model: a flag replaces the same key of the file, and flags may add
 * destinations and streams to those of the file. Among flags, the last one for a key wins.
 */
class MergeTest
{
    @TempDir
    Path dir;

    private Path tracing()
    {
        return Load.write(dir, """
            output:
              destinations:
                - name: json_destination
                  format: json
                  path: /tmp/tracing.json
              streams:
                - name: tracing
                  destinations: [json_destination]
                  filters:
                    events: [sched_process_exec]
                  buffer:
                    mode: block
                    size: 2048
              options:
                exec-env: true
            """);
    }

    @Test
    void aFlagOverridesTheSameKeyOfTheFile()
    {
        final OutputConfig config = Load.yaml(tracing(), "streams.tracing.buffer.mode=drop");
        assertEquals(new StreamConfig("tracing", List.of("json_destination"), List.of("sched_process_exec"), List.of(),
            BufferMode.DROP, 2048, false), config.streams().get(0));
    }

    @Test
    void onlyTheKeyNamedIsReplaced()
    {
        final OutputConfig config = Load.yaml(tracing(), "destinations.json_destination.format=table");
        assertEquals(new DestinationConfig("json_destination", "file", FormatSpec.TABLE,
            "/tmp/tracing.json", null), config.destinations().get(0));
    }

    @Test
    void aListFlagReplacesTheWholeListOfTheFile()
    {
        final OutputConfig config = Load.yaml(tracing(), "streams.tracing.filters.events=openat,execve");
        assertEquals(List.of("openat", "execve"), config.streams().get(0).events());
    }

    @Test
    void optionsFromFlagsOverrideAndAddToTheFile()
    {
        assertEquals(OutputOptions.NONE, Load.yaml(tracing(), "options.exec-env=false").options());
        assertEquals(new OutputOptions(false, true, false, false), Load.yaml(tracing(), "options.sort-events=false").options());
    }

    @Test
    void flagsAddDestinationsAndStreamsAfterThoseOfTheFile()
    {
        final OutputConfig config = Load.yaml(tracing(),
            "destinations.screen.format=table",
            "destinations.audit.format=json", "destinations.audit.path=/tmp/audit.json",
            "streams.audit.destinations=audit", "streams.audit.filters.events=setuid");
        assertEquals(List.of("json_destination", "screen", "audit"),
            config.destinations().stream().map(DestinationConfig::name).toList());
        assertEquals(List.of("tracing", "audit", "screen-stream"),
            config.streams().stream().map(StreamConfig::name).toList());
    }

    @Test
    void aFlagCanMoveADestinationOfTheFileToAnotherStream()
    {
        // The file's stream now names a new destination; the file's destination goes to a stream of its own.
        final OutputConfig config = Load.yaml(tracing(), "destinations.other.path=/tmp/other.json",
            "streams.tracing.destinations=other");
        assertEquals(List.of(
            new StreamConfig("tracing", List.of("other"), List.of("sched_process_exec"), List.of(), BufferMode.BLOCK,
                2048, false),
            new StreamConfig("json_destination-stream", List.of("json_destination"), List.of(), List.of(),
                BufferMode.BLOCK, 1024, true)), config.streams());
    }

    @Test
    void shortFormsAddToTheFile()
    {
        final OutputConfig config = Load.yaml(tracing(), "table");
        assertEquals(List.of("tracing", "default-stream"), config.streams().stream().map(StreamConfig::name).toList());
        assertEquals(List.of("table-1"), config.streams().get(1).destinations());
    }

    @Test
    void anErrorInAMergedValueNamesWhereThatValueCameFrom()
    {
        final Path file = tracing();
        // The bad value comes from the flag: the flag is named.
        assertEquals("--output streams.tracing.buffer.mode=fast: streams.tracing.buffer.mode = 'fast': must be block"
            + " or drop", Load.yamlError(file, "streams.tracing.buffer.mode=fast"));
        // The second claim on a destination comes from the flag (streams of the file come first): the flag is named.
        assertEquals("--output streams.early.destinations=json_destination: streams.early.destinations ="
            + " 'json_destination': destination already belongs to stream 'tracing' (a destination can be in at most"
            + " one stream)", Load.yamlError(file, "streams.early.destinations=json_destination"));
        // The bad value comes from the file, flags or not: the file and line are named.
        final Path bad = Load.write(dir, "output:\n  destinations:\n    - name: d\n      format: xml\n");
        assertEquals(bad + ":4: output.destinations[0].format = 'xml': unknown format (expected json, table,"
            + " gotemplate=FILE, compact, protobuf or table-verbose)", Load.yamlError(bad, "destinations.d.path=/tmp/d",
            "exec-env"));
    }

    @Test
    void noneOnTheCommandLineCannotSilenceDestinationsOfTheFile()
    {
        final Path file = tracing();
        assertEquals("--output none: none: cannot be combined with other destinations (destination 'json_destination'"
            + " from " + file + ":3)", Load.yamlError(file, "none"));
    }

    @Test
    void amongFlagsTheLastOneForAKeyWins()
    {
        assertEquals(BufferMode.BLOCK, Load.flags("destinations.d.path=/tmp/d", "streams.s.destinations=d",
            "streams.s.buffer.mode=drop", "streams.s.buffer.mode=block").streams().get(0).mode());
    }
}
