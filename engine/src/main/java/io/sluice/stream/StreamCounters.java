package io.sluice.stream;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What happened to the events a stream saw. Each counter has a single writer thread (the stream's router
 * counts matched and dropped, its writer counts delivered and failed), so updates are plain ordered stores.
 * Once a stream has drained: {@code matched == delivered + dropped + failed}.
 */
public final class StreamCounters
{
    private final AtomicLong matched = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    void onMatched()
    {
        matched.lazySet(matched.get() + 1);
    }

    void onDropped()
    {
        dropped.lazySet(dropped.get() + 1);
    }

    void onDelivered()
    {
        delivered.lazySet(delivered.get() + 1);
    }

    void onFailed()
    {
        failed.lazySet(failed.get() + 1);
    }

    /**
     * @return events that passed the stream's filters.
     */
    public long matched()
    {
        return matched.get();
    }

    /**
     * @return events dropped because the stream's ring was full (drop mode only).
     */
    public long dropped()
    {
        return dropped.get();
    }

    /**
     * @return events written to every destination of the stream.
     */
    public long delivered()
    {
        return delivered.get();
    }

    /**
     * @return events that at least one destination failed to take (write errors).
     */
    public long failed()
    {
        return failed.get();
    }
}
