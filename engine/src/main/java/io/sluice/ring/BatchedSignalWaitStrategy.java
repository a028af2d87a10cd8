package io.sluice.ring;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;

/**
 * A Disruptor ring's wait strategy with its one producer's signals passed on per batch instead of per publish: the
 * main ring's (the ingest publishes) and a stream ring's (its router publishes). The sequencer signals the wait
 * strategy after every publish; a consumer that caught up and blocked is then woken by the next publish, takes what is
 * there, catches up and blocks again. Flat out on 2 cores that was 2–9 thousand wake-ups a second for the router and as
 * many for its writer, each several µs of CPU on this VM (docs/performance-log.md, "Ninth pass"). Here the producer's
 * signals are counted and passed on only every {@code publishesPerSignal}-th publish and when the producer calls
 * {@link #signalNow()}: at the end of its batch, before it waits (for input or for room) and when it ends. A consumer
 * still running sees every publish at once (the cursor moves as before); one that blocked is woken at the latest
 * {@code publishesPerSignal} publishes or one producer batch later.
 * <p>
 * Why no event waits for ever: only the producer's signals are deferred, recognised by its thread ({@link
 * #publishesOnThisThread}), and it calls {@link #signalNow()} before each wait of its own and at its end; a signal
 * from any other thread (Disruptor's {@code halt} alerting the barrier) and every signal before {@link
 * #publishesOnThisThread} are passed on at once (the producer's thread halting its own ring would have to call {@link
 * #signalNow()} after: none does). The wrapped strategy's ordering argument holds (see {@code WaitStrategies}): each
 * cursor store precedes, in the producer's program order, the signal passed on after it, deferred or not. How long a
 * busy producer may defer is its own business: the ingest passes its signals on at least every millisecond.
 */
public final class BatchedSignalWaitStrategy implements WaitStrategy
{
    private final WaitStrategy waiting;
    private final int publishesPerSignal;
    /**
     * The producer's thread, written by that thread itself before it publishes: it reads its own write, and any other
     * thread finds something other than itself here (null or the producer), which is all the comparison needs.
     */
    private Thread producer;
    /** Publishes since the last signal passed on: the producer's thread alone reads and writes it. */
    private int unsignalled;

    /**
     * @param waiting            how consumers wait, and how they are signalled.
     * @param publishesPerSignal publishes per signal passed on while the producer is busy (1: every one).
     */
    public BatchedSignalWaitStrategy(final WaitStrategy waiting, final int publishesPerSignal)
    {
        this.waiting = waiting;
        this.publishesPerSignal = Math.max(1, publishesPerSignal);
    }

    /** Called by the producer's thread before its first publish: its signals are deferred from now on. */
    public void publishesOnThisThread()
    {
        producer = Thread.currentThread();
    }

    /** The producer's thread: pass on the signals deferred since the last one (a blocked consumer is woken). */
    public void signalNow()
    {
        if (unsignalled > 0)
        {
            unsignalled = 0;
            waiting.signalAllWhenBlocking();
        }
    }

    @Override
    public long waitFor(final long sequence, final Sequence cursor, final Sequence dependentSequence,
        final SequenceBarrier barrier) throws AlertException, InterruptedException, TimeoutException
    {
        return waiting.waitFor(sequence, cursor, dependentSequence, barrier);
    }

    @Override
    public void signalAllWhenBlocking()
    {
        if (Thread.currentThread() == producer)
        {
            if (++unsignalled < publishesPerSignal)
            {
                return;
            }
            unsignalled = 0;
        }
        waiting.signalAllWhenBlocking();
    }
}
