package io.sluice.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The webhook destination against a real HTTP server in another process (Python's {@code http.server}, HTTP/1.1
 * keep-alive, on loopback): delivered means the request carrying the event was answered 2xx, so what the peer recorded
 * is exactly what the summary counts delivered, each event once; failures follow the stream's mode (block loses
 * nothing, drop counts what the peer did not get); a 4xx is failed without retry; the timeout is honoured.
 */
class WebhookDeliveryTest
{
    private static final String STREAM = "s";
    private static final String DESTINATION = "w";

    @TempDir
    Path dir;

    @Test
    void twoHundredThousandEventsInBatchesOfAHundredArriveEachExactlyOnce() throws Exception
    {
        try (WebhookPeer peer = new WebhookPeer(dir))
        {
            final String err = run("--source", "synthetic:count=200000", "--output",
                "webhook:" + peer.url("/events?batch=100"));
            final RunSummary summary = RunSummary.of(err, "default-stream", "webhook-1");
            assertEquals(200_000, summary.matched(), err);
            assertEquals(200_000, summary.delivered(), err);
            assertEquals(200_000, summary.written(), err);
            assertEquals(200_000, peer.acceptedOnceEach(200_000), "the peer got each event exactly once");
            final List<String> requests = peer.requests();
            assertTrue(requests.size() >= 2_000, "at most 100 events a request: " + requests.size() + " requests");
            assertTrue(requests.size() < 4_000, "events are batched: " + requests.size() + " requests");
            for (final String request : requests)
            {
                final String[] fields = request.split(" ");
                assertEquals("200", fields[0], request);
                assertTrue(Integer.parseInt(fields[1]) <= 100, request);
                assertEquals("application/json", fields[3], request);
            }
        }
    }

    @Test
    void unbatchedEachEventIsOneRequestAsTraceeSendsIt() throws Exception
    {
        try (WebhookPeer peer = new WebhookPeer(dir))
        {
            final String err = run("--source", "synthetic:count=5000", "--output",
                "webhook:" + peer.url("/events?contentType=application/x-ndjson"));
            final RunSummary summary = RunSummary.of(err, "default-stream", "webhook-1");
            assertEquals(5_000, summary.delivered(), err);
            assertEquals(5_000, peer.acceptedOnceEach(5_000));
            final List<String> requests = peer.requests();
            assertEquals(5_000, requests.size());
            assertTrue(requests.stream().allMatch(line -> line.startsWith("200 1 ") && line.endsWith(" application/x-ndjson")),
                requests.get(0));
        }
    }

    @Test
    void aBlockStreamLosesNothingWhileThePeerAnswers500ThenRecovers() throws Exception
    {
        try (WebhookPeer peer = new WebhookPeer(dir, "--fail-seconds", "1"))
        {
            final String err = run(webhookStream(peer, "block", "/events?batch=10", "synthetic:count=20000,rate=10000"));
            final RunSummary summary = RunSummary.of(err, STREAM, DESTINATION);
            assertEquals(20_000, summary.matched(), err);
            assertEquals(20_000, summary.delivered(), err);
            assertEquals(summary.delivered(), peer.acceptedOnceEach(20_000), "the peer got what was counted delivered");
            assertTrue(summary.retried() > 0, err);
            assertTrue(peer.requests().stream().anyMatch(line -> line.startsWith("500 ")), "the peer did fail");
            assertTrue(err.contains("destination w: write failed: POST " + peer.url("/events?batch=10") + ": HTTP 500"
                + " (retrying; the stream holds back)"), err);
        }
    }

    @Test
    void aDropStreamCountsExactlyWhatThePeerDidNotGet() throws Exception
    {
        // the first ten requests fail; the source runs for 6 s, long enough to see the peer recover on a loaded machine
        try (WebhookPeer peer = new WebhookPeer(dir, "--fail-first", "10"))
        {
            final String err = run(webhookStream(peer, "drop", "/events?batch=10", "synthetic:count=30000,rate=5000"));
            final RunSummary summary = RunSummary.of(err, STREAM, DESTINATION);
            final long received = peer.acceptedOnceEach(30_000);
            assertEquals(30_000, summary.matched(), err);
            assertEquals(received, summary.delivered(), "delivered is what the peer got: " + err);
            assertEquals(summary.matched() - received, summary.dropped() + summary.failed(), err);
            assertEquals(0, summary.undelivered(), err);
            assertTrue(summary.failed() >= 100, "the failed requests' events count failed: " + err);
            assertTrue(received > 0, "the peer recovered and got the rest: " + err);
        }
    }

    @Test
    void a400IsCountedFailedAndNotRetried() throws Exception
    {
        try (WebhookPeer peer = new WebhookPeer(dir, "--fail-first", "5", "--status", "400"))
        {
            final String err = run(webhookStream(peer, "block", "/events", "synthetic:count=100"));
            final RunSummary summary = RunSummary.of(err, STREAM, DESTINATION);
            assertEquals(100, summary.matched(), err);
            assertEquals(95, summary.delivered(), err);
            assertEquals(5, summary.failed(), err);
            assertEquals(5, summary.destinationFailed(), err);
            assertEquals(0, summary.retried(), err);
            assertEquals(95, peer.acceptedOnceEach(100));
            assertEquals(100, peer.requests().size(), "no request was sent twice");
            assertTrue(err.contains("sluice: stream s: destination w: " + peer.url("/events") + " answered HTTP 400: the"
                + " request's events are counted failed, not retried"), err);
        }
    }

    @Test
    void aPeerSlowerThanTheTimeoutIsRetried() throws Exception
    {
        try (WebhookPeer peer = new WebhookPeer(dir, "--fail-first", "2", "--sleep", "3"))
        {
            final long started = System.nanoTime();
            final String err = run(webhookStream(peer, "block", "/events?timeout=300ms", "synthetic:count=50"));
            final long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            final RunSummary summary = RunSummary.of(err, STREAM, DESTINATION);
            assertEquals(50, summary.delivered(), err);
            assertEquals(50, peer.acceptedOnceEach(50));
            assertTrue(summary.retried() > 0, err);
            // The peer answers after 3 s; on a loaded machine the connection itself may take longer than the timeout.
            assertTrue(err.contains("write failed: POST " + peer.url("/events?timeout=300ms") + ": no answer within 300ms")
                || err.contains("write failed: POST " + peer.url("/events?timeout=300ms") + ": could not connect within 300ms"),
                err);
            assertTrue(tookMillis < 20_000, "took " + tookMillis + " ms");
        }
    }

    private static String[] webhookStream(final WebhookPeer peer, final String mode, final String path, final String source)
    {
        return new String[] {"--source", source,
            "--output", "destinations." + DESTINATION + ".url=" + peer.url(path),
            "--output", "destinations." + DESTINATION + ".retry.backoff=20ms",
            "--output", "destinations." + DESTINATION + ".retry.max-backoff=200ms",
            "--output", "streams." + STREAM + ".destinations=" + DESTINATION,
            "--output", "streams." + STREAM + ".buffer.mode=" + mode};
    }

    /** Runs sluice in a JVM of its own; returns what it printed on stderr. */
    private String run(final String... args) throws Exception
    {
        final List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--drain-timeout", "30s"));
        final Path stderr = Files.createTempFile(dir, "sluice", ".err");
        final Process process = Sluice.start(stderr, all.toArray(new String[0]));
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
