package io.sluice.engine;

import com.lmax.disruptor.RingBuffer;
import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.EventEncoder;
import io.sluice.codec.sbe.KernelEventDecoder;
import io.sluice.process.KernelEventEnricher;
import io.sluice.codec.sbe.LossDecoder;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.detect.DetectorSet;
import io.sluice.filter.export.ExportFilters;
import io.sluice.filter.field.FieldFilters;
import io.sluice.filter.lineage.LineageMarker;
import io.sluice.filter.redact.RedactionFilters;
import io.sluice.parse.ArgumentParsing;
import io.sluice.policy.EventView;
import io.sluice.policy.PolicySet;
import io.sluice.ring.EventSlot;
import io.sluice.ring.RecordType;
import io.sluice.ring.SharedRing;
import io.sluice.sort.EventOrder;
import io.sluice.source.EventSource;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import java.util.function.Function;

/**
 * The ingest thread's work: drain the shared ring (in arrival or timestamp order, {@link EventOrder}), enrich raw
 * kernel records into events (process tree), decode what the filters need once, render the arguments Tracee parses
 * ({@link ArgumentParsing}), and publish each event into the main Disruptor ring. Runs until its source is done and
 * the shared ring is empty. Allocates nothing per record.
 */
final class IngestLoop implements Runnable, MessageHandler
{
    private static final int READ_LIMIT = 256;

    private final org.agrona.concurrent.ringbuffer.RingBuffer sharedRing;
    private final RingBuffer<EventSlot> mainRing;
    private final EventSource source;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final EventDecoder event = new EventDecoder();
    private final EventEncoder matchedEncoder = new EventEncoder();
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
    private final EventView view;
    private final ExpandableArrayBuffer redacted = new ExpandableArrayBuffer(4096);
    private final ExpandableArrayBuffer masked = new ExpandableArrayBuffer(4096);
    private final ExpandableArrayBuffer detection = new ExpandableArrayBuffer(4096);
    private final EventOrder order;
    private final ArgumentParsing arguments;
    private final ExpandableArrayBuffer parsed = new ExpandableArrayBuffer(4096);
    private final IngestCounters counters = new IngestCounters();
    /** When this pass over the shared ring started: each event it publishes carries it ({@link EventSlot#entryNanos()}). */
    private long passNanos;
    private volatile Throwable failure;

