package io.sluice.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event service of a running {@code sluice --grpc-address} read by Python grpcio clients (stubs generated from
 * {@code schemas/} at test time): every event a client got is counted delivered for it, and a client that reads to the
 * end got exactly what is counted delivered, even one still reading what it was sent when the run stops; a slow client
 * in drop mode drops (counted) and never costs a configured stream an event; field masks and event and policy filters
 * shape what a client gets; the unary calls answer; a bad filter is INVALID_ARGUMENT with one clear line; TLS with a
 * self-signed certificate; a Unix socket made 0600.
 */
class EventServiceTest
{
    @TempDir
    Path dir;

    @Test
    void aSlowDropClientDropsWhileTheFileDestinationGetsEveryEvent() throws Exception
    {
        final Path file = dir.resolve("all.json");
        try (GrpcClient clients = new GrpcClient(dir);
            ServiceRun sluice = new ServiceRun(dir, "--source", "synthetic:count=0,rate=20000", "--output", "json:" + file,
                "--grpc-address", "127.0.0.1:0", "--grpc-allow-block", "--drain-timeout", "60s"))
        {
            final GrpcClient.Stream slow = clients.stream("slow", sluice.target(), "--slow", "0.001", "--buffer-size", "256");
            slow.awaitEvents(1);
            final GrpcClient.Stream fast = clients.stream("fast", sluice.target(), "--mode", "block");
            slow.awaitEvents(2_000);
            fast.awaitEvents(5_000);
            final String err = sluice.stop();
            final String slowEnd = slow.end();
            final String fastEnd = fast.end();
            final RunSummary summary = RunSummary.of(err, "default-stream", "json-1");
            assertEquals(summary.matched(), summary.delivered(), err);
            assertEquals(summary.delivered(), Sluice.lines(file).size(), "the file has every event");
            assertTrue(err.contains("ingested " + summary.matched() + ","), err);

            final long[] slowCounters = ServiceRun.clientCounters(err, "client-1");
            assertEquals("RECEIVED " + slowCounters[1], slowEnd, "the slow client got what it is counted delivered: " + err);
            assertTrue(slowCounters[2] > 0, "the slow client dropped: " + err);
            assertEquals(slowCounters[0], slowCounters[1] + slowCounters[2] + slowCounters[3] + slowCounters[4], err);

            final long[] fastCounters = ServiceRun.clientCounters(err, "client-2");
            assertEquals("RECEIVED " + fastCounters[1], fastEnd, err);
            assertEquals(0, fastCounters[2], "a block client drops nothing: " + err);
            assertEquals(fastCounters[0], fastCounters[1], err);
        }
    }

    @Test
    void aClientStillReadingWhenTheRunStopsGetsWhatIsCountedDeliveredToIt() throws Exception
    {
        try (GrpcClient clients = new GrpcClient(dir);
            ServiceRun sluice = new ServiceRun(dir, "--source", "synthetic:count=0,rate=5000", "--output", "none",
                "--grpc-address", "127.0.0.1:0", "--drain-timeout", "60s"))
        {
            // 50 events a second read through HTTP/2's initial 64 KiB window: the call is completed with seconds of
            // reading still held in the window, counted delivered
            final GrpcClient.Stream reader = clients.stream("reader", sluice.target(), "--slow", "0.02", "--buffer-size", "16",
                "--small-window");
            reader.awaitEvents(50);
            final String err = sluice.stop();
            final long[] counters = ServiceRun.clientCounters(err, "client-1");
            assertEquals("RECEIVED " + counters[1], reader.end(), "its call is completed, not cut off: " + err);
            assertEquals(counters[0], counters[1] + counters[2], err);
            assertFalse(err.contains("had not read what they were sent"), "no call was cancelled: " + err);
        }
    }

    @Test
    void masksAndEventAndPolicyFiltersShapeWhatAClientGets() throws Exception
    {
        try (GrpcClient clients = new GrpcClient(dir);
            ServiceRun sluice = new ServiceRun(dir, "--source", "synthetic:count=0,rate=5000,policies=p1;p2", "--output", "none",
                "--grpc-address", "127.0.0.1:0"))
        {
            final GrpcClient.Stream masked = clients.stream("masked", sluice.target(), "--events", "openat,execve",
                "--policies", "p2", "--mask", "name,policies");
            masked.awaitEvents(300);
            sluice.stop();
            final List<String> lines = masked.lines();
            assertFalse(lines.isEmpty());
            for (final String line : lines)
            {
                assertTrue(line.matches("\\{\"name\": \"(openat|execve)\", \"policies\": \\{\"matched\": \\[[^]]*\"p2\"[^]]*]}}"),
                    line);
            }
        }
    }

