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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code --config} file: its layout, and the errors for keys and value types it does not have.
 * Errors name the file and line, the full dotted field (list indexes from 0) and the value.
 */
class YamlLayoutTest
{
    @TempDir
    Path dir;

    @Test
    void readsEveryKeyOfTheOutputSection()
    {
        final Path file = Load.write(dir, """
            output:
              destinations:
                - name: events
                  type: file
                  format: json
                  path: /tmp/sluice/events.json
                - name: screen
              streams:
                - name: processes
                  destinations: [events]
                  filters:
                    events: [sched_process_exec, sched_process_exit]
                    policies: []
                  buffer:
                    mode: drop
                    size: 4096
              options:
                sort-events: false
                exec-env: true
                parse-arguments: false
                stack-addresses: false
            """);
        assertEquals(new OutputConfig(
            List.of(
                new DestinationConfig("events", "file", FormatSpec.JSON, "/tmp/sluice/events.json", null),
                new DestinationConfig("screen", "file", FormatSpec.TABLE, "stdout", null)),
            List.of(
                new StreamConfig("processes", List.of("events"), List.of("sched_process_exec", "sched_process_exit"),
                    List.of(), BufferMode.DROP, 4096, false),
                new StreamConfig("screen-stream", List.of("screen"), List.of(), List.of(), BufferMode.BLOCK, 1024,
                    true)),
            new OutputOptions(false, true, false, false)), Load.yaml(file));
    }

    @Test
    void emptyFiltersAndBufferBlocksMeanTheDefaults()
    {
        final Path file = Load.write(dir, """
            output:
              destinations:
                - name: d
              streams:
                - name: s
                  destinations: [d]
                  filters:
                  buffer: {}
            """);
        assertEquals(new StreamConfig("s", List.of("d"), List.of(), List.of(), BufferMode.BLOCK, 1024, false),
            Load.yaml(file).streams().get(0));
    }

    @Test
    void anUnknownKeyIsAnErrorWithItsFullPath()
    {
        final Path file = Load.write(dir, """
            output:
              destinations:
                - name: d
              streams:
                - name: a
                  destinations: [d]
                - name: b
                  destinations: [d]
                  bufer:
                    mode: drop
            """);
        assertEquals(file + ":9: output.streams[1].bufer: unknown key (expected one of: name, destinations, filters,"
            + " buffer)", Load.yamlError(file));
    }

    @Test
    void unknownKeysAreErrorsAtEveryLevel()
    {
        assertEquals(file("output:\n  destinations:\n    - name: d\n      colour: red\n")
            + ":4: output.destinations[0].colour = 'red': not a key of file destinations (file takes: path, format, rotate, retry)",
            Load.yamlError(last));
        assertEquals(file("output:\n  streams:\n    - name: s\n      filters:\n        event: [openat]\n")
            + ":5: output.streams[0].filters.event: unknown key (expected one of: events, policies, allow, deny, redact, fields)",
            Load.yamlError(last));
        assertEquals(file("output:\n  streams:\n    - name: s\n      buffer:\n        length: 8\n")
            + ":5: output.streams[0].buffer.length: unknown key (expected one of: mode, size)",
            Load.yamlError(last));
        assertEquals(file("output:\n  options:\n    colour: true\n")
            + ":3: output.options.colour: unknown key (expected one of: exec-env, sort-events, parse-arguments,"
            + " stack-addresses)",
            Load.yamlError(last));
        assertEquals(file("output:\n  sinks: []\n")
            + ":2: output.sinks: unknown key (expected one of: destinations, streams, none, exec-env, sort-events, parse-arguments,"
            + " stack-addresses, options (deprecated))", Load.yamlError(last));
    }

