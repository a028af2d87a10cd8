package io.sluice.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exit codes mean something: 0 success, 2 usage or configuration error (nothing runs), 1 runtime failure.
 */
class CommandLineTest
{
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args)
    {
        final CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void versionSucceeds()
    {
        assertEquals(ExitCodes.OK, run("--version"));
        assertTrue(out.toString().startsWith("sluice "), out.toString());
    }

    @Test
    void everySubcommandPrintsTheVersionItsHelpOffers()
    {
        for (final String command : new String[] {"version", "list", "validate", "replay"})
        {
            out.getBuffer().setLength(0);
            assertEquals(ExitCodes.OK, run(command, "--version"), err.toString());
            assertTrue(out.toString().startsWith("sluice "), command + ": " + out);
            out.getBuffer().setLength(0);
            assertEquals(ExitCodes.OK, run(command, "--help"), err.toString());
            assertTrue(out.toString().contains("Usage: sluice " + command), command + ": " + out);
        }
    }

    @Test
    void helpShowsExamples()
    {
        assertEquals(ExitCodes.OK, run("--help"));
        assertTrue(out.toString().contains("Examples:"), out.toString());
        assertTrue(out.toString().contains("--source synthetic:count=1000000"), out.toString());
    }

    @Test
    void unknownKernelEventIsAUsageError()
    {
        assertEquals(ExitCodes.USAGE, run("--events", "openat,opnat"));
        assertTrue(err.toString().contains("--events: events = 'opnat': unknown event"), err.toString());
    }

    @Test
    void anUnknownWaitStrategyIsAUsageErrorForEveryCommandThatRunsTheEngine(@TempDir final Path journal)
    {
        final String[][] commands = {
            {"--source", "synthetic:count=1", "--output", "none", "--wait-strategy", "lazy"},
            {"bench", "--count", "1", "--output", "none", "--wait-strategy", "lazy"},
            {"replay", journal.toString(), "--wait-strategy", "lazy"}};
        for (final String[] command : commands)
        {
            err.getBuffer().setLength(0);
            assertEquals(ExitCodes.USAGE, run(command), String.join(" ", command) + ": " + err);
            assertTrue(err.toString().contains("unknown wait strategy 'lazy' (expected phased, blocking"),
                String.join(" ", command) + ": " + err);
        }
    }

    @Test
    void unknownOptionIsAUsageError()
    {
        assertEquals(ExitCodes.USAGE, run("--frobnicate"));
        assertTrue(err.toString().contains("Unknown option: '--frobnicate'"), err.toString());
    }

    @Test
    void optionsBeforeASubcommandAreAUsageErrorNotIgnored()
    {
        assertEquals(ExitCodes.USAGE, run("--export-allowlist", "{\"binary_regx\": [\"x\"]}", "validate"));
        assertTrue(err.toString().contains("--export-allowlist is given before the subcommand 'validate': put options after it"),
            err.toString());
    }

    @Test
    void badOutputFlagIsAConfigurationErrorNamingTheFlag()
    {
        assertEquals(ExitCodes.USAGE, run("--source", "synthetic:count=1", "--output", "streams.s.buffer.mode=sometimes",
            "--output", "streams.s.destinations=d", "--output", "destinations.d.format=json"));
        assertTrue(err.toString().contains("--output streams.s.buffer.mode=sometimes"), err.toString());
        assertTrue(err.toString().contains("sometimes"), err.toString());
    }

    @Test
    void badSourceIsAUsageError()
    {
        assertEquals(ExitCodes.USAGE, run("--source", "synthetic:count=ten"));
        assertTrue(err.toString().contains("count must be an integer, got 'ten'"), err.toString());
        assertEquals(ExitCodes.USAGE, run("--source", "pcap:/x"));
        assertTrue(err.toString().contains("unknown source 'pcap:/x'"), err.toString());
    }

    @Test
    void missingConfigFileIsAConfigurationError(@TempDir final Path dir)
    {
        assertEquals(ExitCodes.USAGE, run("--config", dir.resolve("nope.yaml").toString(), "--source", "synthetic:count=1"));
        assertTrue(err.toString().contains("nope.yaml"), err.toString());
    }

    @Test
    void finiteSyntheticRunSucceedsAndWritesEveryEvent(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("out/events.json");
        assertEquals(ExitCodes.OK, run("--source", "synthetic:count=1000,seed=5", "--output", "json:" + file));
        assertEquals(1000, Files.readAllLines(file).size());
    }

    @Test
    void aDestinationThatCannotBeOpenedIsRefusedBeforeTheRunStarts(@TempDir final Path dir) throws Exception
    {
        final Path blocker = dir.resolve("file");
        Files.writeString(blocker, "not a directory");
        assertEquals(ExitCodes.USAGE, run("--source", "synthetic:count=10", "--output", "json:" + blocker.resolve("x.json")));
        assertEquals("sluice: output: destinations.json-1.path = '" + blocker.resolve("x.json") + "': " + blocker
            + " is not a directory\n", err.toString());
    }

    @Test
    void listPrintsTheCatalogWithStableIds()
    {
        assertEquals(ExitCodes.OK, run("list"));
        assertTrue(out.toString().contains("1015   sched_process_exec"), out.toString());
        assertTrue(out.toString().contains("sockaddr addr"), out.toString());
    }

    @Test
    void validateShowsResolvedStreamsOrTheError()
    {
        assertEquals(ExitCodes.OK, run("validate", "--output", "json:/tmp/x.json"));
        assertTrue(out.toString().contains("stream default-stream (implicit): block, buffer 1024, events all"), out.toString());
        assertTrue(out.toString().contains("destination json-1: file json -> /tmp/x.json"), out.toString());
        assertEquals(ExitCodes.USAGE, run("validate", "--output", "streams.s.filters.events=nope",
            "--output", "streams.s.destinations=d", "--output", "destinations.d.format=json"));
        assertTrue(err.toString().contains("nope"), err.toString());
    }
}