    IngestLoop(
        final SharedRing sharedRing,
        final RingBuffer<EventSlot> mainRing,
        final EventSource source,
        final KernelEventEnricher enricher,
        final IngestStages stages,
        final EventView view,
        final Function<MessageHandler, EventOrder> order,
        final ArgumentParsing arguments)
    {
        this.order = order.apply(this);
        this.arguments = arguments;
        this.stages = stages;
        this.active = stages;
        this.sharedRing = sharedRing.ring();
        this.idle = new IngestIdle(sharedRing.doorbell());
        this.mainRing = mainRing;
        this.source = source;
        this.enricher = enricher;
        this.view = view;
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
        idle.runsOn(Thread.currentThread());
        try
        {
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
    }

    /**
     * @return false once the source is done and the shared ring is empty. A read that hands over no message is not
     *         proof of that: Agrona reads no further than the ring's end, and when all it found there was the padding
     *         before a record written at the ring's start, it consumed the padding and returned 0.
     */
    private boolean pass()
    {
        final boolean done = source.isDone();
        passNanos = System.nanoTime();
        final long head = sharedRing.consumerPosition();
        final int read = sharedRing.read(order, READ_LIMIT);
        order.tick();
        if (read > 0)
        {
            idle.records(read);
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
            publish(buffer, index, length, -1);
        }
        else if (msgTypeId == RecordType.KERNEL_EVENT && enricher != null &&
            header.templateId() == KernelEventDecoder.TEMPLATE_ID && header.schemaId() == KernelEventDecoder.SCHEMA_ID)
        {
            final int enrichedLength = enricher.enrich(buffer, index, enriched);
            if (enrichedLength > 0)
            {
                counters.onIngested();
                // the enricher wrote the kernel record's event id, and no matched policies yet
                publish(enriched, 0, enrichedLength, enricher.eventId());
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


    /**
     * @param knownEventId the record's event id when the caller knows it (and that it matched no policy yet), else -1:
     *                     the record is decoded for it.
     */
    private void publish(final MutableDirectBuffer buffer, final int index, final int length, final int knownEventId)
    {
        final IngestStages stage = active;
        if (stage.none())
        {
            if (knownEventId >= 0)
            {
                publishRecord(buffer, index, length, knownEventId, 0);
            }
            else
            {
                publishRecord(buffer, index, length);
            }
            return;
        }
        final PolicySet policies = stage.policies;
        final DetectorSet detectors = stage.detectors;
        if (stage.policiesOnly())
        {
            // events whose verdict is their id alone (--events openat, rules without filters) skip the full decode
            final int eventId = knownEventId >= 0 ? knownEventId : eventId(buffer, index);
            if (!policies.needsEvent(eventId) && (detectors == null || detectors.watching(eventId) == 0))
            {
                final long matched = policies.matchById(eventId);
                if (matched == 0)
                {
                    counters.onUnmatched();
                }
                else
                {
                    counters.policyMatches().count(matched);
                    matchedEncoder.wrap(buffer, index + MessageHeaderDecoder.ENCODED_LENGTH).policiesMatched(matched)
                        .presence().policies(true);
                    publishRecord(buffer, index, length, eventId, matched);
                }
                return;
            }
        }
        view.wrap(buffer, index, length);
        if (policies != null)
        {
            // the matched-policies bitmap, once per event; what no policy matched goes no further
            final long matched = policies.match(view);
            if (matched == 0)
            {
                counters.onUnmatched();
            }
            else
            {
                counters.policyMatches().count(matched);
                view.policiesMatched(matched);
                exportIfKept(buffer, index, length);
            }
        }
        else
        {
            exportIfKept(buffer, index, length);
        }
        if (detectors != null)
        {
            detect(buffer, index, length);
        }
    }

    /** Detectors watching the event (published or not) raise derived events, which policies select in turn. */
    private void detect(final MutableDirectBuffer buffer, final int index, final int length)
    {
        final DetectorSet detectors = active.detectors;
        final PolicySet policies = active.policies;
        final int watching = detectors.watching(view.eventId());
        boolean rewrap = false;
        for (int k = 0; k < watching; k++)
        {
            if (rewrap)
            {
                view.wrap(buffer, index, length);
            }
            final int detectionLength = detectors.detect(k, view, detection);
            if (detectionLength > 0)
            {
                rewrap = true;
                final long matched = policies.match(view.wrap(detection, 0, detectionLength));
                if (matched != 0)
                {
                    counters.policyMatches().count(matched);
                    view.policiesMatched(matched);
                    exportIfKept(detection, 0, detectionLength);
                }
            }
        }
    }

    /** The export allowlist and denylist, then redaction, on the decoded view, before any stream sees the event. */
    private void exportIfKept(final MutableDirectBuffer buffer, final int index, final int length)
    {
        final IngestStages stage = active;
        final LineageMarker lineage = stage.lineage;
        final ExportFilters exportFilters = stage.exportFilters;
        final RedactionFilters redactions = stage.redactions;
        final FieldFilters fieldFilters = stage.fieldFilters;
        if (lineage != null)
        {
            lineage.mark(view);
        }
        if (exportFilters != null && !exportFilters.keep(view))
        {
            counters.onExportFiltered();
            return;
        }
        final int redactedLength = redactions == null ? 0 : redactions.redact(view, redacted);
        final MutableDirectBuffer record = redactedLength > 0 ? redacted : buffer;
        final int recordIndex = redactedLength > 0 ? 0 : index;
        final int recordLength = redactedLength > 0 ? redactedLength : length;
        final int maskedLength = fieldFilters == null ? 0 : fieldFilters.apply(view.eventId(), record, recordIndex, masked);
        if (maskedLength > 0)
        {
            // the record may have lost its id and matched policies: streams still filter on the event's own
            publishRecord(masked, 0, maskedLength, view.eventId(), view.policiesMatched());
        }
        else
        {
            publishRecord(record, recordIndex, recordLength);
        }
    }

    private int eventId(final MutableDirectBuffer buffer, final int index)
    {
        header.wrap(buffer, index);
        event.wrap(buffer, index + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        return event.eventId();
    }

    private void publishRecord(final MutableDirectBuffer buffer, final int index, final int length)
    {
        header.wrap(buffer, index);
        event.wrap(buffer, index + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        publishRecord(buffer, index, length, event.eventId(), event.policiesMatched());
    }

    private void publishRecord(
        final MutableDirectBuffer buffer, final int index, final int length, final int eventId, final long policies)
    {
        final int parsedLength = arguments.parse(eventId, buffer, index, length, parsed);
        final long claimed = mainRing.next();
        try
        {
            final EventSlot slot = mainRing.get(claimed);
            if (parsedLength > 0)
            {
                slot.set(parsed, 0, parsedLength, eventId, policies, claimed);
            }
            else
            {
                slot.set(buffer, index, length, eventId, policies, claimed);
            }
            slot.stamp(passNanos);
            slot.generation(active.generation);
        }
        finally
        {
            mainRing.publish(claimed);
        }
        counters.onPublished();
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
