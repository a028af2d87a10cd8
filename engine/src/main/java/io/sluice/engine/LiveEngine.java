package io.sluice.engine;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.report.Problems;
import io.sluice.stream.ClientHub;
import io.sluice.stream.DrainDeadline;
import io.sluice.stream.Stream;
import io.sluice.stream.StreamEnvironment;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * What a {@link LiveService} sees of a running engine: the hub on the main ring its clients' streams attach to, what
 * their streams are built with (catalog, policy names, an environment of their own), and the engine's live counters.
 */
public final class LiveEngine
{
    private final ClientHub hub;
    private final EventCatalog catalog;
    private final EngineOptions options;
    private final Problems problems;
    private final ThreadFactory threads;
    private final IngestLoop ingest;
    private final List<Stream> streams;

    LiveEngine(final ClientHub hub, final EventCatalog catalog, final EngineOptions options, final Problems problems,
        final ThreadFactory threads, final IngestLoop ingest, final List<Stream> streams)
    {
        this.hub = hub;
        this.catalog = catalog;
        this.options = options;
        this.problems = problems;
        this.threads = threads;
        this.ingest = ingest;
        this.streams = streams;
    }

    /** @return the main ring's handler the clients' streams attach to. */
    public ClientHub hub()
    {
        return hub;
    }

    /** @return the event catalog. */
    public EventCatalog catalog()
    {
        return catalog;
    }

    /** @return the names of the policies in force, by bit. */
    public String[] policyNames()
    {
        return options.policyNames().clone();
    }

    /** @return how long a client's stream may take to deliver what it holds once it is closing. */
    public Duration drainTimeout()
    {
        return options.drainTimeout();
    }

    /** @return the run's problem reporter. */
    public Problems problems()
    {
        return problems;
    }

    /**
     * @return what a client's stream runs with: the run's wait strategy and threads, a reporter of its own (what befalls
     * a client is printed, once per kind, but not counted in the run's summary: a client leaving is no problem of the
     * run), and a drain deadline of its own (started when the client leaves or the run stops).
     */
    public StreamEnvironment clientEnvironment()
    {
        return new StreamEnvironment(() -> WaitStrategies.byName(options.waitStrategy()), threads, Problems.toStderr(),
            new DrainDeadline(options.drainTimeout()));
    }

    /** @return events read from the source so far. */
    public long ingested()
    {
        return ingest.counters().ingested();
    }

    /** @return events the kernel could not hand over, so far. */
    public long kernelLost()
    {
        return ingest.counters().lostUpstream();
    }

    /** @return the configured streams. */
    public List<Stream> streams()
    {
        return streams;
    }
}
