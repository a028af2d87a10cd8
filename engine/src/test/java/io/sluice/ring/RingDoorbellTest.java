package io.sluice.ring;

import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consumer's side of the shared ring's doorbell: it sleeps only on an empty ring, armed for all of its sleep and
 * disarmed after; a wake ends the sleep, and a wake that comes before it (the sleeper known) is kept.
 */
@Timeout(120)
class RingDoorbellTest
{
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final OneToOneRingBuffer ring = new OneToOneRingBuffer(
        new UnsafeBuffer(ByteBuffer.allocateDirect(64 * 1024 + RingBufferDescriptor.TRAILER_LENGTH)));
    private final UnsafeBuffer line = new UnsafeBuffer(ByteBuffer.allocateDirect(RingDoorbell.LENGTH));
    private final List<Long> sleeps = new ArrayList<>();
    private final List<Boolean> armedWhileAsleep = new ArrayList<>();
    private final RingDoorbell recorded = new RingDoorbell(line, ring, nanos ->
    {
        sleeps.add(nanos);
        armedWhileAsleep.add(line.getIntVolatile(RingDoorbell.ARMED_OFFSET) == 1);
    });

    @Test
    void onAnEmptyRingItSleepsArmedAndWakesDisarmed()
    {
        assertTrue(recorded.sleepArmed(SECOND), "it slept");

        assertEquals(List.of(SECOND), sleeps);
        assertEquals(List.of(true), armedWhileAsleep, "armed for the producer to see");
        assertFalse(recorded.isArmed(), "disarmed after");
    }

    @Test
    void aRecordInTheRingOnceArmedMeansNoSleep()
    {
        assertTrue(ring.write(RecordType.EVENT, new UnsafeBuffer(new byte[16]), 0, 16));

        assertFalse(recorded.sleepArmed(SECOND), "the producer wrote before it looked at the flag: no ring would come");

        assertEquals(List.of(), sleeps);
        assertFalse(recorded.isArmed());
    }

    @Test
    void aWakeEndsTheSleep() throws InterruptedException
    {
        final RingDoorbell parking = new RingDoorbell(line, ring, LockSupport::parkNanos);
        final Thread sleeper = new Thread(() -> parking.sleepArmed(60 * SECOND));
        sleeper.start();
        while (!parking.isArmed())
        {
            Thread.onSpinWait();
        }

        parking.wake();

        sleeper.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(sleeper.isAlive(), "woken, not at the end of its minute");
    }

    @Test
    void aWakeBeforeTheSleepIsKeptOnceTheSleeperIsKnown()
    {
        final RingDoorbell parking = new RingDoorbell(line, ring, LockSupport::parkNanos);
        parking.sleeperIs(Thread.currentThread());
        parking.wake();

        final long start = System.nanoTime();
        assertTrue(parking.sleepArmed(60 * SECOND));

        assertTrue(System.nanoTime() - start < 30 * SECOND, "the earlier wake ended the sleep");
    }
}
