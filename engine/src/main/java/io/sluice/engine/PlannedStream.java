package io.sluice.engine;

import io.sluice.config.StreamConfig;
import io.sluice.filter.StreamExportFilters;
import io.sluice.filter.route.EventIdFilter;
import io.sluice.filter.route.PolicyFilter;

import java.util.List;

/**
 * One stream of a {@link StreamPlan}: its config with its filters compiled (event names and policy names resolved to
 * ids and bits) and its destinations planned.
 *
 * @param config       its validated config.
 * @param events       the events it lets through.
 * @param policies     the policies it lets through.
 * @param exports      its own export, redaction and field filters, or null when it has none (as {@link
 *                     StreamExportFilters#compile} answers).
 * @param destinations its destinations, in config order.
 */
public record PlannedStream(StreamConfig config, EventIdFilter events, PolicyFilter policies, StreamExportFilters exports,
    List<PlannedDestination> destinations)
{
}
