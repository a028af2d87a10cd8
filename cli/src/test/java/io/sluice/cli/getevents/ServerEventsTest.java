package io.sluice.cli.getevents;

import com.google.protobuf.util.JsonFormat;
import io.sluice.cli.ExitCodes;
import io.sluice.proto.v1beta1.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sluice getevents} against a running {@code sluice --grpc-address}, both in processes of their own: what it
 * prints is what the server's own file destination got, from where the client joined (compact lines as
 * {@code getevents -o compact} prints that file; JSON lines byte for byte, filtered by the server as the flags ask); a
 * request the server refuses ends the client with its message and exit code 2; when the server is restarted the client
 * reconnects and prints the new server's events, saying so in one stderr line per change of state, not one per attempt;
 * SIGTERM ends it with exit code 0. A server on a Unix socket is reached at its path; a TLS server with
 * {@code --tls-ca-cert-files} trusting its certificate (and not in plaintext).
 */
class ServerEventsTest
{
    private static final Pattern NOT_REACHABLE =
        Pattern.compile("sluice getevents: 127\\.0\\.0\\.1:\\d+: not reachable \\(.+\\); retrying until it is");

    @TempDir
    Path dir;

    @Test
    void compactAndFilteredJsonClientsPrintWhatTheServerStreamed() throws Exception
    {
        final String address = "127.0.0.1:" + Child.freePort();
        final Path file = dir.resolve("server.json");
        try (Child server = server("server", address, file, "p1;p2"))
        {
            try (Child compact = new Child(dir, "compact", "getevents", "-o", "compact", "--server-address", address);
                Child filtered = new Child(dir, "filtered", "getevents", "--server-address", address,
                    "--event-types", "openat2,accept4,bind,fchmodat", "--policy-names", "p2");
                Child refused = new Child(dir, "refused", "getevents", "--server-address", address, "--event-types", "openat,nope");
                Child block = new Child(dir, "block", "getevents", "--server-address", address, "--mode", "block"))
            {
                assertEquals(ExitCodes.USAGE, block.exitCode(), "block mode over TCP without --grpc-allow-block is refused");
                assertEquals("sluice getevents: " + address + " refused the request: mode: CLIENT_MODE_BLOCK: refused: a block"
                    + " client can hold tracing back; this server allows it on a unix: socket, or over TCP when started with"
                    + " --grpc-allow-block", block.err().get(block.err().size() - 1));
                assertEquals(ExitCodes.USAGE, refused.exitCode(), "a request the server refuses is not retried");
                assertEquals("sluice getevents: " + address + " refused the request: events: 'nope': no such event or set"
                    + " (see GetEventDefinitions)", refused.err().get(refused.err().size() - 1));
                compact.await(true, lines -> lines.size() >= 150, "150 compact lines");
                filtered.await(true, lines -> lines.size() >= 15, "15 filtered lines");
                assertEquals(ExitCodes.OK, compact.stop());
                assertEquals(ExitCodes.OK, filtered.stop());
                assertEquals(List.of("sluice getevents: connected to " + address), compact.err());
                assertEquals(List.of("sluice getevents: connected to " + address), filtered.err());
                server.stop();

                final List<String> streamed = Files.readAllLines(file);
                final GetEvents local = new GetEvents();
                assertEquals(ExitCodes.OK, local.piped(Files.readAllBytes(file), "-o", "compact"), local.err);
                assertContiguous(GetEvents.lines(local.out), compact.out(), "compact lines");

                final List<String> expected = new ArrayList<>();
                for (final String line : streamed)
                {
                    final Event.Builder event = Event.newBuilder();
                    JsonFormat.parser().merge(line, event);
                    if (Set.of("openat2", "accept4", "bind", "fchmodat").contains(event.getName()) &&
                        event.getPolicies().getMatchedList().contains("p2"))
                    {
                        expected.add(line);
                    }
                }
                assertContiguous(expected, filtered.out(), "filtered JSON lines");
            }
        }
    }

