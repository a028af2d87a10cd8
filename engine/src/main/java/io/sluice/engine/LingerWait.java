package io.sluice.engine;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.LiteBlockingWaitStrategy;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * The default wait ({@code phased}) of the main ring's routers and the streams' writers: spin a moment, then linger
 * (sleep a fixed slice, unsignalled) while a batch builds up, then block until a publisher signals. Why: under the
 * kernel source events come in bursts (the loader delivers a batch every few milliseconds) at rates far below what the
 * threads can take, so a consumer used to catch each event or two as it was published and wait again; Disruptor's
 * phased backoff spun 20 µs and yielded up to 200 µs of CPU on every such wait, and each wake-up costs 25–60 µs of CPU on
 * a small VM (docs/performance.md, "Wake-ups: CPU per kernel event and idle"). Lingering turns that into at most
 * {@link #LINGER_NANOS} / {@link #SLICE_NANOS} wake-ups per millisecond whatever the rate, each taking what came
 * meanwhile; a slice ends the linger early once {@link #BATCH} events wait, so a burst never waits longer than one
 * slice (a 1,024-slot stream ring fills in one slice only above 2 M events/s). Nothing came during the linger: the
 * consumer blocks on Disruptor's lite lock (no wake-up at all while idle; the publisher signals only then, see
 * {@link WaitStrategies} for why no wake-up is lost), so an event after a silence is seen at once and only the events
 * that follow it within a linger wait up to {@link #LINGER_NANOS} more. Block and drop semantics are the producers' and
 * unchanged. Stateless per call: one instance serves every consumer of a ring. Allocates nothing.
 */
final class LingerWait implements WaitStrategy
{
    /** Empty polls spent spinning before lingering: a few microseconds, for a publisher in the middle of a batch. */
    static final int SPINS = 64;
    /** One unsignalled sleep of the linger. */
    static final long SLICE_NANOS = TimeUnit.MICROSECONDS.toNanos(500);
    /** The longest linger before blocking: what it adds at most to an event's latency per stage. */
    static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** Events waiting that end a linger early. */
    static final long BATCH = 256;

    private final LiteBlockingWaitStrategy blocking = new LiteBlockingWaitStrategy();
    private final LongConsumer sleeper;

    /** Sleeps with {@link LockSupport#parkNanos(long)}. */
    LingerWait()
    {
        this(LockSupport::parkNanos);
    }

    /** @param sleeper sleeps the calling thread for the given nanoseconds (a test's records and publishes instead). */
    LingerWait(final LongConsumer sleeper)
    {
        this.sleeper = sleeper;
    }

    @Override
    public long waitFor(final long sequence, final Sequence cursor, final Sequence dependent, final SequenceBarrier barrier)
        throws AlertException, InterruptedException, TimeoutException
    {
        long available = dependent.get();
        for (int spins = 0; available < sequence && spins < SPINS; spins++)
        {
            Thread.onSpinWait();
            available = dependent.get();
        }
        for (long lingered = 0; available < sequence + BATCH - 1 && lingered < LINGER_NANOS; lingered += SLICE_NANOS)
        {
            if (available >= sequence && lingered == 0)
            {
                // events were there at once (a publisher in the middle of a batch): take them, no linger yet
                return available;
            }
            barrier.checkAlert();
            sleeper.accept(SLICE_NANOS);
            available = dependent.get();
        }
        if (available >= sequence)
        {
            return available;
        }
        return blocking.waitFor(sequence, cursor, dependent, barrier);
    }

    @Override
    public void signalAllWhenBlocking()
    {
        blocking.signalAllWhenBlocking();
    }
}
