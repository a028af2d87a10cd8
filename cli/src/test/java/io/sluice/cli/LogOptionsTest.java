package io.sluice.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --log-level}, {@code --log-format} and Tracee's {@code logging:} config section: diagnostics on stderr as
 * {@code sluice: ...} text by default or as JSON lines that parse, at the level asked for; the flags win over the
 * section; Tracee's keys without a counterpart are named in a warning; a bad value is refused naming file, field and value.
 */
class LogOptionsTest
{
    @TempDir
    Path dir;

    private final Sluice sluice = new Sluice();

    @Test
    void jsonLogLinesParseAndCarryTheirFields() throws Exception
    {
        // a drop stream whose file is full: the destination's problem is logged once, with its key
        final Path err = run("--log-format", "json", "--source", "synthetic:count=10", "--drain-timeout", "1s",
            "--output", "destinations.f.format=json", "--output", "destinations.f.path=/dev/full",
            "--output", "streams.s.destinations=f", "--output", "streams.s.buffer.mode=drop");
        final List<String> lines = Files.readAllLines(err).stream().filter(line -> line.startsWith("{")).toList();
        assertFalse(lines.isEmpty(), Files.readString(err));
        boolean ready = false;
        boolean problem = false;
        for (final String line : lines)
        {
            final JsonObject object = JsonParser.parseString(line).getAsJsonObject();
            assertTrue(object.has("ts") && object.has("level") && object.has("msg") && object.has("logger"), line);
            ready |= object.get("msg").getAsString().startsWith("ready: synthetic(") && object.get("level").getAsString().equals("info");
            problem |= object.has("problem") && object.get("problem").getAsString().equals("stream s: destination f: write")
                && object.get("level").getAsString().equals("warn");
        }
        assertTrue(ready, "the ready line is a JSON line: " + lines);
        assertTrue(problem, "the destination's problem is a JSON line with its key: " + lines);
    }

    @Test
    void textIsTheDefaultAndLevelsHideWhatIsBelowThem() throws Exception
    {
        final String text = Files.readString(run("--source", "synthetic:count=10", "--output", "json:" + dir.resolve("a.json")));
        assertTrue(text.contains("sluice: ready: synthetic("), text);
        final String quiet = Files.readString(run("--log-level", "warn", "--source", "synthetic:count=10", "--output",
            "json:" + dir.resolve("b.json")));
        assertFalse(quiet.contains("ready:"), quiet);
        assertTrue(quiet.contains("sluice: source synthetic("), "the summary is no log line: " + quiet);
    }

    @Test
    void traceesLoggingSectionIsHonouredAndFlagsWinOverIt() throws Exception
    {
        final Path logFile = dir.resolve("sluice.log");
        final Path config = dir.resolve("sluice.yaml");
        Files.writeString(config, """
            logging:
              level: warn
              aggregate:
                enabled: true
                flush-interval: 10s
            output:
              destinations:
                - name: d
                  format: json
                  path: %s
            """.formatted(dir.resolve("e.json")));
        final String quiet = Files.readString(run("--config", config.toString(), "--source", "synthetic:count=10"));
        assertFalse(quiet.contains("ready:"), quiet);
        assertTrue(quiet.contains("sluice: warning: " + config + ":3: logging.aggregate is Tracee's and has no counterpart"
            + " in Sluice: ignored"), quiet);
        final String loud = Files.readString(run("--config", config.toString(), "--log-level", "info", "--source",
            "synthetic:count=10"));
        assertTrue(loud.contains("sluice: ready: "), "the flag wins: " + loud);

        Files.writeString(config, """
            logging:
              level: debug
              format: json
              file: %s
            output:
              destinations:
                - name: d
                  format: json
                  path: %s
            """.formatted(logFile, dir.resolve("e.json")));
        run("--config", config.toString(), "--source", "synthetic:count=10");
        final List<String> logged = Files.readAllLines(logFile);
        assertTrue(logged.stream().anyMatch(line -> line.startsWith("{") && line.contains("\"msg\":\"ready: synthetic(")), logged.toString());
    }

    @Test
    void badLoggingValuesAreRefusedNamingFileFieldAndValue() throws IOException
    {
        final Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "logging:\n  level: loud\n");
        assertEquals(ExitCodes.USAGE, sluice.run("validate", "--config", config.toString()));
        assertTrue(sluice.err.contains(config + ":2: logging.level = 'loud': unknown log level 'loud' (expected debug, info, warn,"
            + " error)"), sluice.err);
        Files.writeString(config, "logging:\n  colour: red\n");
        assertEquals(ExitCodes.USAGE, sluice.run("validate", "--config", config.toString()));
        assertTrue(sluice.err.contains(config + ":2: logging.colour: unknown key"), sluice.err);
        Files.writeString(config, "logging:\n  file: /dev/stdout\n");
        assertEquals(ExitCodes.USAGE, sluice.run("validate", "--config", config.toString()));
        assertTrue(sluice.err.contains(config + ":2: logging.file = '/dev/stdout': logs never go to stdout"), sluice.err);
        assertEquals(ExitCodes.USAGE, sluice.run("--log-format", "xml", "--source", "synthetic:count=1"));
        assertTrue(sluice.err.contains("--log-format: unknown log format 'xml' (expected text, json)"), sluice.err);
    }

    private Path run(final String... args) throws Exception
    {
        final Path err = Files.createTempFile(dir, "stderr", ".txt");
        final Process process = Sluice.start(err, args);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return err;
    }
}
