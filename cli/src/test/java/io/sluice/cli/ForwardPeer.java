package io.sluice.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: the Fluentd Forward receiver ({@code forward_peer.py}, on Debian's python3-msgpack) in a process of its
 * own on loopback, which can be killed and started again on the same port, and what it recorded: each event it got
 * (duplicates included), and one line per message.
 */
final class ForwardPeer implements AutoCloseable
{
    private static final String SEQ = "{\"name\":\"seq\",\"u_int64\":\"";

    private final Path dir;
    private final Path events;
    private final Path messages;
    private final List<String> args;
    private Process process;
    private int port;

    /**
     * @param dir  where it records.
     * @param args its behaviour ({@code --drop-every 5}, {@code --no-ack-every 7}).
     */
    ForwardPeer(final Path dir, final String... args) throws IOException
    {
        this.dir = dir;
        this.events = dir.resolve("peer-events.txt");
        this.messages = dir.resolve("peer-messages.txt");
        this.args = List.of(args);
        start(0);
    }

    private void start(final int onPort) throws IOException
    {
        final List<String> command = new ArrayList<>(List.of("/usr/bin/python3", script().toString(),
            "--events", events.toString(), "--messages", messages.toString(), "--port", Integer.toString(onPort)));
        command.addAll(args);
        process = new ProcessBuilder(command).redirectError(
            ProcessBuilder.Redirect.appendTo(dir.resolve("peer-stderr.txt").toFile())).start();
        final BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        final String first = out.readLine();
        if (first == null || !first.startsWith("PORT "))
        {
            process.destroyForcibly();
            throw new IOException("the forward peer did not start: " + first + " " +
                Files.readString(dir.resolve("peer-stderr.txt")));
        }
        port = Integer.parseInt(first.substring("PORT ".length()).trim());
    }

    /**
     * @param query the query, from {@code ?}, or empty.
     * @return the URL of this peer.
     */
    String url(final String query)
    {
        return url("tcp://", query);
    }

    /**
     * @param schemeAndUser the scheme and any user information: {@code tls://}, {@code tcp://u:p@}.
     * @param query         the query, from {@code ?}, or empty.
     * @return the URL of this peer.
     */
    String url(final String schemeAndUser, final String query)
    {
        return schemeAndUser + "127.0.0.1:" + port + query;
    }

    /**
     * @param jsonFile the JSON lines of a file destination that took the same events.
     * @return what Python says comparing each {@code record=map} record, decoded by msgpack, with {@code json.loads}
     *         of the file's lines: {@code SAME <n>} or the first difference.
     */
    String compareRecordsWith(final Path jsonFile) throws IOException, InterruptedException
    {
        final Process compare = new ProcessBuilder("/usr/bin/python3", script().toString(), "--compare",
            events.toString(), jsonFile.toString()).redirectErrorStream(true).start();
        final String out = new String(compare.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        compare.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    /**
     * Kill the peer (SIGKILL: the connection drops with whatever was unanswered) and, after a pause, start it again on
     * the same port.
     *
     * @param downMillis how long it stays down.
     */
    void killAndRestart(final long downMillis) throws IOException, InterruptedException
    {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
        Thread.sleep(downMillis);
        start(port);
    }

    /**
     * @param atLeast events to wait for.
     * @param seconds the longest to wait.
     */
    void awaitEvents(final long atLeast, final int seconds) throws IOException, InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline)
        {
            if (Files.exists(events) && lines(events) >= atLeast)
            {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the peer did not get " + atLeast + " events in " + seconds + " s");
    }

    /**
     * @return one line per message: {@code <mode> <events> <tag> <chunk or ->}.
     */
    List<String> messages() throws IOException
    {
        return Files.exists(messages) ? Files.readAllLines(messages, StandardCharsets.UTF_8) : List.of();
    }

    /**
     * @param count the events the run was given (seq 0 .. count - 1).
     * @return what the peer got: events received, distinct events received.
     */
    Received received(final long count) throws IOException
    {
        final BitSet seen = new BitSet();
        long total = 0;
        if (!Files.exists(events))
        {
            return new Received(0, 0);
        }
        try (BufferedReader reader = Files.newBufferedReader(events, StandardCharsets.UTF_8))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                final int at = line.indexOf(SEQ);
                if (at < 0)
                {
                    throw new AssertionError("an event without seq: " + line);
                }
                final int from = at + SEQ.length();
                final long seq = Long.parseLong(line.substring(from, line.indexOf('"', from)));
                if (seq < 0 || seq >= count)
                {
                    throw new AssertionError("seq " + seq + " out of range");
                }
                seen.set((int)seq);
                total++;
            }
        }
        return new Received(total, seen.cardinality());
    }

    @Override
    public void close() throws InterruptedException
    {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
        }
    }

    private static long lines(final Path file) throws IOException
    {
        try (java.util.stream.Stream<String> all = Files.lines(file, StandardCharsets.UTF_8))
        {
            return all.count();
        }
    }

    private static Path script()
    {
        try
        {
            return Path.of(ForwardPeer.class.getResource("forward_peer.py").toURI());
        }
        catch (final URISyntaxException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * What the peer got.
     *
     * @param total    events received, each time it was received.
     * @param distinct distinct events received.
     */
    record Received(long total, long distinct)
    {
        long duplicates()
        {
            return total - distinct;
        }
    }
}