    @Test
    void reconnectsWhenTheServerRestartsAndPrintsTheNewServersEvents() throws Exception
    {
        final String address = "127.0.0.1:" + Child.freePort();
        try (Child client = new Child(dir, "client", "getevents", "--server-address", address))
        {
            client.await(false, lines -> !lines.isEmpty(), "the client to find no server");
            assertTrue(NOT_REACHABLE.matcher(client.err().get(0)).matches(), client.err().get(0));

            final Path firstFile = dir.resolve("first.json");
            try (Child first = server("first", address, firstFile, "first"))
            {
                client.await(true, lines -> lines.size() >= 40, "40 events of the first server");
                first.stop();
            }
            final Path secondFile = dir.resolve("second.json");
            try (Child second = server("second", address, secondFile, "second"))
            {
                client.await(true, lines -> lines.stream().filter(line -> line.contains("\"matched\":[\"second\"]")).count() >= 40,
                    "40 events of the second server");
                assertEquals(ExitCodes.OK, client.stop());
                second.stop();
            }
            final List<String> printed = client.out();
            final int switchAt = indexOfFirst(printed, "\"matched\":[\"second\"]");
            assertTrue(switchAt >= 40, "the first server's events, then the second's: " + switchAt);
            assertContiguous(Files.readAllLines(firstFile), printed.subList(0, switchAt), "the first server's events");
            assertContiguous(Files.readAllLines(secondFile), printed.subList(switchAt, printed.size()), "the second server's events");

            final List<String> states = client.err();
            assertEquals("sluice getevents: connected to " + address, states.get(1), String.join("\n", states));
            assertEquals("sluice getevents: connected to " + address, states.get(states.size() - 1), String.join("\n", states));
            for (final String state : states.subList(2, states.size() - 1))
            {
                assertTrue(state.equals("sluice getevents: " + address + ": the server ended the stream; reconnecting") ||
                    NOT_REACHABLE.matcher(state).matches(), state);
            }
            assertTrue(states.size() <= 5, "one line per change of state, not per attempt:\n" + String.join("\n", states));
        }
    }

    @Test
    void aServerOnAUnixSocketIsReachedAtItsPath() throws Exception
    {
        final String address = "unix:" + dir.resolve("sluice.sock");
        final Path file = dir.resolve("server.json");
        try (Child server = server("server", address, file, "p1"))
        {
            try (Child client = new Child(dir, "client", "getevents", "--server-address", address))
            {
                client.await(true, lines -> lines.size() >= 20, "20 events");
                assertEquals(ExitCodes.OK, client.stop());
                assertEquals(List.of("sluice getevents: connected to " + address), client.err());
                server.stop();
                assertContiguous(Files.readAllLines(file), client.out(), "the events");
            }
        }
    }

    @Test
    void aTlsServerIsReachedTrustingItsCertificate() throws Exception
    {
        final Path cert = dir.resolve("cert.pem");
        final Path key = dir.resolve("key.pem");
        final Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key.toString(),
            "-out", cert.toString()).redirectErrorStream(true).start();
        openssl.getInputStream().readAllBytes();
        assertTrue(openssl.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && openssl.exitValue() == 0, "openssl");
        final String address = "localhost:" + Child.freePort();
        final Path file = dir.resolve("server.json");
        try (Child server = server("server", address, file, "p1", "--grpc-tls-cert", cert.toString(), "--grpc-tls-key",
            key.toString()))
        {
            try (Child secure = new Child(dir, "secure", "getevents", "--server-address", address, "--tls-ca-cert-files",
                cert.toString());
                Child plain = new Child(dir, "plain", "getevents", "--server-address", address))
            {
                secure.await(true, lines -> lines.size() >= 20, "20 events over TLS");
                plain.await(false, lines -> !lines.isEmpty(), "the plaintext client to be refused");
                assertEquals(ExitCodes.OK, secure.stop());
                assertEquals(ExitCodes.OK, plain.stop());
                assertEquals(List.of("sluice getevents: connected to " + address), secure.err());
                assertTrue(plain.err().get(0).startsWith("sluice getevents: " + address + ": not reachable ("),
                    plain.err().get(0));
                assertEquals(List.of(), plain.out());
                server.stop();
                assertContiguous(Files.readAllLines(file), secure.out(), "the events");
            }
        }
    }

    private Child server(final String name, final String address, final Path file, final String policies,
        final String... more) throws Exception
    {
        final List<String> args = new ArrayList<>(List.of("--source", "synthetic:count=0,rate=200,policies=" + policies,
            "--output", "json:" + file, "--grpc-address", address));
        args.addAll(List.of(more));
        final Child server = new Child(dir, name, args.toArray(new String[0]));
        server.await(false, lines -> lines.stream().anyMatch(line -> line.startsWith("sluice: event service: listening on")),
            "the server to listen");
        return server;
    }

    private static int indexOfFirst(final List<String> lines, final String text)
    {
        for (int i = 0; i < lines.size(); i++)
        {
            if (lines.get(i).contains(text))
            {
                return i;
            }
        }
        return -1;
    }

    private static void assertContiguous(final List<String> all, final List<String> part, final String what)
    {
        assertTrue(!part.isEmpty(), what + ": none");
        assertTrue(Collections.indexOfSubList(all, part) >= 0, what + " (" + part.size() + ") are not a run of the " +
            all.size() + " expected; first: " + part.get(0));
    }
}
