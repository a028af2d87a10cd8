package io.sluice.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --export-allowlist} and {@code --export-denylist} on the command line: applied to every stream before any
 * destination sees an event; bad filters are usage errors (exit 2) naming the flag, the field and the value.
 */
class ExportFlagsTest
{
    private final Sluice sluice = new Sluice();

    @Test
    void denylistWinsOverAllowlist(@TempDir final Path dir) throws Exception
    {
        final Path out = dir.resolve("out.json");
        assertEquals(ExitCodes.OK, sluice.run("--source", "synthetic:count=3000,seed=9,events=openat;execve;connect",
            "--export-allowlist", "{\"event_set\": [\"openat\", \"execve\"]}",
            "--export-denylist", "{\"event_set\": [\"openat\"]}", "--output", "json:" + out), sluice.err);
        final List<String> lines = Files.readAllLines(out);
        assertFalse(lines.isEmpty());
        lines.forEach(line -> assertEquals("execve", Sluice.eventOf(line)));
    }

    @Test
    void fieldFiltersShapeWhatEveryDestinationPrints(@TempDir final Path dir) throws Exception
    {
        final Path out = dir.resolve("out.json");
        assertEquals(ExitCodes.OK, sluice.run("--source", "synthetic:count=500,seed=4,events=openat;execve",
            "--field-filters", "{\"fields\": \"name,workload.process.pid\", \"action\": \"INCLUDE\"}",
            "--output", "streams.opens.destinations=d", "--output", "destinations.d.format=json",
            "--output", "destinations.d.path=" + out, "--output", "streams.opens.filters.events=openat"), sluice.err);
        final List<String> lines = Files.readAllLines(out);
        assertFalse(lines.isEmpty());
        lines.forEach(line -> assertTrue(line.startsWith("{\"name\":\"openat\",\"workload\":{\"process\":{\"pid\":"), line));
    }

    @Test
    void filtersFromAFileGivenAsTheNextArgument(@TempDir final Path dir) throws Exception
    {
        // "@FILE" as an argument of its own is the filter file, not picocli's argument file
        final Path allow = dir.resolve("allow.json");
        Files.writeString(allow, "{\"event_set\": [\"openat\"]}\n\n{\"event_set\": [\"execve\"]}\n");
        final Path out = dir.resolve("out.json");
        assertEquals(ExitCodes.OK, sluice.run("--source", "synthetic:count=2000,seed=5,events=openat;execve;connect",
            "--export-allowlist", "@" + allow, "--output", "json:" + out), sluice.err);
        final List<String> lines = Files.readAllLines(out);
        assertFalse(lines.isEmpty());
        lines.forEach(line -> assertTrue(Set.of("openat", "execve").contains(Sluice.eventOf(line)), line));
        assertTrue(lines.stream().anyMatch(line -> Sluice.eventOf(line).equals("execve")));
    }

    @Test
    void badFiltersAreUsageErrors()
    {
        assertEquals(ExitCodes.USAGE, sluice.run("--source", "synthetic:count=1", "--export-allowlist", "{\"binary_regex\": [\"(\"]}"));
        assertTrue(sluice.err.contains("--export-allowlist: binary_regex = '(': bad regular expression"), sluice.err);
        assertEquals(ExitCodes.USAGE, sluice.run("--source", "synthetic:count=1", "--export-denylist", "{\"colour\": [\"red\"]}"));
        assertTrue(sluice.err.contains("--export-denylist: colour: unknown export filter field"), sluice.err);
        assertEquals(ExitCodes.USAGE, sluice.run("--source", "synthetic:count=1", "--redaction-filters", "{\"redact\": [\"a(\"]}"));
        assertTrue(sluice.err.contains("--redaction-filters: redact = 'a(': bad regular expression"), sluice.err);
        assertEquals(ExitCodes.USAGE, sluice.run("--source", "synthetic:count=1", "--field-filters",
            "{\"fields\": \"nope\", \"action\": \"INCLUDE\"}"));
        assertTrue(sluice.err.contains("--field-filters: fields = 'nope': unknown field of v1beta1.Event"), sluice.err);
    }
}
