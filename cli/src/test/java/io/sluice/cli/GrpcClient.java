package io.sluice.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: the Python grpcio client of the event service ({@code grpc_client.py}, Debian's python3-grpcio) in a
 * process of its own, with stubs generated from {@code schemas/proto} by grpc_tools.protoc (python3-grpc-tools) into
 * the test's directory.
 */
final class GrpcClient implements AutoCloseable
{
    private static final String PYTHON = "/usr/bin/python3";

    private final Path dir;
    private final Path script;
    private final Path stubs;
    private final List<Process> started = new ArrayList<>();

    /**
     * @param dir where the stubs, the script and what clients record go.
     */
    GrpcClient(final Path dir) throws IOException, InterruptedException
    {
        this.dir = dir;
        this.script = dir.resolve("grpc_client.py");
        try (InputStream in = GrpcClient.class.getResourceAsStream("grpc_client.py"))
        {
            Files.copy(in, script);
        }
        this.stubs = Files.createDirectories(dir.resolve("stubs"));
        final Path schemas = Paths.get("").toAbsolutePath().getParent().resolve("schemas/proto");
        final List<String> protoc = new ArrayList<>(List.of(PYTHON, "-m", "grpc_tools.protoc", "-I", schemas.toString(),
            "-I", "/usr/lib/python3/dist-packages/grpc_tools/_proto", "--python_out=" + stubs, "--grpc_python_out=" + stubs));
        try (var protos = Files.list(schemas.resolve("v1beta1")))
        {
            protos.filter(path -> path.toString().endsWith(".proto")).forEach(path -> protoc.add(path.toString()));
        }
        final Process generate = new ProcessBuilder(protoc).redirectErrorStream(true).start();
        final String output = new String(generate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!generate.waitFor(60, TimeUnit.SECONDS) || generate.exitValue() != 0)
        {
            throw new IOException("grpc_tools.protoc failed (scripts/setup.sh installs python3-grpc-tools): " + output);
        }
    }

    /**
     * @param name   what the client's files are called.
     * @param target the server ({@code 127.0.0.1:PORT}, {@code unix:/path}).
     * @param args   the client's options ({@code --mode block}, {@code --slow 0.001} ...).
     * @return the streaming client, running.
     */
    Stream stream(final String name, final String target, final String... args) throws IOException
    {
        final List<String> command = new ArrayList<>(List.of(PYTHON, script.toString(), "stream", "--target", target,
            "--stubs", stubs.toString(), "--out", dir.resolve(name + ".events").toString()));
        command.addAll(List.of(args));
        final Process process = new ProcessBuilder(command).redirectError(dir.resolve(name + ".stderr").toFile())
            .redirectOutput(dir.resolve(name + ".stdout").toFile()).start();
        started.add(process);
        return new Stream(process, dir.resolve(name + ".events"), dir.resolve(name + ".stdout"), dir.resolve(name + ".stderr"));
    }

    /**
     * @param target the server.
     * @param args   further options ({@code --events openat}).
     * @return what {@code info} printed: version, counters and definitions as JSON.
     */
    String info(final String target, final String... args) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>(List.of(PYTHON, script.toString(), "info", "--target", target,
            "--stubs", stubs.toString()));
        command.addAll(List.of(args));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0)
        {
            throw new AssertionError("info failed: " + output);
        }
        return output;
    }

    @Override
    public void close()
    {
        started.forEach(Process::destroyForcibly);
    }

    /** One streaming client: what it wrote, line by line, and how it ended. */
    record Stream(Process process, Path events, Path stdout, Path stderr)
    {
        /**
         * @return the events it got so far, one JSON line each.
         */
        List<String> lines() throws IOException
        {
            if (!Files.exists(events))
            {
                return List.of();
            }
            final List<String> lines = new ArrayList<>(Files.readAllLines(events, StandardCharsets.UTF_8));
            if (!lines.isEmpty() && !lines.get(lines.size() - 1).endsWith("}"))
            {
                lines.remove(lines.size() - 1);
            }
            return lines;
        }

        /**
         * @param atLeast events to wait for.
         */
        void awaitEvents(final long atLeast) throws IOException, InterruptedException
        {
            final long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (lines().size() < atLeast)
            {
                if (System.nanoTime() > until || !process.isAlive())
                {
                    throw new AssertionError("the client got " + lines().size() + " events, not " + atLeast + ": "
                        + Files.readString(stdout) + Files.readString(stderr));
                }
                Thread.sleep(20);
            }
        }

        /**
         * @return what it printed when it ended ({@code RECEIVED n} or {@code ERROR CODE details}).
         */
        String end() throws IOException, InterruptedException
        {
            if (!process.waitFor(60, TimeUnit.SECONDS))
            {
                throw new AssertionError("the client did not end: " + Files.readString(stderr));
            }
            return (Files.readString(stdout) + Files.readString(stderr)).trim();
        }
    }
}
