package io.sluice.stream;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What one destination of a stream did: events it accepted (written), events it failed, retries of failed writes, and
 * whether it is gone. The stream's writer thread is the only writer (plain ordered stores); any thread may read.
 */
public final class DestinationCounters
{
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private volatile boolean gone;

    void onWritten(final int events, final long eventBytes)
    {
        written.lazySet(written.get() + events);
        bytes.lazySet(bytes.get() + eventBytes);
    }

    void onFailed(final int events)
    {
        failed.lazySet(failed.get() + events);
    }

    void onRevoked(final int events, final long eventBytes)
    {
        final int moved = (int)Math.min(events, written.get());
        written.lazySet(written.get() - moved);
        failed.lazySet(failed.get() + moved);
        bytes.lazySet(bytes.get() - Math.min(eventBytes, bytes.get()));
    }

    void onGone()
    {
        gone = true;
    }

    void onRetried()
    {
        retried.lazySet(retried.get() + 1);
    }

    /**
     * @return events this destination accepted.
     */
    public long written()
    {
        return written.get();
    }

    /**
     * @return events this destination failed (write errors given up on, or events it never got).
     */
    public long failed()
    {
        return failed.get();
    }

    /**
     * @return true once the destination is gone for good (its reader left, it could not be opened).
     */
    public boolean gone()
    {
        return gone;
    }

    /**
     * @return bytes of the renderings of the events this destination accepted (what the format made of them; the
     * protocol's own framing, a webhook's HTTP or kafka's record headers, is not counted).
     */
    public long bytes()
    {
        return bytes.get();
    }

    /**
     * @return retries of failed writes.
     */
    public long retried()
    {
        return retried.get();
    }
}
