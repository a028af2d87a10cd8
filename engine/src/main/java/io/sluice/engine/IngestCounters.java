package io.sluice.engine;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the ingest thread counts, read by any thread (the summary, the metrics, the event service). Each counter has
 * one writer, the ingest thread, which adds with a plain read and an ordered store ({@code lazySet}: no atomic
 * read-modify-write per record); readers see a value at most a few records old, never a torn one. A record taken
 * from the shared ring is a loss report (adds to lost upstream only), a kernel record kept for the process tree only,
 * or ingested; an ingested record is then exactly one of rejected (not a record this build reads), unmatched by every
 * policy, held back by the export filters, or published. A detector's derived event (counted by its detector: {@code
 * DetectorSet}) adds, when a policy selects it, to held back or published.
 */
final class IngestCounters
{
    private final AtomicLong ingested = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong lostUpstream = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong processTreeOnly = new AtomicLong();
    private final AtomicLong unmatched = new AtomicLong();
    private final AtomicLong exportFiltered = new AtomicLong();
    private final PolicyMatches policyMatches = new PolicyMatches();

    void onIngested()
    {
        ingested.lazySet(ingested.get() + 1);
    }

    void onRejected()
    {
        rejected.lazySet(rejected.get() + 1);
    }

    void onProcessTreeOnly()
    {
        processTreeOnly.lazySet(processTreeOnly.get() + 1);
    }

    void onLostUpstream(final long lost)
    {
        lostUpstream.lazySet(lostUpstream.get() + lost);
    }

    void onUnmatched()
    {
        unmatched.lazySet(unmatched.get() + 1);
    }

    void onExportFiltered()
    {
        exportFiltered.lazySet(exportFiltered.get() + 1);
    }

    void onPublished()
    {
        published.lazySet(published.get() + 1);
    }

    /** @return records taken from the shared ring (loss records aside). */
    long ingested()
    {
        return ingested.get();
    }

    /** @return events published: into the main ring, or into the ingest's own slot when nothing reads it. */
    long published()
    {
        return published.get();
    }

    /** @return events the sensor reported lost before the shared ring. */
    long lostUpstream()
    {
        return lostUpstream.get();
    }

    /** @return records of a type or schema this build does not read. */
    long rejected()
    {
        return rejected.get();
    }

    /** @return events no policy matched. */
    long unmatched()
    {
        return unmatched.get();
    }

    /** @return events the export filters held back. */
    long exportFiltered()
    {
        return exportFiltered.get();
    }

    /** @return fork, exec and exit records kept for the process tree only (no one selected them). */
    long processTreeOnly()
    {
        return processTreeOnly.get();
    }

    /** @return the events each policy matched, by bit. */
    PolicyMatches policyMatches()
    {
        return policyMatches;
    }
}
