package io.sluice.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The forward destination's shared-key handshake and TLS against the Python receiver (Fluentd in_forward's side of
 * the handshake, Python's ssl module with a self-signed certificate made by openssl for this test): with the right key
 * (and user) every event arrives; a refusal is one line naming the destination and the peer's reason, and is retried
 * like any connection failure; a certificate not trusted is refused unless {@code tlsVerify=false}.
 */
class ForwardSecurityDeliveryTest
{
    private static final String DESTINATION = "f";

    @TempDir
    Path dir;

    private Path cert;
    private Path key;

    @BeforeEach
    void selfSignedCertificate() throws Exception
    {
        cert = dir.resolve("peer.pem");
        key = dir.resolve("peer.key");
        final Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
            "-keyout", key.toString(), "-out", cert.toString(), "-days", "1", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1").redirectErrorStream(true).start();
        final String out = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0, out);
    }

    @Test
    void withTheSharedKeyAndUserEveryEventArrives() throws Exception
    {
        try (ForwardPeer peer = new ForwardPeer(dir, "--shared-key", "s3cret", "--user", "sluice:p@ss word"))
        {
            final String err = run("block", peer.url("tcp://sluice:p%40ss%20word@", "?sharedKey=s3cret&requireAck=true"),
                20_000);
            assertEquals(20_000, RunSummary.of(err, "s", DESTINATION).delivered(), err);
            assertEquals(20_000, peer.received(20_000).distinct());
        }
    }

    @Test
    void aRefusedHandshakeIsOneLineWithThePeersReasonAndIsRetried() throws Exception
    {
        try (ForwardPeer peer = new ForwardPeer(dir, "--shared-key", "right"))
        {
            final String err = run("drop", peer.url("?sharedKey=wrong&requireAck=true"), 2_000);
            final RunSummary summary = RunSummary.of(err, "s", DESTINATION);
            assertEquals(0, summary.delivered(), err);
            assertEquals(2_000, summary.dropped() + summary.failed(), err);
            assertTrue(err.contains(peer.url("") + " refused the handshake: shared_key mismatch"), err);
            assertEquals(0, peer.received(2_000).total());
        }
        try (ForwardPeer peer = new ForwardPeer(dir, "--shared-key", "k", "--user", "u:right"))
        {
            final String err = run("drop", peer.url("tcp://u:wrong@", "?sharedKey=k"), 500);
            assertTrue(err.contains(peer.url("") + " refused the handshake: username/password mismatch"), err);
        }
    }

    @Test
    void tlsWithTheCertificateTrustedDeliversEverything() throws Exception
    {
        try (ForwardPeer peer = new ForwardPeer(dir, "--tls-cert", cert.toString(), "--tls-key", key.toString(),
            "--shared-key", "k"))
        {
            final String err = run("block", peer.url("tls://", "?tlsCa=" + cert + "&sharedKey=k&requireAck=true"),
                50_000);
            assertEquals(50_000, RunSummary.of(err, "s", DESTINATION).delivered(), err);
            assertEquals(50_000, peer.received(50_000).distinct());
            assertEquals(50_000, peer.received(50_000).total());
        }
    }

    @Test
    void tlsRefusesACertificateNotTrustedUnlessVerificationIsOff() throws Exception
    {
        try (ForwardPeer peer = new ForwardPeer(dir, "--tls-cert", cert.toString(), "--tls-key", key.toString()))
        {
            final String refused = run("drop", peer.url("?tls=true"), 500);
            assertEquals(0, RunSummary.of(refused, "s", DESTINATION).delivered(), refused);
            assertTrue(refused.contains("connect " + peer.url("tls://", "") + ": TLS handshake: the peer's certificate is"
                + " not trusted (unable to find valid certification path to requested target): give tlsCa=FILE, or"
                + " tlsVerify=false"), refused);

            final String err = run("block", peer.url("?tls=true&tlsVerify=false"), 5_000);
            assertEquals(5_000, RunSummary.of(err, "s", DESTINATION).delivered(), err);
            assertEquals(5_000, peer.received(5_000).distinct());
        }
    }

    private String run(final String mode, final String url, final int count) throws IOException, InterruptedException
    {
        final Path stderr = dir.resolve("sluice.err");
        final Process process = Sluice.start(stderr, List.of("--source", "synthetic:count=" + count,
            "--output", "destinations." + DESTINATION + ".url=" + url,
            "--output", "destinations." + DESTINATION + ".retry.backoff=20ms",
            "--output", "destinations." + DESTINATION + ".retry.max-backoff=100ms",
            "--output", "streams.s.destinations=" + DESTINATION,
            "--output", "streams.s.buffer.mode=" + mode,
            "--drain-timeout", "10s").toArray(new String[0]));
        try
        {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "sluice did not finish");
        }
        finally
        {
            process.destroyForcibly();
        }
        final String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertFalse(err.contains("Exception"), err);
        return err;
    }
}
