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
 * Test helper: the webhook peer ({@code webhook_peer.py}, Python's {@code http.server} from Debian) in a process of its
 * own on loopback, and what it recorded: the events of the requests it accepted, and one line per request.
 */
final class WebhookPeer implements AutoCloseable
{
    private static final String SEQ = "{\"name\":\"seq\",\"u_int64\":\"";

    private final Process process;
    private final Path events;
    private final Path requests;
    private final int port;

    /**
     * @param dir  where it records.
     * @param args its behaviour ({@code --fail-first 3}, {@code --status 400}, {@code --sleep 2}).
     */
    WebhookPeer(final Path dir, final String... args) throws IOException
    {
        this.events = dir.resolve("peer-events.txt");
        this.requests = dir.resolve("peer-requests.txt");
        final List<String> command = new ArrayList<>(List.of("/usr/bin/python3", script().toString(),
            "--events", events.toString(), "--requests", requests.toString()));
        command.addAll(List.of(args));
        this.process = new ProcessBuilder(command).redirectError(dir.resolve("peer-stderr.txt").toFile()).start();
        final BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        final String first = out.readLine();
        if (first == null || !first.startsWith("PORT "))
        {
            process.destroyForcibly();
            throw new IOException("the webhook peer did not start: " + first + " " +
                Files.readString(dir.resolve("peer-stderr.txt")));
        }
        this.port = Integer.parseInt(first.substring("PORT ".length()).trim());
    }

    /**
     * @param path and query, from {@code /}.
     * @return the URL of this peer.
     */
    String url(final String path)
    {
        return "http://127.0.0.1:" + port + path;
    }

    /**
     * @return one line per request: {@code <status> <events> <body bytes> <content-type>}.
     */
    List<String> requests() throws IOException
    {
        return Files.exists(requests) ? Files.readAllLines(requests, StandardCharsets.UTF_8) : List.of();
    }

    /**
     * @param count the events the run was given (seq 0 .. count - 1).
     * @return how many events the peer accepted, after checking that each seq came at most once and is in range.
     */
    long acceptedOnceEach(final long count) throws IOException
    {
        final BitSet seen = new BitSet();
        long accepted = 0;
        if (!Files.exists(events))
        {
            return 0;
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
                if (seq < 0 || seq >= count || seen.get((int)seq))
                {
                    throw new AssertionError("seq " + seq + " out of range or received twice");
                }
                seen.set((int)seq);
                accepted++;
            }
        }
        return accepted;
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

    private static Path script()
    {
        try
        {
            return Path.of(WebhookPeer.class.getResource("webhook_peer.py").toURI());
        }
        catch (final URISyntaxException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
