package io.sluice.stream;

import io.sluice.config.RetryPolicy;
import io.sluice.destination.Destination;
import io.sluice.destination.DestinationGoneException;
import org.agrona.DirectBuffer;

import java.io.IOException;
import java.util.concurrent.locks.LockSupport;

/**
 * One destination as its stream's writer sees it: opening (on a thread of its own, so a FIFO without a reader
 * delays only this stream), open, or gone; and, after a failed push, how long it backs off. Block streams wait for
 * an opening destination and retry a failed push until it is accepted or the drain deadline passes; drop streams
 * wait for nothing: what a destination cannot take now is counted failed. Used by the writer thread only (the
 * opener thread hands the opened destination over through its {@link DestinationOpening}).
 */
final class OutputState
{
    private static final long WAIT_SLICE_NANOS = 10_000_000L;

    private final String stream;
    private final int index;
    private final Destination destination;
    private final byte[] preamble;
    private final RetryPolicy retry;
    private final DeliveryLedger ledger;
    private final DestinationCounters counters;
    private final StreamEnvironment environment;
    private final boolean block;
    private final String problemKey;
    private final DestinationOpening opening;
    private boolean open;
    private boolean gone;
    private long backoffNanos;
    private boolean backingOff;
    private long retryAtNanos;

    OutputState(
        final String stream,
        final int index,
        final StreamOutput output,
        final DeliveryLedger ledger,
        final DestinationCounters counters,
        final StreamEnvironment environment,
        final boolean block)
    {
        this.stream = stream;
        this.index = index;
        this.destination = output.destination();
        this.preamble = output.formatter().preamble();
        this.retry = output.retry();
        this.ledger = ledger;
        this.counters = counters;
        this.environment = environment;
        this.block = block;
        this.problemKey = "stream " + stream + ": destination " + destination.name();
        this.opening = new DestinationOpening(destination);
    }

    /**
     * @return true when the destination reads each event's record beside its rendering: it overrides the offer that
     *         takes the record ({@link Destination#offer(DirectBuffer, int, int, DirectBuffer, int)}), whose default
     *         does not need it.
     */
    boolean readsRecord()
    {
        try
        {
            return destination.getClass().getMethod("offer", DirectBuffer.class, int.class, int.class, DirectBuffer.class,
                int.class).getDeclaringClass() != Destination.class;
        }
        catch (final NoSuchMethodException ex)
        {
            // every destination has it (the interface's default): count it as reading, which is always safe
            return true;
        }
    }

    /**
     * Open the destination on a thread of its own.
     */
    void startOpening()
    {
        opening.start(environment.threads(), "sluice-open-" + stream + "-" + destination.name(), preamble,
            ledger.receipts(index));
    }

    /**
     * Offer one rendered event.
     *
     * @param event   its number in the ledger.
     * @param bytes   the rendering.
     * @param length  its length.
     * @param eventId the event's id, for reports.
     * @param record  the event's enriched record (at offset 0), for a destination that reads it.
     * @param recordLength its length.
     * @return false when the writer must give up: the drain deadline passed while this block stream was holding back.
     */
    boolean offer(final long event, final DirectBuffer bytes, final int length, final int eventId, final DirectBuffer record,
        final int recordLength)
    {
        if (!open && !gone && !awaitOpen())
        {
            return false;
        }
        if (gone || !open || (backingOff && System.nanoTime() - retryAtNanos < 0))
        {
            ledger.failWithout(index, event);
            return true;
        }
        ledger.held(index, event, length);
        try
        {
            while (!destination.offer(bytes, 0, length, record, recordLength))
            {
                if (!push())
                {
                    return false;
                }
                if (gone)
                {
                    return true;
                }
                if (backingOff)
                {
                    // a drop stream whose destination just failed (or still holds a torn event): it cannot take this one
                    ledger.failLastHeld(index);
                    return true;
                }
            }
        }
        catch (final Throwable ex)
        {
            environment.problems().report(problemKey + ": offer",
                problemKey + ": cannot take event id " + eventId + ": " + ex);
            ledger.failLastHeld(index);
            if (ex instanceof Error)
            {
                // an Error from a destination (a journal's mapped file on a full disk) leaves it in no known state
                giveUpOn(ex);
            }
            return true;
        }
        return !destination.flushesEachEvent() || push();
    }

