package io.sluice.destination.kafka;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kafka destination's records in flight: outcomes filed by the producer's callbacks in any order are read oldest
 * first; a retriable failure holds the record again to be resent from where it was; a discard gives up on what was not
 * sent and leaves what was sent to its outcome; a writer waiting for the oldest wakes when its callback comes.
 */
class SendRingTest
{
    private final SendRing ring = new SendRing(4);

    @Test
    void outcomesComeInAnyOrderAndAreReadOldestFirst()
    {
        hold(3);
        final Callback first = ring.sending(0);
        final Callback second = ring.sending(1);
        second.onCompletion(null, null);
        assertEquals(SendRing.SENT, ring.oldestState(), "the oldest is not answered yet");
        first.onCompletion(null, null);
        assertEquals(SendRing.ACKED, ring.oldestState());
        ring.release();
        assertEquals(SendRing.ACKED, ring.oldestState());
        ring.release();
        assertEquals(SendRing.HELD, ring.oldestState(), "the third was never sent");
        assertEquals(1, ring.size());
    }

    @Test
    void aRetriableFailureHoldsTheRecordAgainToBeResentFromWhereItWas()
    {
        hold(3);
        final Callback first = ring.sending(0);
        ring.sending(1).onCompletion(null, null);
        ring.sending(2);
        assertEquals(3, ring.firstHeld());
        final NetworkException down = new NetworkException("broker down");
        first.onCompletion(null, down);
        assertTrue(ring.retriesFiled());
        assertSame(down, ring.holdRetries());
        assertFalse(ring.retriesFiled());
        assertEquals(0, ring.firstHeld());
        assertEquals(0, ring.nextHeld(ring.firstHeld()));
        assertEquals(ring.end(), ring.nextHeld(1), "the others are sent or answered");
        assertNull(ring.holdRetries(), "taken once");
    }

    @Test
    void refusedCredentialsAreRetriedAndATooLargeRecordIsRefusedForGood()
    {
        assertTrue(SendRing.retriable(new SaslAuthenticationException("bad password")));
        assertTrue(SendRing.retriable(new TopicAuthorizationException(Set.of("events"))));
        assertFalse(SendRing.retriable(new RecordTooLargeException("too large")));
        hold(1);
        ring.sending(0).onCompletion(null, new RecordTooLargeException("too large"));
        assertEquals(SendRing.REJECTED, ring.oldestState());
        assertFalse(ring.retriesFiled());
    }

    @Test
    void aDiscardGivesUpOnWhatWasNotSentOnly()
    {
        hold(4);
        assertTrue(ring.full());
        final Callback first = ring.sending(0);
        final Callback second = ring.sending(1);
        ring.discard();
        assertEquals(SendRing.SENT, ring.oldestState());
        assertEquals(ring.end(), ring.nextHeld(ring.firstHeld()), "nothing held");
        first.onCompletion(null, null);
        ring.release();
        second.onCompletion(null, null);
        ring.release();
        assertEquals(SendRing.DISCARDED, ring.oldestState());
    }

    @Test
    void aWriterWaitingForTheOldestWakesWhenItsCallbackComes() throws Exception
    {
        hold(1);
        final Callback callback = ring.sending(0);
        final Thread broker = new Thread(() ->
        {
            sleep(100);
            callback.onCompletion(null, null);
        });
        broker.start();
        final long start = System.nanoTime();
        ring.awaitOldest(TimeUnit.SECONDS.toNanos(10));
        assertEquals(SendRing.ACKED, ring.oldestState());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "woken, not timed out");
        broker.join();
    }

    @Test
    void aWaitForAnOldestThatDoesNotAnswerEndsInTime()
    {
        hold(1);
        ring.sending(0);
        final long start = System.nanoTime();
        ring.awaitOldest(TimeUnit.MILLISECONDS.toNanos(50));
        assertEquals(SendRing.SENT, ring.oldestState());
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(50));
    }

    private void hold(final int records)
    {
        for (int i = 0; i < records; i++)
        {
            ring.hold(new ProducerRecord<>("t", new byte[] {(byte) i}));
        }
    }

    private static void sleep(final long millis)
    {
        try
        {
            Thread.sleep(millis);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
