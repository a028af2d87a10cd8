package io.sluice.stream;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import io.sluice.config.BufferMode;
import io.sluice.format.EventFormatter;
import io.sluice.ring.EventSlot;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * A stream's consumer: renders each event once per formatter, offers the rendering to every destination using it,
 * gives the event's slot back to the ring, pushes what destinations hold at the end of each batch, and settles each
 * event in a {@link DeliveryLedger} as the destinations' receipts come in. Failed pushes are retried per
 * {@link OutputState}: a block stream holds back (its ring fills, and the main ring and the source feel it) until the
 * write is accepted or the drain deadline at exit passes; a drop stream counts what the failing destination is given as
 * failed. Nothing escapes: an exception from a formatter or destination fails that event at that destination and is
 * reported once.
 */
final class StreamWriter implements EventHandler<EventSlot>
{
    /** Most events between being offered and settled (a destination holding more refuses offers until pushed). */
    static final int LEDGER_CAPACITY = 8192;

    private final String streamName;
    private final StreamEnvironment environment;
    private final boolean block;
    private final Renderer[] renderers;
    private final Renderer[] rendererOf;
    private final OutputState[] outputs;
    private final DeliveryLedger ledger;
    private final StreamCounters counters;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final CountDownLatch running;
    private final PollingWait polling;
    private boolean gaveUp;
    /**
     * The writer's place in its ring, which the batch processor gives ({@link #setSequenceCallback}): set after each
     * event's offers, so the ring's slot (and the shared rendering in it) can be reused while a push of the batch blocks.
     */
    private Sequence processed = new Sequence();
    /**
     * Set by the thread draining the stream ({@link #abandon()}) once the drain deadline and its grace passed with
     * events still in the ring; read by the writer thread at each event (volatile).
     */
    private volatile boolean abandoned;

    StreamWriter(
        final LatencyHistogram latency,
        final String streamName,
        final BufferMode mode,
        final StreamOutput[] outputs,
        final DestinationCounters[] destinationCounters,
        final StreamCounters counters,
        final StreamEnvironment environment,
        final CountDownLatch running,
        final PollingWait polling)
    {
        this.running = running;
        this.polling = polling;
        this.streamName = streamName;
        this.environment = environment;
        this.block = mode == BufferMode.BLOCK;
        this.counters = counters;
        this.ledger = new DeliveryLedger(LEDGER_CAPACITY, destinationCounters, counters, latency);
        final Map<EventFormatter, Renderer> distinct = new IdentityHashMap<>();
        this.rendererOf = new Renderer[outputs.length];
        this.outputs = new OutputState[outputs.length];
        for (int d = 0; d < outputs.length; d++)
        {
            final StreamOutput output = outputs[d];
            rendererOf[d] = distinct.computeIfAbsent(output.formatter(),
                formatter -> new Renderer(formatter, output.shared()));
            this.outputs[d] = new OutputState(streamName, d, outputs[d], ledger, destinationCounters[d], environment, block);
        }
        this.renderers = distinct.values().toArray(new Renderer[0]);
    }

    @Override
    public void setSequenceCallback(final Sequence sequence)
    {
        this.processed = sequence;
    }

    @Override
    public void onStart()
    {
        for (final OutputState output : outputs)
        {
            output.startOpening();
        }
        running.countDown();
    }

    @Override
    public void onEvent(final EventSlot slot, final long sequence, final boolean endOfBatch)
    {
        if (gaveUp || abandoned)
        {
            giveUp();
            counters.onUndelivered();
            return;
        }
        for (final Renderer renderer : renderers)
        {
            renderer.render(slot, streamName, environment.problems());
        }
        if (ledger.full() && !makeRoom())
        {
            counters.onUndelivered();
            return;
        }
        final long event = ledger.open(slot.entryNanos());
        for (int d = 0; d < outputs.length; d++)
        {
            final Renderer renderer = rendererOf[d];
            if (!renderer.rendered())
            {
                ledger.failWithout(d, event);
                continue;
            }
            if (!outputs[d].offer(event, renderer.bytes(slot), renderer.length(), slot.eventId(), slot.buffer(),
                slot.length()))
            {
                giveUp();
                return;
            }
        }
        // every destination copied the event (Destination.offer), so its slot is free before the push: a release store,
        // ordered after this thread's reads of the slot, read by the router (the ring's room) and the shared renderings
        // (Disruptor's sequence callback, meant for a handler that batches into I/O). The ledger, not the ring, counts
        // what is still undelivered: the stream's drain waits for the writer to finish, not just for its ring.
        processed.set(sequence);
        if (endOfBatch)
        {
            pushAll();
        }
    }