    @Test
    void sortEventsAndParseArgumentsAreOptionsOfTheFile()
    {
        assertEquals(new io.sluice.config.OutputOptions(true, true, false, false),
            Load.yaml(file("output:\n  options:\n    exec-env: true\n    sort-events: true\n")).options());
        assertEquals(new io.sluice.config.OutputOptions(false, false, true, false),
            Load.yaml(file("output:\n  options:\n    parse-arguments: true\n")).options());
    }

    @Test
    void stackAddressesIsAnOptionOfTheFileAndAFlagMayTurnItOff()
    {
        assertEquals(new io.sluice.config.OutputOptions(false, false, false, true),
            Load.yaml(file("output:\n  options:\n    stack-addresses: true\n")).options());
        // a flag that turns it off wins over the file, as for any key
        assertEquals(io.sluice.config.OutputOptions.NONE, Load.yaml(last, "options.stack-addresses=false").options());
    }

    @Test
    void optionsAtTheTopOfOutputAreCurrentTraceesLayout()
    {
        // current Tracee's OutputConfig (pkg/cmd/flags/output.go) has none and sort-events at the top of output
        Load.WARNINGS.clear();
        assertEquals(new io.sluice.config.OutputOptions(true, false, false, false),
            Load.yaml(file("output:\n  sort-events: true\n")).options());
        assertTrue(Load.WARNINGS.isEmpty(), Load.WARNINGS.toString());
        assertEquals(file("output:\n  relative-time: true\n") + ":2: output.relative-time: not available yet", Load.yamlError(last));
    }

    @Test
    void optionsUnderOutputOptionsStillWorkWithOneDeprecationNote()
    {
        Load.WARNINGS.clear();
        assertEquals(new io.sluice.config.OutputOptions(true, true, false, false),
            Load.yaml(file("output:\n  options:\n    exec-env: true\n    sort-events: true\n")).options());
        assertEquals(List.of(last + ":3: output.options is deprecated: write the options at the top of output, as current Tracee"
            + " does (output.sort-events: true)"), Load.WARNINGS);
    }

    @Test
    void traceesLayoutBeforeStreamsIsRefusedWithAHint()
    {
        assertEquals(file("output:\n  json:\n    files: [stdout]\n")
            + ":2: output.json: unknown key (Tracee's layout before streams is not supported: declare"
            + " output.destinations)", Load.yamlError(last));
    }

    @Test
    void traceeOptionsSluiceDoesNotOfferAreNotAvailableYet()
    {
        assertEquals(file("output:\n  options:\n    relative-time: true\n")
            + ":3: output.options.relative-time: not available yet", Load.yamlError(last));
    }

    @Test
    void aTopLevelKeyOfNeitherSluiceNorTraceeIsAnError()
    {
        assertEquals(file("log:\n  level: debug\noutput:\n  destinations: []\n")
            + ":1: log: unknown section (expected output, server, logging, or one of Tracee's: artifacts, buffers, capabilities, detectors,"
            + " enrichment, no-signatures, signatures-dir, stores)", Load.yamlError(last));
    }

    @Test
    void aListWhereAStringIsExpectedIsAnError()
    {
        assertEquals(file("output:\n  destinations:\n    - name: d\n      format: [json, table]\n")
            + ":4: output.destinations[0].format: expected a string, got a list", Load.yamlError(last));
    }

    @Test
    void aStringWhereAListIsExpectedIsAnError()
    {
        assertEquals(file("output:\n  destinations:\n    - name: d\n  streams:\n    - name: s\n      destinations: d\n")
            + ":6: output.streams[0].destinations = 'd': expected a list, got a string", Load.yamlError(last));
    }

    @Test
    void aMappingWhereAListIsExpectedIsAnError()
    {
        assertEquals(file("output:\n  destinations:\n    name: d\n")
            + ":3: output.destinations: expected a list, got a mapping", Load.yamlError(last));
    }

