package io.sluice.destination.http;

import io.sluice.config.ConfigException;
import io.sluice.config.Setting;
import io.sluice.destination.Receipts;
import io.sluice.report.Problems;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The webhook destination's side of the destination contract, against a real HTTP server on loopback, with this test's
 * thread as the stream's writer: receipts in the order events were taken whatever order the answers come in, a partly
 * filled batch leaving after its linger, a 4xx failed once and not retried, a 5xx or no answer held for the retry, a
 * discard failing what has not left, the timeout and {@code unblock} ending a request in flight.
 */
class WebhookDestinationTest
{
    private final List<String> receipts = new ArrayList<>();
    private final ByteArrayOutputStream problems = new ByteArrayOutputStream();
    private LoopbackPeer peer;
    private WebhookDestination webhook;

    @AfterEach
    void close()
    {
        if (webhook != null)
        {
            webhook.close();
        }
        if (peer != null)
        {
            peer.close();
        }
    }

    @Test
    void receiptsComeInTheOrderEventsWereTakenWhenALaterRequestIsAnsweredFirst() throws Exception
    {
        peer = new LoopbackPeer(body -> body.equals("first") ? sleepThen(400, 200) : 200);
        open(peer.url(""), new byte[0]);
        offer("first", "second", "third");
        webhook.flush();
        waitFor(() -> peer.received.size() == 2);
        webhook.poll();
        assertEquals(List.of(), receipts, "the first request is still out: nothing is reported after it");
        assertEquals(3, webhook.pending());
        waitFor(() -> accepted() == 3);
        assertEquals(0, webhook.pending());
        assertEquals(3, peer.received.size());
        assertEquals("200 application/json first", peer.received.get(2), "answered last: " + peer.received);
    }

    @Test
    void aPartlyFilledBatchLeavesWhenItsLingerHasPassedAsOneRequest() throws Exception
    {
        peer = new LoopbackPeer(body -> 200);
        open(peer.url("batch=10&linger=200ms&contentType=application/x-ndjson"), new byte[0]);
        offer("a", "b", "c");
        webhook.flush();
        TimeUnit.MILLISECONDS.sleep(100);
        webhook.flush();
        assertEquals(List.of(), peer.received, "lingering");
        TimeUnit.MILLISECONDS.sleep(150);
        webhook.flush();
        waitFor(() -> accepted() == 3);
        assertEquals(List.of("200 application/x-ndjson a\nb\nc"), peer.received);
        assertEquals(List.of("accepted 3"), receipts);
    }

    @Test
    void aFullBatchLeavesAtOnceAndEachBodyStartsWithThePreamble() throws Exception
    {
        peer = new LoopbackPeer(body -> 200);
        open(peer.url("batch=2&linger=1s"), "HEADER\n".getBytes(StandardCharsets.US_ASCII));
        offer("a", "b", "c");
        webhook.flush();
        waitFor(() -> accepted() == 2);
        assertEquals(List.of("200 application/json HEADER\na\nb"), peer.received);
        assertEquals(1, webhook.pending(), "c lingers");
    }

    @Test
    void a4xxFailsItsEventsOnceWithOneProblemLineAndIsNotRetried() throws Exception
    {
        peer = new LoopbackPeer(body -> body.equals("bad") ? 422 : 200);
        open(peer.url("inflight=1"), new byte[0]);
        offer("bad", "good");
        webhook.flush();
        waitFor(() -> receipts.size() == 2);
        webhook.flush();
        assertEquals(List.of("failed 1", "accepted 1"), receipts);
        assertEquals(2, peer.received.size(), "not sent again");
        assertEquals("sluice: stream s: destination w: " + peer.url("inflight=1") + " answered HTTP 422: the request's"
            + " events are counted failed, not retried\n", problems.toString(StandardCharsets.UTF_8));
    }

    @Test
    void a5xxKeepsTheEventsHeldUntilTheRetryIsAccepted() throws Exception
    {
        final AtomicInteger answered = new AtomicInteger();
        peer = new LoopbackPeer(body -> answered.getAndIncrement() == 0 ? 503 : 200);
        open(peer.url(""), new byte[0]);
        offer("busy");
        webhook.flush();
        waitFor(() -> peer.received.size() == 1);
        final IOException failed = assertThrows(IOException.class, this::flushUntilFailure);
        assertEquals("POST " + peer.url("") + ": HTTP 503", failed.getMessage());
        assertEquals(1, webhook.pending());
        assertEquals(List.of(), receipts);
        webhook.flush();
        assertEquals(List.of("accepted 1"), receipts, "the retry is a probe: flush waits for its answer");
        assertEquals(List.of("503 application/json busy", "200 application/json busy"), peer.received);
    }

