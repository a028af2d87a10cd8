package io.sluice.engine;

import io.sluice.codec.sbe.MatchedPoliciesWriter;
import io.sluice.detect.DetectorSet;
import io.sluice.filter.export.ExportFilters;
import io.sluice.filter.field.FieldFilters;
import io.sluice.filter.lineage.LineageMarker;
import io.sluice.filter.redact.RedactionFilters;
import io.sluice.policy.EventView;
import io.sluice.policy.PolicySet;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * What becomes of each event the ingest reads, by the stages in force ({@link IngestStages}), in this order: the
 * policies' matched bitmap (what no policy matched goes no further), the lineage marks, the export allowlist and
 * denylist, redaction and the field filters, before the event reaches the main ring ({@link MainRingPublisher}); and
 * the detectors watching it, whose derived events the policies select in turn. Each event is decoded once, into one
 * {@link EventView}; an event whose verdict its id alone decides is not decoded at all. Every outcome is counted
 * ({@link IngestCounters}). Used by the ingest thread only; allocates nothing per event.
 */
final class IngestDecision
{
    private final EventView view;
    private final MainRingPublisher publisher;
    private final IngestCounters counters;
    private final MatchedPoliciesWriter matchedPolicies = new MatchedPoliciesWriter();
    private final ExpandableArrayBuffer redacted = new ExpandableArrayBuffer(4096);
    private final ExpandableArrayBuffer masked = new ExpandableArrayBuffer(4096);
    private final ExpandableArrayBuffer detection = new ExpandableArrayBuffer(4096);

    IngestDecision(final EventView view, final MainRingPublisher publisher, final IngestCounters counters)
    {
        this.view = view;
        this.publisher = publisher;
        this.counters = counters;
    }

    /**
     * @param stage        the stages deciding this record.
     * @param buffer       the record.
     * @param index        where it starts (its message header).
     * @param length       its length.
     * @param knownEventId the record's event id when the caller knows it (and that it matched no policy yet), else -1:
     *                     the record is decoded for it.
     */
    void decide(
        final IngestStages stage, final MutableDirectBuffer buffer, final int index, final int length,
        final int knownEventId)
    {
        if (stage.none())
        {
            if (knownEventId >= 0)
            {
                publisher.publish(buffer, index, length, knownEventId, 0, stage.generation);
            }
            else
            {
                publisher.publish(buffer, index, length, stage.generation);
            }
            return;
        }
        if (stage.policiesOnly() && decidedById(stage, buffer, index, length, knownEventId))
        {
            return;
        }
        final PolicySet policies = stage.policies;
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
                exportIfKept(stage, buffer, index, length);
            }
        }
        else
        {
            exportIfKept(stage, buffer, index, length);
        }
        if (stage.detectors != null)
        {
            detect(stage, buffer, index, length);
        }
    }

    /**
     * Events whose verdict is their id alone (--events openat, rules without filters) skip the full decode.
     *
     * @return false when the event needs its fields decoded after all (a policy's filter, or a detector, reads them).
     */
    private boolean decidedById(
        final IngestStages stage, final MutableDirectBuffer buffer, final int index, final int length,
        final int knownEventId)
    {
        final PolicySet policies = stage.policies;
        final DetectorSet detectors = stage.detectors;
        final int eventId = knownEventId >= 0 ? knownEventId : publisher.eventId(buffer, index);
        if (policies.needsEvent(eventId) || (detectors != null && detectors.watching(eventId) != 0))
        {
            return false;
        }
        final long matched = policies.matchById(eventId);
        if (matched == 0)
        {
            counters.onUnmatched();
        }
        else
        {
            counters.policyMatches().count(matched);
            matchedPolicies.write(buffer, index, matched);
            publisher.publish(buffer, index, length, eventId, matched, stage.generation);
        }
        return true;
    }

    /** Detectors watching the event (published or not) raise derived events, which policies select in turn. */
    private void detect(final IngestStages stage, final MutableDirectBuffer buffer, final int index, final int length)
    {
        final DetectorSet detectors = stage.detectors;
        final PolicySet policies = stage.policies;
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
                    exportIfKept(stage, detection, 0, detectionLength);
                }
            }
        }
    }

    /** The export allowlist and denylist, then redaction, on the decoded view, before any stream sees the event. */
    private void exportIfKept(
        final IngestStages stage, final MutableDirectBuffer buffer, final int index, final int length)
    {
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
            publisher.publish(masked, 0, maskedLength, view.eventId(), view.policiesMatched(), stage.generation);
        }
        else
        {
            publisher.publish(record, recordIndex, recordLength, stage.generation);
        }
    }
}
