package io.sluice.destination.forward;

import io.sluice.config.GoDuration;
import io.sluice.destination.Receipts;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The forward destination's contract with acknowledgements, against a receiver in this JVM: receipts in the order the
 * events were taken whatever the order of the acknowledgements; an acknowledgement late past {@code ackTimeout} fails
 * the flush and the chunk goes again, under the same id, on the next connection; a dropped connection in drop mode
 * fails what was not acknowledged.
 */
class ForwardDestinationTest
{
    private static final UnsafeBuffer EVENT = new UnsafeBuffer("{\"seq\":1}".getBytes(StandardCharsets.UTF_8));

    private final List<String> receipts = new ArrayList<>();
    private final Receipts recording = new Receipts()
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
    };

    @Test
    void acknowledgementsOutOfOrderAreReportedInOrder() throws Exception
    {
        try (InProcessPeer peer = new InProcessPeer())
        {
            final ForwardDestination destination = open(peer, "30s");
            offer(destination, 2);
            destination.flush();
            final String first = peer.nextChunk();
            offer(destination, 3);
            destination.flush();
            final String second = peer.nextChunk();
            assertNotEquals(first, second, "every chunk has its own id");
            assertEquals(5, destination.pending());

            peer.ack(second);
            pollFor(destination, 100);
            assertEquals(List.of(), receipts, "the second chunk waits for the first");
            peer.ack(first);
            pollUntil(destination, 2);
            assertEquals(List.of("accepted 2", "accepted 3"), receipts);
            assertEquals(0, destination.pending());
            assertNull(destination.report(), "nothing was resent");
            destination.close();
        }
    }

    @Test
    void aLateAcknowledgementFailsTheFlushAndTheChunkGoesAgainUnderItsId() throws Exception
    {
        try (InProcessPeer peer = new InProcessPeer())
        {
            final ForwardDestination destination = open(peer, "100ms");
            offer(destination, 4);
            destination.flush();
            final String chunk = peer.nextChunk();
            pollFor(destination, 200);
            final IOException late = assertThrows(IOException.class, destination::flush);
            assertTrue(late.getMessage().endsWith("did not acknowledge a chunk within 100 ms"), late.getMessage());
            assertEquals(List.of(), receipts);

            destination.flush();
            assertEquals(chunk, peer.nextChunk(), "sent again, on a new connection");
            peer.ack(chunk);
            pollUntil(destination, 1);
            assertEquals(List.of("accepted 4"), receipts);
            assertEquals("resent 4 events not acknowledged in time (the peer may have them twice)", destination.report());
            destination.close();
        }
    }

    @Test
    void aDroppedConnectionInDropModeFailsWhatWasNotAcknowledged() throws Exception
    {
        try (InProcessPeer peer = new InProcessPeer())
        {
            final ForwardDestination destination = open(peer, "30s");
            offer(destination, 2);
            destination.flush();
            peer.ack(peer.nextChunk());
            pollUntil(destination, 1);
            offer(destination, 3);
            destination.flush();
            peer.nextChunk();
            peer.drop();
            pollFor(destination, 100);
            assertThrows(IOException.class, destination::flush);
            destination.discard();
            assertEquals(List.of("accepted 2", "failed 3"), receipts);
            assertEquals(0, destination.pending());
            destination.close();
        }
    }

    @Test
    void withoutAcknowledgementsAWriteIsDeliveryAndAConnectionThePeerClosedIsReplacedBeforeWriting() throws Exception
    {
        try (InProcessPeer peer = new InProcessPeer())
        {
            final ForwardDestination destination = new ForwardDestination("f", new ForwardSettings("127.0.0.1",
                peer.port(), "t", false, Duration.ofSeconds(2), Duration.ofSeconds(30), 1000));
            destination.open(new byte[0], recording);
            offer(destination, 2);
            destination.flush();
            assertEquals(List.of("accepted 2"), receipts, "accepted when written");
            assertEquals("-", peer.nextChunk(), "no chunk id without acknowledgements");
            peer.drop();
            Thread.sleep(100);
            offer(destination, 3);
            destination.flush();
            assertEquals("-", peer.nextChunk(), "the events went on a new connection");
            assertEquals(List.of("accepted 2", "accepted 3"), receipts);
            destination.close();
        }
    }

    private ForwardDestination open(final InProcessPeer peer, final String ackTimeout)
    {
        final ForwardDestination destination = new ForwardDestination("f", new ForwardSettings("127.0.0.1", peer.port(),
            "t", true, Duration.ofSeconds(2), GoDuration.parse(ackTimeout), 1000));
        destination.open(new byte[0], recording);
        return destination;
    }

    private static void offer(final ForwardDestination destination, final int events)
    {
        for (int i = 0; i < events; i++)
        {
            assertTrue(destination.offer(EVENT, 0, EVENT.capacity()));
        }
    }

    private static void pollFor(final ForwardDestination destination, final long millis) throws InterruptedException
    {
        final long until = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < until)
        {
            destination.poll();
            Thread.sleep(1);
        }
    }

    private void pollUntil(final ForwardDestination destination, final int receiptCount) throws InterruptedException
    {
        final long until = System.nanoTime() + 5_000_000_000L;
        while (receipts.size() < receiptCount && System.nanoTime() < until)
        {
            destination.poll();
            Thread.sleep(1);
        }
    }
}
