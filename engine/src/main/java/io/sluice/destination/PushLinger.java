package io.sluice.destination;

import java.util.concurrent.TimeUnit;

/**
 * When a file destination's push at the end of a batch waits for more events: while its target gains from a larger
 * push ({@link FileTarget#largePush}: a file written past the page cache) and holds less than that, unless an offer
 * found the buffer full since the last push, the run is stopping, or the oldest held event has waited
 * {@link #LINGER_NANOS}. The stream's writer comes back within that time even when no event comes
 * ({@link FileDestination#pollIntervalNanos}). Owned by the destination's writer thread: plain fields.
 */
final class PushLinger
{
    /**
     * The longest a push waits: at the kernel figure's ~130 MB/s of JSON, 768 KiB take ~6 ms, and a push that waited
     * this long goes as it is (direct when large enough). Kafka's {@code linger.ms} default is 5 too.
     */
    static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    /** When the oldest of the held events that no push has started on was taken. */
    private long heldSinceNanos;
    /** An offer found no room since the last push: the next push goes whatever its size. */
    private boolean full;
    /** The run is stopping: no push waits any more. */
    private boolean draining;

    /**
     * An event was taken.
     *
     * @param first true when nothing unwritten was held before it.
     */
    void taken(final boolean first)
    {
        if (first)
        {
            heldSinceNanos = System.nanoTime();
        }
    }

    /** An offer found no room. */
    void refused()
    {
        full = true;
    }

    /** The run is stopping ({@link Destination#draining}). */
    void draining()
    {
        draining = true;
    }

    /**
     * @param large     the bytes a push is worth waiting for, 0 for none.
     * @param heldBytes the bytes held, unwritten.
     * @return true when the push waits; false when it goes now (and it is then taken as done: {@link #full} cleared).
     */
    boolean waits(final int large, final int heldBytes)
    {
        if (large > 0 && !full && !draining && heldBytes < large && System.nanoTime() - heldSinceNanos < LINGER_NANOS)
        {
            return true;
        }
        full = false;
        return false;
    }
}
