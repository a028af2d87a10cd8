package io.sluice.engine;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.LiteBlockingWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/**
 * How Disruptor consumers wait for events, by name. The default, {@code phased}, spins briefly (a hundred reads of the
 * sequence: {@link SpinThenBlockWaitStrategy}), then blocks on a lock, so a busy pipeline reacts fast and an idle
 * tracer costs next to nothing. Its lock is Disruptor's
 * "lite" one: a publisher takes the lock and signals only when a consumer has said it is about to block
 * ({@code LiteBlockingWaitStrategy}), where {@code blocking} takes the lock on every publish (a profile of the ingest
 * found 14% of its time there). Why no wake-up is lost: the consumer sets the flag (an atomic swap) and then reads the
 * cursor, under the lock; the publisher stores the cursor and then swaps the flag back, so the two swaps are ordered
 * and either the publisher sees the flag and signals (taking the lock the waiting consumer released) or the consumer's
 * swap reads the publisher's and, through it, sees the new cursor.
 */
public final class WaitStrategies
{
    /** Names accepted by {@link #byName(String)}. */
    public static final String NAMES = "phased, blocking, sleeping, yielding, busy-spin";

    private WaitStrategies()
    {
    }

    /**
     * How the writer of a configured stream waits for its stream ring. Under {@code phased} a writer parks at once on
     * Disruptor's lite lock instead of spinning and yielding first: its router renders for it and publishes in
     * batches, so it is woken once per batch. A writer spinning on a core the router, the ingest and the other writers
     * need slowed 4 streams on 2 cores by a third (docs/performance-log.md, "Thread model and shared rendering"); a
     * lone stream's writer that parks at once spends half the CPU per event when little happens and no more under load
     * ("Idle JVM and ring memory"). Any other name is what it says.
     *
     * @param name a strategy name (see {@link #NAMES}).
     * @return a new strategy instance.
     * @throws IllegalArgumentException for an unknown name.
     */
    public static WaitStrategy forStreamWriter(final String name)
    {
        return "phased".equals(name) ? new LiteBlockingWaitStrategy() : byName(name);
    }

    /**
     * @param name a strategy name (see {@link #NAMES}).
     * @return a new strategy instance.
     * @throws IllegalArgumentException for an unknown name.
     */
    public static WaitStrategy byName(final String name)
    {
        return switch (name)
        {
            case "phased" -> new SpinThenBlockWaitStrategy(new LiteBlockingWaitStrategy());
            case "blocking" -> new BlockingWaitStrategy();
            case "sleeping" -> new SleepingWaitStrategy();
            case "yielding" -> new YieldingWaitStrategy();
            case "busy-spin" -> new BusySpinWaitStrategy();
            default -> throw new IllegalArgumentException("unknown wait strategy '" + name + "' (expected " + NAMES + ")");
        };
    }
}
