package io.sluice.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code gotemplate=FILE} on the real command line: the short form {@code --output gotemplate=FILE:PATH} and a YAML
 * destination with {@code format: gotemplate=FILE} write each event as the template prints it (no newline added, as
 * Tracee); a template that is missing or does not parse is refused by {@code validate} and by a run with one line
 * naming the file, line and column; an event the template fails on fails alone.
 */
class GoTemplateOutputTest
{
    private static final Pattern LINE = Pattern.compile("openat pid=\\d+ ts=\\d{10}");

    @TempDir
    Path dir;

    private final Sluice sluice = new Sluice();

    private Path template(final String name, final String text) throws IOException
    {
        final Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void theShortFormWritesEachEventAsTheTemplatePrintsIt() throws IOException
    {
        final Path template = template("line.tmpl", "{{.name}} pid={{.workload.process.pid.value}} ts={{.timestamp.seconds}}\n");
        final Path out = dir.resolve("out.txt");
        assertEquals(ExitCodes.OK, sluice.run("--source", "synthetic:count=300,seed=7", "--events", "openat",
            "--output", "gotemplate=" + template + ":" + out), sluice.err);
        final List<String> lines = Sluice.lines(out);
        assertFalse(lines.isEmpty(), sluice.err);
        for (final String line : lines)
        {
            assertTrue(LINE.matcher(line).matches(), line);
        }
        assertTrue(Files.readString(out).endsWith("\n") && !Files.readString(out).contains("\n\n"), "one newline per event");
    }

    @Test
    void aYamlDestinationTakesTheFormatToo() throws IOException
    {
        final Path template = template("yaml.tmpl", "[{{.name}}]");
        final Path out = dir.resolve("yaml-out.txt");
        final Path config = dir.resolve("sluice.yaml");
        Files.writeString(config, "output:\n  destinations:\n    - name: t\n      type: file\n      format: gotemplate=" + template
            + "\n      path: " + out + "\n");
        assertEquals(ExitCodes.OK, sluice.run("validate", "--config", config.toString()), sluice.err);
        assertEquals(ExitCodes.OK, sluice.run("--source", "synthetic:count=300,seed=7", "--events", "openat", "--config",
            config.toString()), sluice.err);
        final String written = Files.readString(out);
        assertFalse(written.isEmpty(), sluice.err);
        assertEquals("", written.replace("[openat]", ""), "events written back to back, as rendered");
    }

    @Test
    void aTemplateThatDoesNotParseIsRefusedWithItsFileLineAndColumn() throws IOException
    {
        final Path bad = template("bad.tmpl", "Event: {{.name}}\nPID: {{.workload.process.pid.value}\n");
        final String expected = "sluice: output: destinations.gotemplate-1.format = 'gotemplate=" + bad + "': template: " + bad
            + ":2:28: bad character U+007D '}'";
        assertEquals(ExitCodes.USAGE, sluice.run("validate", "--output", "gotemplate=" + bad + ":" + dir.resolve("x.txt")));
        assertEquals(expected, sluice.err.strip());
        assertEquals(ExitCodes.USAGE, sluice.run("--source", "synthetic:count=1", "--output", "gotemplate=" + bad));
        assertEquals(expected, sluice.err.strip());
    }

    @Test
    void aMissingTemplateIsRefused()
    {
        final Path missing = dir.resolve("missing.tmpl");
        assertEquals(ExitCodes.USAGE, sluice.run("validate", "--output", "gotemplate=" + missing));
        assertEquals("sluice: output: destinations.gotemplate-1.format = 'gotemplate=" + missing + "': cannot read template "
            + missing + ": no such file", sluice.err.strip());
    }

    @Test
    void anEventTheTemplateFailsOnFailsAloneAndTheOthersAreWritten() throws IOException, InterruptedException
    {
        final Path template = template("picky.tmpl", "{{if eq .name \"execve\"}}{{.nope}}{{end}}{{.name}}\n");
        final Path out = dir.resolve("picky.txt");
        final Path stderr = dir.resolve("stderr.txt");
        final Process run = Sluice.start(stderr, "--source", "synthetic:count=400,seed=7", "--events", "openat,execve",
            "--output", "gotemplate=" + template + ":" + out);
        assertTrue(run.waitFor(60, TimeUnit.SECONDS));
        final String errors = Files.readString(stderr);
        // events failed: the run says so in its exit code, and goes on to the end
        assertEquals(ExitCodes.RUNTIME_FAILURE, run.exitValue(), errors);
        final List<String> lines = Sluice.lines(out);
        assertFalse(lines.isEmpty(), errors);
        assertEquals(List.of("openat"), lines.stream().distinct().toList());
        assertTrue(errors.contains("can't evaluate field nope in type *v1beta1.Event"), errors);
        final Matcher row = Pattern.compile("(?m)^default-stream\\s+block\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)").matcher(errors);
        assertTrue(row.find(), errors);
        assertEquals(lines.size(), Long.parseLong(row.group(2)), "delivered: " + errors);
        assertEquals(Long.parseLong(row.group(1)) - lines.size(), Long.parseLong(row.group(4)), "failed: " + errors);
        assertTrue(Long.parseLong(row.group(4)) > 0, errors);
    }
}
