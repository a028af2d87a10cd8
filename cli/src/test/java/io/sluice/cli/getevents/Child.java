package io.sluice.cli.getevents;

import io.sluice.cli.Main;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Test helper: {@code sluice} (a server, or {@code getevents}) in a JVM of its own with this JVM's module flags and
 * class path, stdin from {@code /dev/null} (a character device: getevents then connects), stdout and stderr to files;
 * waiting on what they print; stopped as a signal stops them (SIGTERM).
 */
final class Child implements AutoCloseable
{
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    Child(final Path dir, final String name, final String... args) throws IOException
    {
        stdout = dir.resolve(name + ".stdout");
        stderr = dir.resolve(name + ".stderr");
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String flag : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (flag.startsWith("--add-") || flag.startsWith("-Dchronicle") || flag.startsWith("--illegal"))
            {
                command.add(flag);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).redirectInput(new File("/dev/null")).redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile()).start();
    }

    static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }

    List<String> out() throws IOException
    {
        return complete(Files.readString(stdout, StandardCharsets.UTF_8));
    }

    List<String> err() throws IOException
    {
        return complete(Files.readString(stderr, StandardCharsets.UTF_8));
    }

    /** Waits until the lines printed so far (stdout, or stderr) satisfy {@code done}. */
    List<String> await(final boolean onStdout, final Predicate<List<String>> done, final String what)
        throws IOException, InterruptedException
    {
        final long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true)
        {
            final List<String> lines = onStdout ? out() : err();
            if (done.test(lines))
            {
                return lines;
            }
            if (!process.isAlive() || System.nanoTime() > until)
            {
                throw new AssertionError("waited in vain for " + what + "; stdout " + out().size() + " lines, stderr:\n" +
                    String.join("\n", err()));
            }
            Thread.sleep(50);
        }
    }

    /** Waits for it to end by itself and returns its exit code. */
    int exitCode() throws InterruptedException, IOException
    {
        if (!process.waitFor(60, TimeUnit.SECONDS))
        {
            throw new AssertionError("did not end: " + String.join("\n", err()));
        }
        return process.exitValue();
    }

    /** Stops it with SIGTERM and returns its exit code. */
    int stop() throws InterruptedException, IOException
    {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            throw new AssertionError("did not stop on SIGTERM: " + String.join("\n", err()));
        }
        return process.exitValue();
    }

    @Override
    public void close()
    {
        process.destroyForcibly();
    }

    /** The lines ended by a newline (a line being written is not one yet). */
    private static List<String> complete(final String text)
    {
        final int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n", -1));
    }
}
