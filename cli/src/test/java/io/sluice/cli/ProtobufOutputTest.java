package io.sluice.cli;

import com.google.protobuf.util.JsonFormat;
import io.sluice.proto.v1beta1.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code --output protobuf:PATH} on the real command line, read back by a reader that shares nothing with Sluice's
 * Java: Debian's Python protobuf over classes protoc generates from {@code schemas/proto} ({@code read_protobuf.py}).
 * One run writes the same events to a protobuf file and a JSON file; every event the Python reader finds in the
 * protobuf file is the event on the same line of the JSON file, field for field, and it finds them all, with no
 * byte left over (a newline after each message would be read as the next message's length and fail).
 * <p>
 * {@code scripts/setup.sh} installs {@code python3-protobuf} and {@code protobuf-compiler}: without them this test fails,
 * saying so, rather than being skipped.
 */
class ProtobufOutputTest
{
    private static final String PYTHON = "/usr/bin/python3";
    private static final int EVENTS = 3000;

    @TempDir
    Path dir;

    @Test
    void pythonsProtobufReadsBackWhatTheJsonFormatPrints() throws IOException, InterruptedException
    {
        requireReader();
        final Path protobuf = dir.resolve("events.pb");
        final Path json = dir.resolve("events.json");
        final Sluice sluice = new Sluice();
        assertEquals(ExitCodes.OK, sluice.run("--source", "synthetic:count=" + EVENTS + ",seed=11,policies=alpha;beta",
            "--output", "protobuf:" + protobuf, "--output", "json:" + json), sluice.err);

        final List<String> read = readWithPython(protobuf);
        assertEquals("{\"count\": " + EVENTS + "}", read.get(0), "what the Python reader found");
        final List<String> printed = Sluice.lines(json);
        assertEquals(EVENTS, printed.size(), "events in the JSON file");
        for (int i = 0; i < EVENTS; i++)
        {
            final Event expected = parse(printed.get(i));
            assertEquals(expected, parse(read.get(i + 1)), "event #" + i);
            assertTrue(expected.getWorkload().getProcess().getPid().getValue() != 0 && !expected.getName().isEmpty()
                && expected.getPolicies().getMatchedCount() > 0, () -> "a synthetic event has a pid, a name, policies: " + expected);
        }
    }

    /** Without the reader the test cannot prove anything: fail, naming what installs it. */
    private static void requireReader() throws IOException, InterruptedException
    {
        final String missing = "; scripts/setup.sh installs it (Debian: python3-protobuf, protobuf-compiler)";
        if (!Files.isExecutable(Paths.get(PYTHON)) || run(List.of(PYTHON, "-c", "import google.protobuf")) != 0)
        {
            fail(PYTHON + " cannot import google.protobuf" + missing);
        }
        if (run(List.of("sh", "-c", "command -v protoc")) != 0)
        {
            fail("protoc is not on the PATH" + missing);
        }
    }

    private List<String> readWithPython(final Path events) throws IOException, InterruptedException
    {
        final Path script = dir.resolve("read_protobuf.py");
        try (InputStream in = ProtobufOutputTest.class.getResourceAsStream("read_protobuf.py"))
        {
            Files.copy(in, script);
        }
        final Path schemas = Paths.get("").toAbsolutePath().getParent().resolve("schemas/proto");
        final Path out = dir.resolve("python.out");
        final Path err = dir.resolve("python.err");
        final Process python = new ProcessBuilder(PYTHON, script.toString(), schemas.toString(), events.toString())
            .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!python.waitFor(120, TimeUnit.SECONDS))
        {
            python.destroyForcibly();
            fail("read_protobuf.py did not finish in 120 s");
        }
        assertEquals(0, python.exitValue(), () -> "read_protobuf.py failed: " + read(err));
        return Files.readAllLines(out, StandardCharsets.UTF_8);
    }

    private static Event parse(final String json) throws IOException
    {
        final Event.Builder event = Event.newBuilder();
        JsonFormat.parser().merge(json, event);
        return event.build();
    }

    private static int run(final List<String> command) throws IOException, InterruptedException
    {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    private static String read(final Path file)
    {
        try
        {
            return Files.readString(file);
        }
        catch (final IOException ex)
        {
            return "(" + ex + ")";
        }
    }
}
