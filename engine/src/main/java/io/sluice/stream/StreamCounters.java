package io.sluice.stream;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What happened to the events a stream saw. Each counter has a single writer thread (the stream's router counts
 * matched, dropped and events its filters failed on; its writer counts delivered, failed and undelivered), so updates
 * are plain ordered stores.
 * Once a stream has drained: {@code matched == delivered + dropped + failed + undelivered}.
 */
public final class StreamCounters
{
    private final AtomicLong matched = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong failedRouting = new AtomicLong();
    private final AtomicLong undelivered = new AtomicLong();

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

    void onFailedRouting()
    {
        failedRouting.lazySet(failedRouting.get() + 1);
    }

    void onUndelivered()
    {
        undelivered.lazySet(undelivered.get() + 1);
    }

    /**
     * Events counted delivered turned out not to be (a pipe's reader left before reading them): move them to failed.
     *
     * @param events how many.
     */
    void onRevoked(final int events)
    {
        final long moved = Math.min(events, delivered.get());
        delivered.lazySet(delivered.get() - moved);
        failed.lazySet(failed.get() + moved);
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
     * @return events every destination of the stream accepted.
     */
    public long delivered()
    {
        return delivered.get();
    }

    /**
     * @return events at least one destination failed (gave up on, or could not be filtered or rendered).
     */
    public long failed()
    {
        return failed.get() + failedRouting.get();
    }

    /**
     * @return events still undelivered when the drain grace period at exit ran out.
     */
    public long undelivered()
    {
        return undelivered.get();
    }
}
