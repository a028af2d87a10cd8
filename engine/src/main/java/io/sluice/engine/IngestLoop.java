package io.sluice.engine;

import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.KernelEventDecoder;
import io.sluice.process.KernelEventEnricher;
import io.sluice.codec.sbe.LossDecoder;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.parse.ArgumentParsing;
import io.sluice.policy.EventView;
import io.sluice.ring.BatchedSignalWaitStrategy;
import io.sluice.ring.RecordType;
import io.sluice.ring.SharedRing;
import io.sluice.sort.EventOrder;
import io.sluice.source.EventSource;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The ingest thread's work: drain the shared ring (in arrival or timestamp order, {@link EventOrder}), enrich raw
 * kernel records into events (process tree), count what the producer lost, and hand each event to the stages in force
 * ({@link IngestDecision}), which publish what they keep into the main Disruptor ring ({@link MainRingPublisher}). A
 * reload swaps the stages between two records. Runs until its source is done and the shared ring is empty. Allocates
 * nothing per record.
 */
final class IngestLoop implements Runnable, MessageHandler
{
    private static final int READ_LIMIT = 256;
    /**
     * The longest a published event waits for the routers' signal while the shared ring never empties (a busy host
     * whose stages keep few records: the quarter of the main ring that would signal may take long to fill).
     */
    private static final long SIGNAL_WITHIN_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final org.agrona.concurrent.ringbuffer.RingBuffer sharedRing;
    private final EventSource source;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final LossDecoder loss = new LossDecoder();
    private final KernelEventEnricher enricher;
    private final ExpandableArrayBuffer enriched = new ExpandableArrayBuffer(4096);
    /** How this thread waits on an empty shared ring; told of a stop request by another thread. */
    private final IngestIdle idle;
    /**
     * The stages in force: written by a reload (the signal thread, {@link #reload}), read once per record by the ingest
     * thread into {@link #active}. The volatile write publishes the whole set, built before it; the volatile read at the
     * start of a record sees it whole (happens-before), so each record is decided by exactly one set.
     */
    private volatile IngestStages stages;
    /** The set deciding the record being handled: the ingest thread's own copy of {@link #stages}. */
    private IngestStages active;
    private final EventOrder order;
    private final IngestCounters counters = new IngestCounters();
    private final MainRingPublisher publisher;
    /** The main ring's signals to its consumers, deferred while a pass publishes: passed on before this thread waits. */
    private final BatchedSignalWaitStrategy signals;
    /** When a pass last began with the deferred signals passed on (or looked at: nothing deferred is a no-op). */
    private long signalledNanos;
    private final IngestDecision decision;
    /** The streams' routers when this thread runs them ({@link RoutingOnIngest}): shown each pass's events at its end. */
    private final RoutingOnIngest routing;
    private volatile Throwable failure;

    IngestLoop(
        final SharedRing sharedRing,
        final IngestSlots slots,
        final BatchedSignalWaitStrategy mainRingSignals,
        final EventSource source,
        final KernelEventEnricher enricher,
        final IngestStages stages,
        final EventView view,
        final Function<MessageHandler, EventOrder> order,
        final ArgumentParsing arguments,
        final RoutingOnIngest routing)
    {
        this.order = order.apply(this);
        this.stages = stages;
        this.active = stages;
        this.sharedRing = sharedRing.ring();
        this.idle = new IngestIdle(sharedRing.doorbell());
        this.source = source;
        this.enricher = enricher;
        this.signals = mainRingSignals;
        this.routing = routing;
        this.publisher = new MainRingPublisher(slots, arguments, counters, routing);
        this.decision = new IngestDecision(view, publisher, counters);
    }

    /**
     * Put a new set of stages in force from the next record on (any thread; the ingest thread picks it up at its next
     * record).
     *
     * @param next the new set, compiled whole.
     */
    void reload(final IngestStages next)
    {
        stages = next;
    }

    /** @return the set in force now. */
    IngestStages stages()
    {
        return stages;
    }

    /**
     * A stop was asked for (from any thread): the ingest stops its long parks, so the source's end is noticed within a
     * millisecond.
     */
    void stopRequested()
    {
        idle.stopping();
    }

    @Override
    public void run()
    {
        signals.publishesOnThisThread();
        try
        {
            routing.start();
            while (pass())
            {
                // one pass per call: on an idle host this loop turns a few hundred times a second, too few for the JIT's
                // on-stack replacement, so a pass written inline here stayed interpreted (~1 µs a turn); a method is
                // compiled after a few hundred calls
            }
        }
        catch (final Throwable ex)
        {
            failure = ex;
            source.requestStop();
        }
        finally
        {
            routing.endOfPass();
            signals.signalNow();
        }
    }

    /**
     * @return false once the source is done and the shared ring is empty. A read that hands over no message is not
     *         proof of that: Agrona reads no further than the ring's end, and when all it found there was the padding
     *         before a record written at the ring's start, it consumed the padding and returned 0.
     */
    private boolean pass()
    {
        final boolean done = source.isDone();
        final long now = System.nanoTime();
        publisher.passBegins(now);
        final long head = sharedRing.consumerPosition();
        final int read = sharedRing.read(order, READ_LIMIT);
        order.tick();
        // what the pass (or the order's release) routed reaches the writers now, before this thread reads on or waits
        routing.endOfPass();
        if (read > 0)
        {
            idle.records(read);
            if (now - signalledNanos >= SIGNAL_WITHIN_NANOS)
            {
                signals.signalNow();
                signalledNanos = now;
            }
        }
        else if (sharedRing.consumerPosition() != head)
        {
            // only padding: the records after it are at the ring's start, read them at once
            return true;
        }
        else if (done)
        {
            order.flush();
            return false;
        }
        else
        {
            signals.signalNow();
            signalledNanos = now;
            idle.idle(order.holding());
        }
        return true;
    }

    @Override
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            reject();
            return;
        }
        header.wrap(buffer, index);
        active = stages;
        if (msgTypeId == RecordType.EVENT && header.templateId() == EventDecoder.TEMPLATE_ID &&
            header.schemaId() == EventDecoder.SCHEMA_ID)
        {
            counters.onIngested();
            decision.decide(active, buffer, index, length, -1);
        }
        else if (msgTypeId == RecordType.KERNEL_EVENT && enricher != null &&
            header.templateId() == KernelEventDecoder.TEMPLATE_ID && header.schemaId() == KernelEventDecoder.SCHEMA_ID)
        {
            final int enrichedLength = enricher.enrich(buffer, index, enriched);
            if (enrichedLength > 0)
            {
                counters.onIngested();
                // the enricher wrote the kernel record's event id, and no matched policies yet
                decision.decide(active, enriched, 0, enrichedLength, enricher.eventId());
            }
            else
            {
                // a fork/exec/exit kept for the process tree only: no one selected it, so it is not an event here
                counters.onProcessTreeOnly();
            }
        }
        else if (msgTypeId == RecordType.LOSS && header.templateId() == LossDecoder.TEMPLATE_ID)
        {
            loss.wrap(buffer, index + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
            counters.onLostUpstream(loss.lost());
        }
        else
        {
            reject();
        }
    }

    private void reject()
    {
        counters.onIngested();
        counters.onRejected();
    }


    /** @return what the ingest counts. */
    IngestCounters counters()
    {
        return counters;
    }

    Throwable failure()
    {
        return failure;
    }
}
