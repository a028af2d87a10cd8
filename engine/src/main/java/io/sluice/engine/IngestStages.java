package io.sluice.engine;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.detect.DetectorSet;
import io.sluice.filter.export.ExportFilters;
import io.sluice.filter.field.FieldFilters;
import io.sluice.filter.lineage.LineageMarker;
import io.sluice.filter.redact.RedactionFilters;
import io.sluice.policy.PolicySet;

/**
 * The compiled things the ingest thread applies to every event, as one immutable set: policies (and the detectors
 * their events call for), the global export allowlist and denylist, redactions, field filters and the lineage marks
 * every export filter reads. Any may be absent (null). A reload (SIGHUP) compiles a whole new set and
 * {@link IngestLoop#reload swaps} it in one reference, so an event meets either the old set or the new one, never half
 * of each. The objects it holds keep scratch buffers: a set is used by the ingest thread only.
 */
final class IngestStages
{
    final PolicySet policies;
    final DetectorSet detectors;
    final ExportFilters exportFilters;
    final RedactionFilters redactions;
    final FieldFilters fieldFilters;
    final LineageMarker lineage;
    /** Which reload built the set (0 at start): stamped on each event it decides ({@code EventSlot#generation}). */
    final int generation;

    private IngestStages(final PolicySet policies, final DetectorSet detectors, final ExportFilters exportFilters,
        final RedactionFilters redactions, final FieldFilters fieldFilters, final LineageMarker lineage, final int generation)
    {
        this.generation = generation;
        this.policies = policies;
        this.detectors = detectors;
        this.exportFilters = exportFilters;
        this.redactions = redactions;
        this.fieldFilters = fieldFilters;
        this.lineage = lineage;
    }

    /**
     * @param catalog  the event catalog (the detectors the policies' events call for).
     * @param pipeline the stages given (any may be absent).
     * @param lineage  the lineage marker of every export filter in force, or null.
     * @return the set.
     */
    static IngestStages of(final EventCatalog catalog, final Pipeline pipeline, final LineageMarker lineage)
    {
        return of(catalog, pipeline, lineage, 0);
    }

    /**
     * @param catalog    the event catalog (the detectors the policies' events call for).
     * @param pipeline   the stages given (any may be absent).
     * @param lineage    the lineage marker of every export filter in force, or null.
     * @param generation which reload builds the set.
     * @return the set.
     */
    static IngestStages of(final EventCatalog catalog, final Pipeline pipeline, final LineageMarker lineage, final int generation)
    {
        return of(catalog, pipeline, lineage, generation, null);
    }

    /**
     * As {@link #of(EventCatalog, Pipeline, LineageMarker, int)}, keeping the running detectors (and their hit counts)
     * when the new policies want the same ones.
     */
    static IngestStages of(final EventCatalog catalog, final Pipeline pipeline, final LineageMarker lineage,
        final int generation, final IngestStages running)
    {
        final PolicySet policies = pipeline.policies();
        DetectorSet detectors = policies == null ? null : DetectorSet.wanted(catalog, policies.eventIds());
        if (running != null && running.detectors != null && detectors != null && running.detectors.sameAs(detectors))
        {
            detectors = running.detectors;
        }
        return new IngestStages(policies, detectors, pipeline.exportFilters(), pipeline.redactions(), pipeline.fieldFilters(),
            lineage, generation);
    }

    /** @return true when no stage is applied: every record is published as it came. */
    boolean none()
    {
        return policies == null && exportFilters == null && redactions == null && fieldFilters == null && lineage == null;
    }

    /** @return true when the policies are the only stage (events decided by their id skip the full decode). */
    boolean policiesOnly()
    {
        return policies != null && exportFilters == null && redactions == null && fieldFilters == null && lineage == null;
    }
}
