package io.sluice.stream;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * How the writer of a stream with an asynchronous destination (a webhook) waits for events: as the run's wait strategy
 * while none of its destinations has anything pending, and for at most the interval the writer asked for
 * ({@link #pollWithin}) while one has, after which Disruptor calls the writer's {@code onTimeout} and the writer polls
 * and flushes its destinations. Without it an idle stream would neither report the acknowledgements that came in nor
 * send a batch that is lingering.
 *
 * <p>Threads: {@link #waitFor} and {@link #pollWithin} run on the writer thread ({@code pollNanos} is a plain field);
 * {@link #signalAllWhenBlocking} runs on the publishing thread and unparks the writer if it is parked here
 * ({@code parked} is set and read with volatile semantics). The publisher's cursor store is a release, not a full
 * fence, so a wake-up can be missed in a race; the writer then wakes when its interval ends, never later.
 */
final class PollingWait implements WaitStrategy
{
    private static final int SPINS = 200;

    private final WaitStrategy idle;
    private final AtomicReference<Thread> parked = new AtomicReference<>();
    private long pollNanos;

    /**
     * @param idle how to wait while nothing is pending (the run's strategy).
     */
    PollingWait(final WaitStrategy idle)
    {
        this.idle = idle;
    }

    /**
     * Called by the writer after each push.
     *
     * @param nanos the longest wait before the writer is to poll its destinations again; 0 to wait for events only.
     */
    void pollWithin(final long nanos)
    {
        pollNanos = nanos;
    }

    @Override
    public long waitFor(
        final long sequence, final Sequence cursor, final Sequence dependent, final SequenceBarrier barrier)
        throws AlertException, InterruptedException, TimeoutException
    {
        final long within = pollNanos;
        if (within == 0)
        {
            return idle.waitFor(sequence, cursor, dependent, barrier);
        }
        final long until = System.nanoTime() + within;
        int spins = 0;
        long available;
        while ((available = dependent.get()) < sequence)
        {
            barrier.checkAlert();
            final long left = until - System.nanoTime();
            if (left <= 0)
            {
                throw TimeoutException.INSTANCE;
            }
            if (spins < SPINS)
            {
                spins++;
                Thread.onSpinWait();
                continue;
            }
            parked.set(Thread.currentThread());
            if (cursor.get() < sequence)
            {
                LockSupport.parkNanos(this, left);
            }
            parked.set(null);
        }
        return available;
    }

    @Override
    public void signalAllWhenBlocking()
    {
        idle.signalAllWhenBlocking();
        final Thread waiter = parked.get();
        if (waiter != null)
        {
            LockSupport.unpark(waiter);
        }
    }
}
