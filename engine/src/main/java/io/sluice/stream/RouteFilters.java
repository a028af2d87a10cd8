package io.sluice.stream;

import io.sluice.filter.StreamExportFilters;
import io.sluice.filter.route.EventIdFilter;
import io.sluice.filter.route.PolicyFilter;

/**
 * One stream's compiled filters, as one immutable set its router reads: the event ids and policies it lets through
 * and its own Tetragon filters (null when it has none). A reload (SIGHUP) compiles a new set for every stream and
 * {@link Stream#reloadFilters swaps} it whole, so each event is routed by either the old set or the new one. Its
 * export filters keep scratch buffers: a set belongs to one router.
 */
public final class RouteFilters
{
    final EventIdFilter events;
    final PolicyFilter policies;
    final StreamExportFilters exports;
    /** Which reload built the set (0 at start); it routes the events the same reload's ingest stages decided. */
    final int generation;

    /**
     * @param events     its event filter.
     * @param policies   its policy filter.
     * @param exports    its own Tetragon filters, or null.
     * @param generation which reload built the set (0 at start).
     */
    public RouteFilters(final EventIdFilter events, final PolicyFilter policies, final StreamExportFilters exports,
        final int generation)
    {
        this.generation = generation;
        this.events = events;
        this.policies = policies;
        this.exports = exports;
    }
}