    @Test
    void aNonIntegerBufferSizeIsAnError()
    {
        final String head = "output:\n  destinations:\n    - name: d\n  streams:\n    - name: s\n      destinations: [d]\n"
            + "      buffer:\n";
        assertEquals(file(head + "        size: big\n")
            + ":8: output.streams[0].buffer.size = 'big': expected an integer, got a string", Load.yamlError(last));
        assertEquals(file(head + "        size: 10.5\n")
            + ":8: output.streams[0].buffer.size = '10.5': expected an integer, got a decimal number",
            Load.yamlError(last));
        assertEquals(file(head + "        size: \"1024\"\n")
            + ":8: output.streams[0].buffer.size = '1024': expected an integer, got a string", Load.yamlError(last));
    }

    @Test
    void anOptionMustBeABoolean()
    {
        assertEquals(file("output:\n  options:\n    exec-env: \"true\"\n")
            + ":3: output.options.exec-env = 'true': expected true or false, got a string", Load.yamlError(last));
    }

    @Test
    void aListItemMustBeAString()
    {
        assertEquals(file("output:\n  streams:\n    - name: s\n      filters:\n        events:\n          - {name: openat}\n")
            + ":6: output.streams[0].filters.events[0]: expected a string, got a mapping", Load.yamlError(last));
    }

    @Test
    void everyDestinationAndStreamNeedsAName()
    {
        assertEquals(file("output:\n  destinations:\n    - format: json\n")
            + ":3: output.destinations[0].name: missing (every entry needs a name)", Load.yamlError(last));
        assertEquals(file("output:\n  streams:\n    - destinations: [d]\n")
            + ":3: output.streams[0].name: missing (every entry needs a name)", Load.yamlError(last));
    }

    @Test
    void namesAreUniqueWithinTheFile()
    {
        assertEquals(file("output:\n  destinations:\n    - name: d\n    - name: d\n")
            + ":4: output.destinations[1].name = 'd': duplicate destination name (also output.destinations[0])",
            Load.yamlError(last));
        assertEquals(file("output:\n  destinations:\n    - name: d\n  streams:\n    - name: s\n      destinations: [d]\n"
            + "    - name: s\n      destinations: [d]\n")
            + ":7: output.streams[1].name = 's': duplicate stream name (also output.streams[0])", Load.yamlError(last));
    }

    @Test
    void aDuplicateKeyIsAnError()
    {
        assertEquals(file("output:\n  destinations:\n    - name: d\n      format: json\n      format: table\n")
            + ":5: output.destinations[0].format: duplicate key", Load.yamlError(last));
    }

    @Test
    void aSyntaxErrorNamesTheFileAndLine()
    {
        assertEquals(file("output:\n  destinations:\n    - name: d\n     format: json\n")
            + ":4: YAML syntax: expected <block end>, but found '<block mapping start>'", Load.yamlError(last));
        assertEquals(file("output:\n  destinations: [d\n")
            + ":3: YAML syntax: expected ',' or ']', but got <stream end>", Load.yamlError(last));
    }

    @Test
    void theFileMustBeAMapping()
    {
        assertEquals(file("- output\n") + ":1: (document): expected a mapping, got a list", Load.yamlError(last));
    }

    @Test
    void aMissingFileIsAnError()
    {
        final Path missing = dir.resolve("missing.yaml");
        assertEquals(missing + ": --config = '" + missing + "': cannot read the file (java.nio.file.NoSuchFileException: "
            + missing + ")", Load.yamlError(missing));
    }

    @Test
    void scalarNamesAreTakenAsWritten()
    {
        // YAML 1.1 would read these as a number and a boolean; a name is a name.
        final OutputConfig config = Load.yaml(file("output:\n  destinations:\n    - name: 2024\n    - name: on\n"
            + "      path: stderr\n"));
        assertEquals(List.of("2024", "on"), config.destinations().stream().map(DestinationConfig::name).toList());
    }

    private Path last;

    private Path file(final String yaml)
    {
        last = Load.write(dir, yaml);
        return last;
    }
}