    @Test
    void withNobodyListeningTheEventsStayHeldAndDiscardFailsThem() throws Exception
    {
        final int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            port = closed.getLocalPort();
        }
        // one request out at a time: y is still held when x's failure is seen
        open("http://127.0.0.1:" + port + "/events?inflight=1", new byte[0]);
        offer("x", "y");
        final IOException failed = assertThrows(IOException.class, this::flushUntilFailure);
        assertTrue(failed.getMessage().startsWith("POST http://127.0.0.1:" + port + "/events?inflight=1: cannot connect"),
            failed.getMessage());
        assertEquals(2, webhook.pending());
        webhook.discard();
        assertEquals(List.of("failed 1", "failed 1"), receipts, "one receipt per request, in order");
        assertEquals(0, webhook.pending());
    }

    @Test
    void aPeerSlowerThanTheTimeoutIsAFailure() throws Exception
    {
        peer = new LoopbackPeer(body -> sleepThen(3_000, 200));
        open(peer.url("timeout=200ms"), new byte[0]);
        offer("slow");
        final long started = System.nanoTime();
        webhook.flush();
        final IOException failed = assertThrows(IOException.class, this::flushUntilFailure);
        assertEquals("POST " + peer.url("timeout=200ms") + ": no answer within 200ms", failed.getMessage());
        assertTrue(System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(2_000));
        assertEquals(1, webhook.pending());
    }

    @Test
    void unblockCancelsARequestInFlightFromAnotherThread() throws Exception
    {
        peer = new LoopbackPeer(body -> sleepThen(10_000, 200));
        open(peer.url("timeout=0"), new byte[0]);
        offer("stuck");
        webhook.flush();
        TimeUnit.MILLISECONDS.sleep(200);
        final Thread engine = new Thread(webhook::unblock);
        engine.start();
        engine.join();
        final IOException failed = assertThrows(IOException.class, this::flushUntilFailure);
        assertEquals("POST " + peer.url("timeout=0") + ": cancelled", failed.getMessage());
    }

    private void open(final String url, final byte[] preamble) throws IOException
    {
        final Setting<String> setting = new Setting<>()
        {
            @Override
            public String value()
            {
                return url;
            }

            @Override
            public String origin()
            {
                return "test";
            }

            @Override
            public ConfigException error(final String problem)
            {
                return new ConfigException("test", "url", url, problem);
            }
        };
        webhook = new WebhookDestination("w", "s", WebhookSettings.of(url, WebhookRules.resolve(setting, key -> null)),
            new Problems(new PrintStream(problems, true, StandardCharsets.UTF_8)));
        webhook.open(preamble, new Receipts()
        {
            @Override
            public void accepted(final int events)
            {
                receipts.add("accepted " + events);
            }

            @Override
            public void failed(final int events)
            {
                receipts.add("failed " + events);
            }

            @Override
            public void revoked(final int events)
            {
                receipts.add("revoked " + events);
            }
        });
    }

    private void offer(final String... events)
    {
        for (final String event : events)
        {
            final byte[] bytes = event.getBytes(StandardCharsets.US_ASCII);
            assertTrue(webhook.offer(new UnsafeBuffer(bytes), 0, bytes.length));
        }
    }

    private int accepted()
    {
        return receipts.stream().filter(receipt -> receipt.startsWith("accepted "))
            .mapToInt(receipt -> Integer.parseInt(receipt.substring("accepted ".length()))).sum();
    }

    /** Poll, as the writer does while it waits, until the condition holds (5 s at most). */
    private void waitFor(final BooleanSupplier condition) throws InterruptedException
    {
        final long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean())
        {
            assertTrue(System.nanoTime() < until, "timed out");
            TimeUnit.MILLISECONDS.sleep(5);
            webhook.poll();
        }
        TimeUnit.MILLISECONDS.sleep(20);
        webhook.poll();
    }

    /** Flush until a flush throws (5 s at most), as the writer keeps pushing. */
    private void flushUntilFailure() throws IOException, InterruptedException
    {
        final long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < until)
        {
            webhook.flush();
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    private static int sleepThen(final long millis, final int status)
    {
        try
        {
            TimeUnit.MILLISECONDS.sleep(millis);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        return status;
    }
}
