package io.sluice.engine;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.OutputConfig;
import io.sluice.filter.export.ExportFilters;
import io.sluice.filter.field.FieldFilters;
import io.sluice.filter.redact.RedactionFilters;
import io.sluice.policy.PolicySet;
import io.sluice.source.EventSource;

import java.util.Objects;

/**
 * Everything an {@link Engine} is assembled from, in one immutable description: the output config (whose options
 * {@code sort-events} and {@code parse-arguments} choose two ingest stages of their own), the source, the catalog and
 * the options, and the ingest stages in force. A stage is either given ({@code withPolicies},
 * {@code withExportFilters} ...) or not applied at all: {@link #of} starts with none, so a caller never passes
 * a placeholder for a stage it does not use.
 */
public final class Pipeline
{
    /** {@link #routerThreads()} when no number was given: as many as the machine's cores call for. */
    static final int ROUTER_THREADS_BY_CORES = -1;

    private final OutputConfig output;
    private final EventSource source;
    private final EventCatalog catalog;
    private final EngineOptions options;
    private final PolicySet policies;
    private final ExportFilters exportFilters;
    private final RedactionFilters redactions;
    private final FieldFilters fieldFilters;
    private final LiveService service;
    private final int routerThreads;

    private Pipeline(final OutputConfig output, final EventSource source, final EventCatalog catalog,
        final EngineOptions options, final PolicySet policies, final ExportFilters exportFilters,
        final RedactionFilters redactions, final FieldFilters fieldFilters, final LiveService service,
        final int routerThreads)
    {
        this.output = Objects.requireNonNull(output, "output");
        this.source = Objects.requireNonNull(source, "source");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.options = Objects.requireNonNull(options, "options");
        this.policies = policies;
        this.exportFilters = exportFilters;
        this.redactions = redactions;
        this.fieldFilters = fieldFilters;
        this.service = service;
        this.routerThreads = routerThreads;
    }

    /**
     * @param output  the validated output config.
     * @param source  where events come from.
     * @param catalog the event catalog.
     * @param options engine tuning ({@link EngineOptions#policyNames()} names the policies by bit).
     * @return a pipeline with no ingest stage: each record keeps its own policy bitmap and everything is published.
     */
    public static Pipeline of(final OutputConfig output, final EventSource source, final EventCatalog catalog,
        final EngineOptions options)
    {
        return new Pipeline(output, source, catalog, options, null, null, null, null, null, ROUTER_THREADS_BY_CORES);
    }

    /**
     * @param set the policies evaluated at ingest (events none matches are not published; the detectors whose events
     *            they name watch every event); {@code options.policyNames()} should be {@code set.names()}.
     * @return this pipeline with them.
     */
    public Pipeline withPolicies(final PolicySet set)
    {
        return new Pipeline(output, source, catalog, options, Objects.requireNonNull(set, "policies"), exportFilters,
            redactions, fieldFilters, service, routerThreads);
    }

    /**
     * @param filters Tetragon's export allowlist and denylist, applied at ingest after the policies.
     * @return this pipeline with them.
     */
    public Pipeline withExportFilters(final ExportFilters filters)
    {
        return new Pipeline(output, source, catalog, options, policies, Objects.requireNonNull(filters, "exportFilters"),
            redactions, fieldFilters, service, routerThreads);
    }

    /**
     * @param filters the redaction filters, applied at ingest.
     * @return this pipeline with them.
     */
    public Pipeline withRedactions(final RedactionFilters filters)
    {
        return new Pipeline(output, source, catalog, options, policies, exportFilters,
            Objects.requireNonNull(filters, "redactions"), fieldFilters, service, routerThreads);
    }

    /**
     * @param filters the field filters, applied at ingest.
     * @return this pipeline with them.
     */
    public Pipeline withFieldFilters(final FieldFilters filters)
    {
        return new Pipeline(output, source, catalog, options, policies, exportFilters, redactions,
            Objects.requireNonNull(filters, "fieldFilters"), service, routerThreads);
    }

    /**
     * @param live the event service: its clients' streams are fed from the main ring through one
     *             {@link io.sluice.stream.ClientHub}, beside the configured streams (of which there may be none).
     * @return this pipeline with it.
     */
    public Pipeline withService(final LiveService live)
    {
        return new Pipeline(output, source, catalog, options, policies, exportFilters, redactions, fieldFilters,
            Objects.requireNonNull(live, "service"), routerThreads);
    }

    /**
     * @param threads how many threads run the configured streams' routers ({@link io.sluice.stream.RouterGroup}s),
     *                0 for none (the ingest thread runs them, as it publishes); without it, as many as the machine's
     *                cores call for ({@link io.sluice.stream.RouterGroup#threadsFor}).
     * @return this pipeline with that many.
     */
    public Pipeline withRouterThreads(final int threads)
    {
        if (threads < 0)
        {
            throw new IllegalArgumentException("router threads: must be 0 or more, got " + threads);
        }
        return new Pipeline(output, source, catalog, options, policies, exportFilters, redactions, fieldFilters,
            service, threads);
    }

    OutputConfig output()
    {
        return output;
    }

    EventSource source()
    {
        return source;
    }

    EventCatalog catalog()
    {
        return catalog;
    }

    EngineOptions options()
    {
        return options;
    }

    /** @return the policies, or null when none are evaluated (the ingest loop's fast path). */
    PolicySet policies()
    {
        return policies;
    }

    /** @return the export filters, or null when none. */
    ExportFilters exportFilters()
    {
        return exportFilters;
    }

    /** @return the redaction filters, or null when none. */
    RedactionFilters redactions()
    {
        return redactions;
    }

    /** @return the field filters, or null when none. */
    FieldFilters fieldFilters()
    {
        return fieldFilters;
    }

    /** @return how many router threads (0: the ingest's), or {@link #ROUTER_THREADS_BY_CORES}. */
    int routerThreads()
    {
        return routerThreads;
    }

    /** @return the event service, or null when it is off. */
    LiveService service()
    {
        return service;
    }
}
