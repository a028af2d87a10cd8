package io.sluice.ring;

import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consumer's side of the shared ring's doorbell: it sleeps only on an empty ring, armed for all of its sleep and
 * disarmed after; its sleep is a futex wait on the armed word, which a ring ends: this process's {@link
 * RingDoorbell#wake()}, or the loader's (compare-and-set 1 to 0, then a futex wake, from another process); a wake that
 * comes before the sleep is kept.
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
    private final RingDoorbell recorded = new RingDoorbell(line, ring, (address, expected, nanos) ->
    {
        assertEquals(line.addressOffset() + RingDoorbell.ARMED_OFFSET, address, "the armed word");
        assertEquals(1, expected, "asleep while armed");
        sleeps.add(nanos);
        armedWhileAsleep.add(line.getIntVolatile(RingDoorbell.ARMED_OFFSET) == 1);
    });
    private final RingDoorbell futex = new RingDoorbell(line, ring);

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
        assertTrue(Futex.AVAILABLE, "futex calls on this machine");
        final Thread sleeper = sleepsAMinute(futex);

        futex.wake();

        sleeper.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(sleeper.isAlive(), "woken, not at the end of its minute");
        assertFalse(futex.isArmed(), "disarmed after");
    }

    @Test
    void theLoadersRingEndsTheSleep() throws InterruptedException
    {
        final Thread sleeper = sleepsAMinute(futex);

        // what the loader does from its process (sl_ring_take_wake_request, then FUTEX_WAKE on the same word)
        assertTrue(line.compareAndSetInt(RingDoorbell.ARMED_OFFSET, 1, 0), "took the flag back");
        Futex.wake(line.addressOffset() + RingDoorbell.ARMED_OFFSET);

        sleeper.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(sleeper.isAlive(), "woken by the ring, not at the end of its minute");
    }

    @Test
    void aWakeBeforeTheSleepIsKept()
    {
        futex.wake();

        final long start = System.nanoTime();
        assertFalse(futex.sleepArmed(60 * SECOND), "the earlier wake: no sleep");

        assertTrue(System.nanoTime() - start < 30 * SECOND, "the earlier wake ended the sleep");
        assertFalse(futex.isArmed());
    }

    @Test
    void aWakeAfterTheRingIsClosedLeavesItsMemoryAlone(@TempDir final Path dir)
    {
        final SharedRing shared = SharedRing.create(dir.resolve("closed.ring"), 64 * 1024);
        final RingDoorbell doorbell = shared.doorbell();
        shared.close();

        // a stop or the loader's exit after the engine let the ring go: touching the unmapped line would crash the JVM
        assertDoesNotThrow(doorbell::wake);
        assertDoesNotThrow(doorbell::wake);
    }

    private Thread sleepsAMinute(final RingDoorbell doorbell)
    {
        final Thread sleeper = new Thread(() -> doorbell.sleepArmed(60 * SECOND));
        sleeper.start();
        while (!doorbell.isArmed())
        {
            Thread.onSpinWait();
        }
        return sleeper;
    }
}