    @Test
    void countersVersionAndDefinitionsAreAnsweredAndABadFilterIsRefused() throws Exception
    {
        try (GrpcClient clients = new GrpcClient(dir);
            ServiceRun sluice = new ServiceRun(dir, "--source", "synthetic:count=0,rate=5000", "--output",
                "json:" + dir.resolve("out.json"), "--grpc-address", "127.0.0.1:0"))
        {
            final GrpcClient.Stream reader = clients.stream("reader", sluice.target());
            reader.awaitEvents(100);
            final String info = clients.info(sluice.target(), "--events", "openat,anti_debugging");
            assertTrue(info.contains("\"version\": {\"version\": \"" + VersionCommand.version() + "\"}"), info);
            assertTrue(info.matches("(?s).*\"streams\": \\[\\{\"name\": \"default-stream\", \"matched\": \"\\d+\".*"), info);
            assertTrue(info.matches("(?s).*\"clients\": \\[\\{\"name\": \"client-1\", \"matched\": \"\\d+\", \"delivered\": \"\\d+\".*"
                + "\"peer\": \"127.0.0.1:\\d+\".*"), info);
            assertTrue(info.contains("{\"name\": \"pathname\", \"type\": \"str\"}"), info);
            assertTrue(info.contains("\"external_id\": \"T1622\""), "the detector's threat: " + info);

            final GrpcClient.Stream refused = clients.stream("refused", sluice.target(), "--allow", "{\"binary_regex\": [\"(\"]}");
            assertEquals("ERROR INVALID_ARGUMENT allow_list: binary_regex = '(': bad regular expression: missing closing )",
                refused.end());
            final GrpcClient.Stream unknown = clients.stream("unknown", sluice.target(), "--events", "nope");
            assertEquals("ERROR INVALID_ARGUMENT events: 'nope': no such event or set (see GetEventDefinitions)", unknown.end());
            final String err = sluice.stop();
            assertEquals("RECEIVED " + ServiceRun.clientCounters(err, "client-1")[1], reader.end(), err);
            assertFalse(err.contains("Exception"), err);
        }
    }

    @Test
    void tlsWithASelfSignedCertificate() throws Exception
    {
        final Path cert = dir.resolve("cert.pem");
        final Path key = dir.resolve("key.pem");
        final Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key.toString(),
            "-out", cert.toString()).redirectErrorStream(true).start();
        openssl.getInputStream().readAllBytes();
        assertTrue(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0, "openssl");
        try (GrpcClient clients = new GrpcClient(dir);
            ServiceRun sluice = new ServiceRun(dir, "--source", "synthetic:count=0,rate=5000", "--output", "none",
                "--grpc-address", "localhost:0", "--grpc-tls-cert", cert.toString(), "--grpc-tls-key", key.toString()))
        {
            final String target = sluice.target();
            final GrpcClient.Stream secure = clients.stream("secure", target, "--tls-ca", cert.toString());
            secure.awaitEvents(100);
            final GrpcClient.Stream plain = clients.stream("plain", target);
            assertTrue(plain.end().startsWith("ERROR UNAVAILABLE"), "plaintext is refused");
            final String err = sluice.stop();
            assertTrue(err.contains("listening on " + target + " (TLS)"), err);
            assertEquals("RECEIVED " + ServiceRun.clientCounters(err, "client-1")[1], secure.end(), err);
        }
    }

    @Test
    void aUnixSocketIsMadeForItsOwnerOnly() throws Exception
    {
        final Path socket = dir.resolve("sluice.sock");
        try (GrpcClient clients = new GrpcClient(dir);
            ServiceRun sluice = new ServiceRun(dir, "--source", "synthetic:count=0,rate=5000", "--output", "none",
                "--server", "grpc-address=unix:" + socket))
        {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
            final GrpcClient.Stream reader = clients.stream("reader", "unix:" + socket);
            reader.awaitEvents(100);
            final String err = sluice.stop();
            assertEquals("RECEIVED " + ServiceRun.clientCounters(err, "client-1")[1], reader.end(), err);
            assertFalse(Files.exists(socket), "the socket is removed at exit");
            assertFalse(err.contains("WARN"), err);
        }
    }

    @Test
    void anAddressThatCannotBeServedRefusesTheRunNamingIt() throws Exception
    {
        final CommandRun run = new CommandRun();
        assertEquals(ExitCodes.USAGE, run.run("--source", "synthetic:count=1", "--output", "none", "--grpc-address", "nope"));
        assertEquals("sluice: --grpc-address: 'nope': expected HOST:PORT, PORT, tcp:HOST:PORT or unix:/path\n",
            run.err.toString());
        assertEquals(ExitCodes.USAGE, run.run("--source", "synthetic:count=1", "--output", "none", "--server", "pprof"));
        assertEquals("sluice: --server: 'pprof': sluice serves grpc-address=ADDRESS, http-address=ADDRESS, metrics and healthz\n",
            run.err.toString());
        assertEquals(ExitCodes.USAGE, run.run("--source", "synthetic:count=1", "--output", "none", "--grpc-allow-block"));
        assertEquals("sluice: --grpc-allow-block: needs --grpc-address\n", run.err.toString());
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()))
        {
            final String address = "127.0.0.1:" + busy.getLocalPort();
            assertEquals(ExitCodes.USAGE, run.run("--source", "synthetic:count=1", "--output", "none", "--grpc-address", address));
            assertTrue(run.err.toString().startsWith("sluice: --grpc-address: '" + address + "': cannot listen: "), run.err.toString());
            assertTrue(run.err.toString().contains("Address already in use"), run.err.toString());
        }
    }
}
