package io.sluice.ring;

import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * How a producer in another process wakes the ingest from a long sleep on an empty shared ring. A wake-up costs this VM
 * 0.1–1 ms of CPU (docs/performance.md, "Wake-ups at idle, third pass"), so an idle tracer's ingest should not poll:
 * once it would park for {@code 10 ms} or longer it arms the doorbell and sleeps until the producer rings it (the
 * loader: a {@code wake} line on its standard output, which the kernel source's reader turns into {@link #wake()}), a
 * stop, or {@link #ARMED_PARK_NANOS}. Under load the ingest never parks that long and the producer never rings.
 *
 * <pre>
 *   The shared ring's file: data (capacity) | Agrona's trailer (768 bytes) | this doorbell ({@link #LENGTH} bytes)
 *   doorbell + 0: int armed   1 = the consumer sleeps and asks to be rung; 0 = it does not (written by the consumer,
 *                             taken back by the producer's compare-and-set 1 -> 0)
 *   the rest: padding (its own cache lines, away from the trailer's counters)
 * </pre>
 *
 * Memory ordering (Dekker's): the consumer stores {@code armed = 1} (volatile: ordered before its next load) and then
 * reads the ring's tail once more, sleeping only if the ring is still empty; the producer release-stores the tail
 * (the record written), then a full fence, then loads {@code armed}. So either the consumer sees the record or the
 * producer sees the flag and rings: no record waits out a sleep. A ring that comes late only cuts a later sleep short.
 */
public final class RingDoorbell
{
    /** Bytes the doorbell takes after the ring's trailer. */
    public static final int LENGTH = 128;
    /** Where {@code armed} is, from the doorbell's start. */
    public static final int ARMED_OFFSET = 0;
    /** The longest armed sleep: a safety net only (a ring should always come). */
    public static final long ARMED_PARK_NANOS = 1_000_000_000L;

    private final UnsafeBuffer line;
    private final RingBuffer ring;
    private final LongConsumer parker;
    /** Set once by a producer that rings (before it writes); read by the consumer before each long park. */
    private volatile boolean rung;
    /** The consumer's thread, stored before it arms: whom {@link #wake()} unparks. */
    private volatile Thread sleeper;

    /**
     * @param line   the doorbell's {@link #LENGTH} bytes (in the ring's file, after its trailer).
     * @param ring   the ring it is the doorbell of.
     * @param parker parks the calling thread for the given nanoseconds, or less if unparked
     *               ({@link LockSupport#parkNanos(long)}; tests record instead).
     */
    public RingDoorbell(final UnsafeBuffer line, final RingBuffer ring, final LongConsumer parker)
    {
        this.line = line;
        this.ring = ring;
        this.parker = parker;
    }

    /** The producer of this run rings the doorbell (call before it writes): the consumer may then sleep armed. */
    public void producerRings()
    {
        rung = true;
    }

    /** @return whether this run's producer rings the doorbell. */
    public boolean isRung()
    {
        return rung;
    }

    /**
     * The consumer's thread sleeps until rung, unparked, or {@code nanos} passed, unless the ring is not empty once
     * armed. Called on the consumer's thread only.
     *
     * @param nanos the longest sleep.
     * @return false when it did not sleep: the ring had records once armed.
     */
    public boolean sleepArmed(final long nanos)
    {
        sleeper = Thread.currentThread();
        line.putIntVolatile(ARMED_OFFSET, 1);
        final boolean empty = ring.producerPosition() == ring.consumerPosition();
        if (empty)
        {
            parker.accept(nanos);
        }
        line.putIntVolatile(ARMED_OFFSET, 0);
        return empty;
    }

    /** @param consumer the consumer's thread, known before its first sleep: a {@link #wake()} before it is kept. */
    public void sleeperIs(final Thread consumer)
    {
        sleeper = consumer;
    }

    /** @return whether the consumer is armed now (for a producer, and tests). */
    public boolean isArmed()
    {
        return line.getIntVolatile(ARMED_OFFSET) == 1;
    }

    /** Wake the consumer (its sleep ends at once, or its next one does). Safe from any thread. */
    public void wake()
    {
        final Thread thread = sleeper;
        if (thread != null)
        {
            LockSupport.unpark(thread);
        }
    }
}
