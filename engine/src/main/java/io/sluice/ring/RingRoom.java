package io.sluice.ring;

import com.lmax.disruptor.RingBuffer;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * How a producer that must not drop waits for room on a full Disruptor ring (the main ring, a block stream's ring),
 * before it claims with {@code next()}. Disruptor's {@code next()} on a full ring parks a nanosecond at a time: on
 * Linux a sleep of the timer slack (~50 µs) and a wake-up each, thousands a second while the ring stays full, every
 * one a context switch that the ring's consumer (the slowest thread, the one all wait for) pays for on a machine of
 * few cores. A producer that found the ring full waits here
 * instead until an eighth of it is free ({@link #wanted()}), parking from 50 µs and twice as long each time up to 1 ms,
 * and then fills that share in one go. It stops waiting for more once what it needs is free and the consumer freed
 * nothing during the last park (it is paused or stopping: what is free is taken). Used by one producer thread;
 * allocates nothing.
 */
public final class RingRoom
{
    static final long FIRST_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    static final long LONGEST_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** The longest one wait lasts: the caller then looks again, and may wait again. */
    static final long LONGEST_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final LongSupplier free;
    private final long wanted;
    private final LongConsumer parker;

    /**
     * @param free   what the ring has free now, in slots.
     * @param wanted the slots to wait for once it is full.
     * @param parker parks the calling thread for the given nanoseconds ({@link LockSupport#parkNanos(long)}; tests
     *               record instead).
     */
    RingRoom(final LongSupplier free, final long wanted, final LongConsumer parker)
    {
        this.free = free;
        this.wanted = Math.max(1, wanted);
        this.parker = parker;
    }

    /**
     * @param ring a Disruptor ring with one producer, the caller.
     * @return a wait for an eighth of its slots.
     */
    public static RingRoom eighthOf(final RingBuffer<?> ring)
    {
        return new RingRoom(ring::remainingCapacity, ring.getBufferSize() / 8, LockSupport::parkNanos);
    }

    /**
     * @return what it waits for once the ring is full.
     */
    public long wanted()
    {
        return wanted;
    }

    /**
     * The ring was found full: park until {@link #wanted()} is free, or {@code needed} is and the consumer freed nothing
     * during the last park, or for {@link #LONGEST_WAIT_NANOS} at most (the caller looks again and may call again).
     *
     * @param needed the slots the claim that found the ring full needs.
     */
    public void awaitFull(final long needed)
    {
        long park = FIRST_PARK_NANOS;
        long parked = 0;
        long lastFree = -1;
        while (parked < LONGEST_WAIT_NANOS)
        {
            parker.accept(park);
            parked += park;
            final long now = free.getAsLong();
            if (now >= wanted || (now >= needed && now == lastFree))
            {
                return;
            }
            lastFree = now;
            park = Math.min(park << 1, LONGEST_PARK_NANOS);
        }
    }
}
