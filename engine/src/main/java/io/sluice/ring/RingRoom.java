package io.sluice.ring;

import com.lmax.disruptor.RingBuffer;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * How a producer that must not drop waits for room on a full Disruptor ring, before it claims with {@code next()}.
 * Disruptor's {@code next()} on a full ring parks a nanosecond at a time: on Linux a sleep of the timer slack (~50 µs)
 * and a wake-up each, thousands a second while the ring stays full, every one a context switch that the ring's
 * consumer (the slowest thread, the one all wait for) pays for on a machine of few cores. A producer waits here
 * instead until a share of the ring is free ({@link #wanted}), parking from 50 µs and twice as long each time no room
 * came, up to 1 ms, and then fills that share in one go. It stops waiting for more once some room is free and the
 * consumers freed none since the last park (they are paused or stopping: what is free is taken). Used by one
 * producer thread; allocates nothing.
 */
public final class RingRoom
{
    static final long FIRST_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    static final long LONGEST_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final RingBuffer<?> ring;
    private final long wanted;
    private final LongConsumer parker;

    /**
     * @param ring   the ring produced into.
     * @param eighth true to wait for an eighth of the ring, false to wait for a single slot (as {@code next()} does).
     */
    public RingRoom(final RingBuffer<?> ring, final boolean eighth)
    {
        this(ring, eighth, LockSupport::parkNanos);
    }

    /**
     * @param ring   the ring produced into.
     * @param eighth true to wait for an eighth of the ring, false to wait for a single slot.
     * @param parker parks the calling thread for the given nanoseconds ({@link LockSupport#parkNanos(long)}; tests
     *               record instead).
     */
    RingRoom(final RingBuffer<?> ring, final boolean eighth, final LongConsumer parker)
    {
        this.ring = ring;
        this.wanted = eighth ? Math.max(1, ring.getBufferSize() / 8) : 1;
        this.parker = parker;
    }

    /**
     * @return the slots it waits for when the ring is full.
     */
    public long wanted()
    {
        return wanted;
    }

    /**
     * Return at once when the ring has a free slot; else park until {@link #wanted()} slots are free, or some are and
     * the consumers freed none during the last park. {@code next()} then claims without waiting.
     */
    public void await()
    {
        if (ring.hasAvailableCapacity(1))
        {
            return;
        }
        long park = FIRST_PARK_NANOS;
        long lastRoom = 0;
        while (true)
        {
            parker.accept(park);
            final long room = ring.remainingCapacity();
            if (room >= wanted || (room > 0 && room == lastRoom))
            {
                return;
            }
            lastRoom = room;
            park = Math.min(park << 1, LONGEST_PARK_NANOS);
        }
    }
}
