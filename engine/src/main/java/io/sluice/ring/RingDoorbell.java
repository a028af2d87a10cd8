package io.sluice.ring;

import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;

/**
 * How a producer in another process wakes the ingest from its sleep on an empty shared ring. A wake-up costs this VM
 * tens of microseconds of CPU or more (docs/performance-log.md, "Wake-ups at idle, third pass"), so the ingest should
 * not poll a ring whose producer tells it when records come: once its spins and yields found the ring empty, it arms
 * the doorbell and sleeps until the producer rings it (the loader, after each batch it wrote, every 256 records of a
 * long one, and when the ring is full), a stop, or {@link #ARMED_PARK_NANOS}. One wake-up per batch, and a record is
 * seen as soon as its batch is written.
 *
 * <pre>
 *   The shared ring's file: data (capacity) | Agrona's trailer (768 bytes) | this doorbell ({@link #LENGTH} bytes)
 *   doorbell + 0: int armed   1 = the consumer sleeps and asks to be rung; 0 = it does not (written by the consumer,
 *                             taken back by the ringer's compare-and-set 1 -> 0, which then wakes the futex on it)
 *   the rest: padding (its own cache lines, away from the trailer's counters)
 * </pre>
 *
 * Memory ordering (Dekker's): the consumer stores {@code armed = 1} (volatile: ordered before its next load) and then
 * reads the ring's tail once more, sleeping only if the ring is still empty; the producer release-stores the tail
 * (the record written), then a full fence, then loads {@code armed}. So either the consumer sees the record or the
 * producer sees the flag and rings. The sleep is a {@link Futex} wait on {@code armed} while it holds 1, and a ring
 * sets it to 0 before the futex wake, so a ring that comes between the consumer's look at the tail and its wait makes
 * the wait return at once: no record waits out a sleep. A ring from this process ({@link #wake()}: a stop, the
 * loader's exit) before the consumer armed is kept for its next sleep.
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
    /** The consumer's wait: used on the consumer's thread only. */
    private final Sleep sleep;
    /** Set once by a producer that rings (before it writes); read by the consumer before each sleep. */
    private volatile boolean rung;
    /** A wake from this process that found the consumer not armed: its next sleep does not start. */
    private volatile boolean woken;
    /** Set by {@link #close()}, read by {@link #wake()}, both under this doorbell's lock. */
    private boolean closed;

    /**
     * @param line the doorbell's {@link #LENGTH} bytes (in the ring's file, after its trailer), in direct memory.
     * @param ring the ring it is the doorbell of.
     */
    public RingDoorbell(final UnsafeBuffer line, final RingBuffer ring)
    {
        this(line, ring, new Futex()::await);
    }

    /**
     * @param line  the doorbell's {@link #LENGTH} bytes, in direct memory.
     * @param ring  the ring it is the doorbell of.
     * @param sleep how the consumer sleeps armed ({@link Futex#await}; a test's policy check records instead).
     */
    public RingDoorbell(final UnsafeBuffer line, final RingBuffer ring, final Sleep sleep)
    {
        if (line.byteArray() != null)
        {
            throw new IllegalArgumentException("a doorbell's line must be in direct memory (a futex word)");
        }
        this.line = line;
        this.ring = ring;
        this.sleep = sleep;
    }

    /** The producer of this run rings the doorbell (call before it writes): the consumer may then sleep armed. */
    public void producerRings()
    {
        rung = true;
    }

    /** @return whether the consumer may sleep armed: this run's producer rings, and a futex can be waited on here. */
    public boolean isRung()
    {
        return rung && Futex.AVAILABLE;
    }

    /**
     * The consumer's thread sleeps until rung, woken, or {@code nanos} passed, unless the ring is not empty once armed
     * or a wake came since the last sleep. Called on the consumer's thread only.
     *
     * @param nanos the longest sleep.
     * @return false when it did not sleep: the ring had records once armed, or a wake was waiting.
     */
    public boolean sleepArmed(final long nanos)
    {
        line.putIntVolatile(ARMED_OFFSET, 1);
        if (woken)
        {
            // a wake came while awake: taken now (one that comes during this sleep is kept for the next)
            woken = false;
            line.putIntVolatile(ARMED_OFFSET, 0);
            return false;
        }
        final boolean sleeps = ring.producerPosition() == ring.consumerPosition();
        if (sleeps)
        {
            sleep.await(line.addressOffset() + ARMED_OFFSET, 1, nanos);
        }
        line.putIntVolatile(ARMED_OFFSET, 0);
        return sleeps;
    }

    /** @return whether the consumer is armed now (for a producer, and tests). */
    public boolean isArmed()
    {
        return line.getIntVolatile(ARMED_OFFSET) == 1;
    }

    /**
     * Wake the consumer: its sleep ends at once, or its next one does not start. Safe from any thread of this process
     * (the loader rings the same way from its own: compare-and-set, then the futex wake).
     */
    public synchronized void wake()
    {
        woken = true;
        if (!closed && line.compareAndSetInt(ARMED_OFFSET, 1, 0))
        {
            Futex.wake(line.addressOffset() + ARMED_OFFSET);
        }
    }

    /**
     * The ring's memory is about to be unmapped: later wakes leave the line alone (the consumer's thread has ended by
     * then; a stop or the loader's exit may still ring from another thread). Locked with {@link #wake()}, which is
     * rare (a stop, the loader's exit), so that no wake touches the line while it goes.
     */
    synchronized void close()
    {
        closed = true;
    }

    /** How the consumer sleeps while the word at an address holds a value: {@link Futex#await}'s shape. */
    @FunctionalInterface
    public interface Sleep
    {
        /**
         * @param address  the word's address.
         * @param expected the value the word holds while the sleep should last.
         * @param nanos    the longest sleep.
         */
        void await(long address, int expected, long nanos);
    }
}
