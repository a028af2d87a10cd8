package io.sluice.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test helper: {@code sluice --grpc-address ...} in a process of its own, the address it listens on (read from its
 * {@code listening on} line: port 0 picks a free port), a graceful stop (SIGTERM), and its stderr with the summary.
 */
final class ServiceRun implements AutoCloseable
{
    private static final Pattern LISTENING = Pattern.compile("sluice: event service: listening on (\\S+)");

    private final Process process;
    private final Path stderr;
    private final String address;

    /**
     * @param dir  where its stderr goes.
     * @param args sluice's arguments.
     */
    ServiceRun(final Path dir, final String... args) throws IOException, InterruptedException
    {
        this.stderr = dir.resolve("sluice.stderr");
        this.process = Sluice.start(stderr, args);
        final long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true)
        {
            final Matcher listening = LISTENING.matcher(Files.exists(stderr) ? Files.readString(stderr) : "");
            if (listening.find())
            {
                address = listening.group(1);
                break;
            }
            if (!process.isAlive() || System.nanoTime() > until)
            {
                process.destroyForcibly();
                throw new AssertionError("sluice did not listen: " + Files.readString(stderr));
            }
            Thread.sleep(20);
        }
    }

    /**
     * @return where it listens, as a gRPC target ({@code 127.0.0.1:PORT}, {@code unix:/path}).
     */
    String target()
    {
        return address;
    }

    /**
     * Stop it as a signal does (SIGTERM: drain, then exit) and wait for it.
     *
     * @return its stderr.
     */
    String stop() throws IOException, InterruptedException
    {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            throw new AssertionError("sluice did not stop: " + Files.readString(stderr));
        }
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    /**
     * @param stderr what a run printed.
     * @param client the client's name ({@code client-1}).
     * @return its final counters: matched, delivered, dropped, failed, undelivered.
     */
    static long[] clientCounters(final String stderr, final String client)
    {
        final Matcher line = Pattern.compile("sluice: event service: " + client + " \\([^)]*\\): matched (\\d+), delivered (\\d+),"
            + " dropped (\\d+), failed (\\d+), undelivered (\\d+)").matcher(stderr);
        if (!line.find())
        {
            throw new AssertionError("no counters of " + client + " in:\n" + stderr);
        }
        final long[] counters = new long[5];
        for (int i = 0; i < counters.length; i++)
        {
            counters[i] = Long.parseLong(line.group(i + 1));
        }
        return counters;
    }

    @Override
    public void close()
    {
        process.destroyForcibly();
    }
}
