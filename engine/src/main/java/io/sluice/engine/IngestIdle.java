package io.sluice.engine;

import io.sluice.ring.RingDoorbell;
import org.agrona.concurrent.IdleStrategy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * How the ingest thread waits when the shared ring is empty. A producer that rings the ring's doorbell (the kernel
 * sensor's loader, in another process) wakes it (below); for the others (the synthetic source, a replay) the ingest
 * polls. It spins, then yields, then parks for 50 µs, doubling each time up to 10 ms, and polls fast again from the
 * first record. Why these bounds (docs/performance-log.md, "Idle cost, memory and start-up"): a park shorter than 50 µs
 * sleeps that long anyway (Linux's default timer slack); and when few records come the loader delivers them in batches
 * every 20 ms, so parks capped at 1 ms (Agrona's backoff, before) woke the thread a thousand times a second, most of
 * its idle CPU, to find nothing. Each park is at most as long as the ring has already been empty (plus 50 µs; paced
 * silences, below, start with half the last one instead): a record that follows a silence of S is seen at most min(S,
 * 10 ms) later, and waits in the shared ring (4 MiB, ~4 ms of a 1 GB/s burst, then the kernel's 64 MiB ring) meanwhile;
 * under load the ring is empty for microseconds and the parks stay short. On a quiet host (the ring empty for a whole
 * second: the loader delivers a batch at least every 20 ms while anything is traced) the parks grow on to {@link
 * #QUIET_PARK_NANOS}, ten wake-ups a second instead of a hundred; the first record after such a silence is seen at most
 * 100 ms later. A burst that starts during such a park fills the shared ring first (4 MiB: 40 MB/s for the 100 ms),
 * then the loader waits and the 64 MiB kernel ring holds the rest: about 680 MB/s for those 100 ms before the kernel
 * would drop. Once a stop is asked for ({@link #stopping}), no park is longer than 1 ms.
 * <p>
 * <b>Paced batches</b> (a producer that does not ring: the loader where no futex can be waited on, a paced synthetic
 * source). A wake-up costs this VM 0.1–1 ms of CPU (docs/performance-log.md, "Wake-ups at idle, third pass"), so the
 * doubling from 50 µs, nine parks and 110 spins and yields per loader batch, was most of an idle tracer's CPU. When the
 * last silence was parked through for {@link #PACED_NANOS} or more (the loader delivering in paced batches, every 20 ms
 * on a quiet host, every few ms at 100 k events/s) and fewer than {@link #PACED_RECORDS} records came since (no burst),
 * the next silence starts with a park of half the last one, at most 10 ms, without spinning or yielding: two or three
 * wake-ups per batch. A record is then seen at most about the last silence later (10 ms at most, the bound above); a
 * burst (more records than that between silences) brings the spins back.
 * <p>
 * <b>The doorbell.</b> When the producer rings the shared ring's {@link RingDoorbell} (the kernel sensor's loader),
 * the parks are not used: once the spins and yields found the ring empty (at once in paced batches), the ingest arms
 * the doorbell and sleeps in a futex wait until the loader rings it after its next batch (every 256 records of a
 * long one, and whenever the shared ring is full), a stop, or a second: one wake-up per batch, and a record is seen
 * as soon as its batch is written. Measured at ~190 k kernel events a second: 310–350 wake-ups a second instead of
 * 1,100–1,340 (docs/performance-log.md, "Eighteenth pass"). Not while {@code sort-events} holds records (its passes
 * release them), and not once a stop is asked for ({@link #stopping()} rings the doorbell itself). Allocates nothing.
 */
final class IngestIdle implements IdleStrategy
{
    /** Empty polls spent spinning, then yielding, before parking. */
    static final int SPINS = 100;
    static final int YIELDS = 10;
    /** The first park of an idle stretch; each next one doubles up to {@link #MAX_PARK_NANOS}. */
    static final long MIN_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** How long the ring must have been empty before the parks grow past {@link #MAX_PARK_NANOS}. */
    static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** The longest park, once the ring has been empty for {@link #QUIET_NANOS}. */
    static final long QUIET_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** A silence parked through for this long or longer marks the loader's batches as paced. */
    static final long PACED_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** More records than this between two silences are a burst: the next silence spins first again. */
    static final int PACED_RECORDS = 2_048;

    private final LongConsumer parker;
    private final RingDoorbell doorbell;
    private int spins;
    private int yields;
    /** The next park's length. */
    private long parkNanos = MIN_PARK_NANOS;
    /** The longest park once a stop was asked for: the source's end is then noticed within it. */
    static final long STOPPING_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    /** Parked so far in this idle stretch (the timed parks by their lengths, no clock read; a doorbell sleep as timed). */
    private long parkedNanos;
    /** Whether the ring has been found empty since the last records: a silence is under way. */
    private boolean silent;
    /** How long the last silence was parked through (0 when it ended spinning or yielding). */
    private long lastSilenceNanos;
    /** Records read since the last silence ended. */
    private long recordsSinceSilence;
    /** Set by the thread asking for a stop, read by the ingest before each park. */
    private volatile boolean stopping;

    /**
     * The ingest's: parks with {@link LockSupport#parkNanos(long)}.
     *
     * @param doorbell the shared ring's, slept on once parks grow long, when its producer rings it.
     */
    IngestIdle(final RingDoorbell doorbell)
    {
        this(LockSupport::parkNanos, doorbell);
    }

    /**
     * @param parker   parks the calling thread for the given nanoseconds.
     * @param doorbell the shared ring's, slept on once parks grow long, when its producer rings it.
     */
    IngestIdle(final LongConsumer parker, final RingDoorbell doorbell)
    {
        this.parker = parker;
        this.doorbell = doorbell;
    }

    @Override
    public void idle(final int workCount)
    {
        if (workCount > 0)
        {
            records(workCount);
        }
        else
        {
            idle();
        }
    }

    /** One empty poll, nothing held for a later pass (see {@link #idle(boolean)}). */
    @Override
    public void idle()
    {
        idle(false);
    }

    /**
     * One empty poll: spin, yield or park, by how many empty polls came before it.
     *
     * @param recordsHeld whether the ingest holds records a later pass passes on ({@code sort-events}): no sleep on the
     *                    doorbell then, whose ring would not come for them.
     */
    void idle(final boolean recordsHeld)
    {
        if (!silent)
        {
            silenceStarts();
        }
        if (spins < SPINS)
        {
            spins++;
            Thread.onSpinWait();
        }
        else if (yields < YIELDS)
        {
            yields++;
            Thread.yield();
        }
        else
        {
            final long park = stopping ? Math.min(parkNanos, STOPPING_PARK_NANOS) : parkNanos;
            if (!stopping && !recordsHeld && doorbell.isRung())
            {
                sleepArmed();
            }
            else
            {
                parker.accept(park);
                parkedNanos += park;
            }
            parkNanos = Math.min(parkNanos << 1, parkedNanos >= QUIET_NANOS ? QUIET_PARK_NANOS : MAX_PARK_NANOS);
        }
    }

    /**
     * Sleep on the doorbell; the time it lasted (a ring ends it at any moment) counts as parked. A ring found not empty
     * once armed (a record claimed, not yet written: the loader between the two) is waited on with the shortest park,
     * not polled flat out.
     */
    private void sleepArmed()
    {
        final long start = System.nanoTime();
        if (!doorbell.sleepArmed(RingDoorbell.ARMED_PARK_NANOS))
        {
            parker.accept(MIN_PARK_NANOS);
        }
        parkedNanos += System.nanoTime() - start;
    }

    /**
     * A stop was asked for (any thread): a sleep on the doorbell ends, and parks stay short from now on, so the
     * source's end is noticed at once.
     */
    void stopping()
    {
        stopping = true;
        doorbell.wake();
    }

    /**
     * A pass read records.
     *
     * @param count how many.
     */
    void records(final int count)
    {
        if (silent)
        {
            silent = false;
            lastSilenceNanos = parkedNanos;
            recordsSinceSilence = 0;
        }
        recordsSinceSilence += count;
        reset();
    }

    /** The first empty poll after records: paced batches start it parked (see the class comment). */
    private void silenceStarts()
    {
        silent = true;
        if (lastSilenceNanos >= PACED_NANOS && recordsSinceSilence < PACED_RECORDS)
        {
            spins = SPINS;
            yields = YIELDS;
            parkNanos = Math.min(lastSilenceNanos >> 1, MAX_PARK_NANOS);
        }
    }

    /** Poll fast again (from spinning) at the next empty poll; the pacing seen so far is kept. */
    @Override
    public void reset()
    {
        spins = 0;
        yields = 0;
        parkNanos = MIN_PARK_NANOS;
        parkedNanos = 0;
    }

    @Override
    public String alias()
    {
        return "ingest";
    }
}
