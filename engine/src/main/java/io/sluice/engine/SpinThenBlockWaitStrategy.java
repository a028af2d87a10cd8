package io.sluice.engine;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;

/**
 * {@code phased} for the main ring's consumers (the routers): a few spins on the sequence, then Disruptor's lite lock.
 * Disruptor's own {@code PhasedBackoffWaitStrategy} checks its clock only every 10,000 spins, so its shortest phase is
 * two of those rounds, tens of microseconds, after every batch: at a steady 100 k kernel events a second (a loader
 * batch every few milliseconds) that spinning was 18% of a router's time (docs/performance-log.md, "Wake-ups at idle,
 * third pass"). Spinning {@link #SPINS} times catches an event that follows within a few microseconds (a burst's next
 * batch) and blocks otherwise. The fallback does the blocking and signalling, so no wake-up is lost (see {@link
 * WaitStrategies}).
 */
final class SpinThenBlockWaitStrategy implements WaitStrategy
{
    /** Reads of the sequence before blocking: a few microseconds with {@link Thread#onSpinWait()}. */
    static final int SPINS = 100;

    private final WaitStrategy fallback;

    /** @param fallback how to block once the spins found nothing (it signals the waiter too). */
    SpinThenBlockWaitStrategy(final WaitStrategy fallback)
    {
        this.fallback = fallback;
    }

    @Override
    public long waitFor(final long sequence, final Sequence cursor, final Sequence dependentSequence,
        final SequenceBarrier barrier) throws AlertException, InterruptedException, TimeoutException
    {
        for (int i = 0; i < SPINS; i++)
        {
            final long available = dependentSequence.get();
            if (available >= sequence)
            {
                return available;
            }
            barrier.checkAlert();
            Thread.onSpinWait();
        }
        return fallback.waitFor(sequence, cursor, dependentSequence, barrier);
    }

    @Override
    public void signalAllWhenBlocking()
    {
        fallback.signalAllWhenBlocking();
    }
}
