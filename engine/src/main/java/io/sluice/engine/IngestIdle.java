package io.sluice.engine;

import org.agrona.concurrent.IdleStrategy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * How the ingest thread waits when the shared ring is empty. The ring is written by another process (the loader), so
 * there is nothing to block on: the ingest polls. It spins a moment, then parks, and polls fast again from the first
 * record. Why these bounds (docs/performance.md, "Idle cost, memory and start-up" and "Wake-ups: CPU per kernel event
 * and idle"): a park shorter than 50 µs sleeps that long anyway (Linux's default timer slack); each wake-up costs
 * 25–60 µs of CPU on a small VM; and the loader delivers records in batches (when 64 KiB are pending in the kernel, or
 * every 20 ms), so the gaps between batches repeat. Parks are therefore aligned with the last gap: when the previous
 * idle stretch ended with records after E of parking, the next stretch sleeps 7/8 of E at once (at most
 * {@link #ALIGN_MAX_NANOS}) and then steps of E/16 until E has passed: two or three wake-ups per batch instead of one
 * per doubling (six for a 3 ms gap), and a record is seen at most E/16 after it came while the cadence holds, at most
 * 7/8 of E (3.5 ms) when the rate suddenly rises. Past E, or with no gap known, parks double from 50 µs to 10 ms, none
 * longer than the ring has already been empty in this stretch (plus 50 µs). No yield phase: on a loaded 2-core machine
 * a yield is a context switch. On a quiet host (the ring empty for a whole second: the loader delivers a batch at least
 * every 20 ms while anything is traced) the parks grow on to {@link #QUIET_PARK_NANOS}, ten wake-ups a second; the
 * first record after such a silence is seen at most 100 ms later. A burst that starts during such a park fills the
 * shared ring first (16 MiB: 160 MB/s for the 100 ms), then the loader waits and the 64 MiB kernel ring holds the rest.
 * Once a stop is asked for ({@link #stopping}), no park is longer than 1 ms. Allocates nothing.
 */
final class IngestIdle implements IdleStrategy
{
    /** Empty polls spent spinning before parking. */
    static final int SPINS = 100;
    /** The longest gap parks are aligned with; past it the stretch's parks double as with no gap known. */
    static final long ALIGN_MAX_NANOS = TimeUnit.MILLISECONDS.toNanos(4);
    /** The first park of an idle stretch; each next one doubles up to {@link #MAX_PARK_NANOS}. */
    static final long MIN_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** How long the ring must have been empty before the parks grow past {@link #MAX_PARK_NANOS}. */
    static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** The longest park, once the ring has been empty for {@link #QUIET_NANOS}. */
    static final long QUIET_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final LongConsumer parker;
    private int spins;
    /** How long the last idle stretch that ended with records was parked, capped at {@link #ALIGN_MAX_NANOS}; 0: none. */
    private long lastGapNanos;
    /** The next park's length. */
    private long parkNanos = MIN_PARK_NANOS;
    /** The longest park once a stop was asked for: the source's end is then noticed within it. */
    static final long STOPPING_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    /** Parked so far in this idle stretch (no clock read: the parks' own lengths). */
    private long parkedNanos;
    /** Set by the thread asking for a stop, read by the ingest before each park. */
    private volatile boolean stopping;

    /** The ingest's: parks with {@link LockSupport#parkNanos(long)}. */
    IngestIdle()
    {
        this(LockSupport::parkNanos);
    }

    /** @param parker parks the calling thread for the given nanoseconds. */
    IngestIdle(final LongConsumer parker)
    {
        this.parker = parker;
    }

    @Override
    public void idle(final int workCount)
    {
        if (workCount > 0)
        {
            reset();
        }
        else
        {
            idle();
        }
    }

    /** One empty poll: spin or park, by how many empty polls and parks came before it. */
    @Override
    public void idle()
    {
        if (spins < SPINS)
        {
            spins++;
            Thread.onSpinWait();
        }
        else
        {
            final boolean aligned = parkedNanos < lastGapNanos;
            final long next = aligned ? alignedPark() : parkNanos;
            final long park = stopping ? Math.min(next, STOPPING_PARK_NANOS) : next;
            parker.accept(park);
            parkedNanos += park;
            if (!aligned)
            {
                parkNanos = Math.min(parkNanos << 1, parkedNanos >= QUIET_NANOS ? QUIET_PARK_NANOS : MAX_PARK_NANOS);
            }
        }
    }

    /** Within the last gap: 7/8 of it at once, then steps of a sixteenth, never past it. */
    private long alignedPark()
    {
        final long park = parkedNanos == 0 ? lastGapNanos - (lastGapNanos >> 3) : Math.max(MIN_PARK_NANOS, lastGapNanos >> 4);
        return Math.max(MIN_PARK_NANOS, Math.min(park, lastGapNanos - parkedNanos));
    }

    /** A stop was asked for (any thread): parks stay short from now on, so the source's end is noticed at once. */
    void stopping()
    {
        stopping = true;
    }

    /** Records were read: poll fast again. */
    @Override
    public void reset()
    {
        if (parkedNanos > 0)
        {
            // records ended a stretch that parked: the loader's next batch likely comes after about as long
            lastGapNanos = Math.min(parkedNanos, ALIGN_MAX_NANOS);
        }
        spins = 0;
        parkNanos = MIN_PARK_NANOS;
        parkedNanos = 0;
    }

    @Override
    public String alias()
    {
        return "ingest";
    }
}