    /**
     * No event came within the interval an asynchronous destination asked for (see {@link PollingWait}): report the
     * acknowledgements that came in and send what lingers.
     */
    @Override
    public void onTimeout(final long sequence)
    {
        pushAll();
    }

    @Override
    public void onShutdown()
    {
        try
        {
            for (final OutputState output : outputs)
            {
                output.draining();
            }
            pushAll();
            if (!gaveUp)
            {
                while (!ledger.empty() && !environment.deadline().passed(System.nanoTime()))
                {
                    pushAll();
                    if (!ledger.empty())
                    {
                        LockSupport.parkNanos(1_000_000L);
                    }
                }
                if (!ledger.empty())
                {
                    giveUp();
                }
            }
            for (int d = 0; d < outputs.length; d++)
            {
                outputs[d].close();
                outputs[d].reportLateAccepted(ledger.lateAccepted(d));
            }
        }
        finally
        {
            finished.countDown();
        }
    }

    /**
     * @return one renderer per distinct formatter of the stream (the router group tells those it renders, before
     *         the writer starts).
     */
    Renderer[] renderers()
    {
        return renderers.clone();
    }

    /**
     * @return true when the writer needs each event's record: a format it renders itself (one the router group does not
     *         render for it, or one that passes records through) or a destination that reads the record
     *         ({@link OutputState#readsRecord}).
     */
    boolean needsRecords()
    {
        for (final Renderer renderer : renderers)
        {
            if (!renderer.renderedByGroup())
            {
                return true;
            }
        }
        for (final OutputState output : outputs)
        {
            if (output.readsRecord())
            {
                return true;
            }
        }
        return false;
    }

    /**
     * From the thread draining the stream, past the drain deadline and its grace: the writer gives up, and counts every
     * event still in its ring undelivered as it takes it.
     */
    void abandon()
    {
        abandoned = true;
    }

    /**
     * From another thread, past the drain deadline: make pushes blocked in the kernel fail, so the writer can give up.
     */
    void unblock()
    {
        for (final OutputState output : outputs)
        {
            output.unblock();
        }
    }

    /**
     * @return counted down once the writer has pushed, settled and closed everything at shutdown.
     */
    CountDownLatch finished()
    {
        return finished;
    }

    private void pushAll()
    {
        if (gaveUp)
        {
            return;
        }
        long pollNanos = 0;
        for (final OutputState output : outputs)
        {
            if (!output.push())
            {
                giveUp();
                break;
            }
            final long interval = output.pollIntervalNanos();
            if (interval > 0 && (pollNanos == 0 || interval < pollNanos))
            {
                pollNanos = interval;
            }
        }
        if (polling != null)
        {
            polling.pollWithin(gaveUp ? 0 : pollNanos);
        }
    }

    /**
     * The ledger is full: push until some event settles.
     *
     * @return false when the run gave up meanwhile.
     */
    private boolean makeRoom()
    {
        while (ledger.full())
        {
            pushAll();
            if (gaveUp)
            {
                return false;
            }
            if (ledger.full())
            {
                if (environment.deadline().passed(System.nanoTime()))
                {
                    giveUp();
                    return false;
                }
                LockSupport.parkNanos(1_000_000L);
            }
        }
        return true;
    }

    /**
     * The drain deadline passed with events still held back: count them, and everything after them, undelivered.
     */
    private void giveUp()
    {
        if (gaveUp)
        {
            return;
        }
        gaveUp = true;
        ledger.giveUp();
        for (final OutputState output : outputs)
        {
            output.abandon();
        }
        ledger.abandon();
        environment.problems().report("stream " + streamName + ": drain",
            "stream " + streamName + ": drain timeout passed with events not delivered; they are counted undelivered");
    }
}
