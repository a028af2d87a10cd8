package io.sluice.ring;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The futex the doorbell sleeps on: a wait returns at once when the word no longer holds the value it waits for, lasts
 * while it does until its timeout, and a wake ends it.
 */
@Timeout(120)
class FutexTest
{
    private final UnsafeBuffer word = new UnsafeBuffer(ByteBuffer.allocateDirect(64));
    private final Futex futex = new Futex();

    @Test
    void aWaitOnAWordHoldingAnotherValueReturnsAtOnce()
    {
        assertTrue(Futex.AVAILABLE, "futex calls on this machine");
        word.putIntVolatile(0, 0);

        final long start = System.nanoTime();
        futex.await(word.addressOffset(), 1, TimeUnit.SECONDS.toNanos(60));

        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "not a minute");
    }

    @Test
    void aWaitLastsUntilItsTimeout()
    {
        word.putIntVolatile(0, 1);

        final long start = System.nanoTime();
        futex.await(word.addressOffset(), 1, TimeUnit.MILLISECONDS.toNanos(200));

        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(150), "slept");
    }

    @Test
    void aWakeEndsAWait() throws InterruptedException
    {
        word.putIntVolatile(0, 1);
        final Thread sleeper = new Thread(() -> futex.await(word.addressOffset(), 1, TimeUnit.SECONDS.toNanos(60)));
        sleeper.start();

        // the word stays 1, so only a wake (or the minute) ends the wait; a wake before the wait started is lost,
        // hence one every 100 ms until the sleeper is gone
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (sleeper.isAlive() && System.nanoTime() < deadline)
        {
            Futex.wake(word.addressOffset());
            sleeper.join(100);
        }
        assertFalse(sleeper.isAlive(), "woken, not at the end of its minute");
    }
}