    /**
     * Push what the destination holds, retrying per the stream's mode.
     *
     * @return false when the writer must give up: the drain deadline passed while this block stream was retrying.
     */
    boolean push()
    {
        if (!open)
        {
            return true;
        }
        try
        {
            destination.poll();
            if (destination.pending() == 0)
            {
                return true;
            }
            if (backingOff && System.nanoTime() - retryAtNanos < 0)
            {
                destination.discard();
                return true;
            }
        }
        catch (final Throwable ex)
        {
            giveUpOn(ex);
            return true;
        }
        while (true)
        {
            if (backoffNanos != 0)
            {
                counters.onRetried();
            }
            try
            {
                destination.flush();
                backoffNanos = 0;
                backingOff = false;
                return true;
            }
            catch (final DestinationGoneException ex)
            {
                giveUpOn(ex);
                return true;
            }
            catch (final Error ex)
            {
                giveUpOn(ex);
                return true;
            }
            catch (final IOException | RuntimeException ex)
            {
                environment.problems().report(problemKey + ": write",
                    problemKey + ": write failed: " + IoProblemText.describe(ex) + (block
                        ? " (retrying; the stream holds back)" : " (retrying later; meanwhile its events count failed)"));
                backoffNanos = retry.nextBackoffNanos(backoffNanos);
                if (!block)
                {
                    discardQuietly();
                    backingOff = true;
                    retryAtNanos = System.nanoTime() + backoffNanos;
                    return true;
                }
                if (!sleep(backoffNanos))
                {
                    return false;
                }
            }
        }
    }

    /**
     * @return how soon the writer must push again when no event comes: the destination's poll interval while it has
     * events pending, else 0.
     */
    long pollIntervalNanos()
    {
        return open && destination.pending() > 0 ? destination.pollIntervalNanos() : 0;
    }

    /**
     * The run is stopping: the destination pushes what it holds without waiting for more.
     */
    void draining()
    {
        // on this thread, as every call but open and unblock, whether or not the destination has opened yet
        destination.draining();
    }

    /**
     * The run gave up at exit: the destination drops what it holds (the ledger counts it undelivered) and is used no
     * more, but for closing.
     */
    void abandon()
    {
        if (open)
        {
            discardQuietly();
            open = false;
            gone = true;
        }
    }

    /**
     * From another thread, past the drain deadline: make a push blocked in the kernel fail.
     */
    void unblock()
    {
        if (opening.opened())
        {
            destination.unblock();
        }
    }

    /**
     * The destination is gone for good (its reader left, or it failed in a way that leaves it in no known state): what
     * it holds, and every event it is given from now on, counts failed.
     */
    private void giveUpOn(final Throwable why)
    {
        environment.problems().report(problemKey + ": gone", problemKey + ": " +
            (why instanceof DestinationGoneException ? why.getMessage() : "failed: " + why) +
            ": its events are counted failed from now on");
        gone = true;
        open = false;
        counters.onGone();
        discardQuietly();
        ledger.failHeld(index);
    }

    private void discardQuietly()
    {
        try
        {
            destination.discard();
        }
        catch (final Throwable ex)
        {
            environment.problems().report(problemKey + ": discard", problemKey + ": discard failed: " + ex);
        }
    }

    /**
     * @param late events this destination held when the run gave up, counted undelivered, that it then reported accepted.
     */
    void reportLateAccepted(final long late)
    {
        if (late > 0)
        {
            environment.problems().report(problemKey + ": late", problemKey + ": " + late + " events counted undelivered"
                + " at the drain deadline were acknowledged by the destination afterwards (it has them)");
        }
    }

    /**
     * Release the destination (the writer pushed what it could before).
     */
    void close()
    {
        if (!open && !gone)
        {
            return;
        }
        try
        {
            destination.close();
        }
        catch (final Throwable ex)
        {
            environment.problems().report(problemKey + ": close",
                problemKey + ": close failed: " + IoProblemText.describe(ex));
        }
    }

    /**
     * Wait for the destination to open. Both modes wait: until then the stream's ring fills, and a drop stream drops
     * (and counts) at its router what does not fit.
     *
     * @return false when the drain deadline passed before the destination opened.
     */
    private boolean awaitOpen()
    {
        while (!opening.isDone())
        {
            if (!sleep(WAIT_SLICE_NANOS))
            {
                return false;
            }
        }
        final Throwable failure = opening.failure();
        if (failure == null)
        {
            open = true;
        }
        else
        {
            environment.problems().report(problemKey + ": open",
                problemKey + ": cannot open: " + IoProblemText.describe(failure) + ": its events are counted failed");
            gone = true;
            counters.onGone();
        }
        return true;
    }

    /**
     * @param nanos how long to wait.
     * @return false when the drain deadline passed.
     */
    private boolean sleep(final long nanos)
    {
        final long until = System.nanoTime() + nanos;
        long now;
        while ((now = System.nanoTime()) - until < 0)
        {
            if (environment.deadline().passed(now))
            {
                return false;
            }
            LockSupport.parkNanos(Math.min(until - now, WAIT_SLICE_NANOS));
        }
        return !environment.deadline().passed(System.nanoTime());
    }
}
