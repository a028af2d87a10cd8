package io.sluice.engine;

import io.sluice.config.DestinationConfig;
import io.sluice.format.Format;
import io.sluice.output.DestinationKind;

/**
 * One destination of a {@link StreamPlan}: its config with its format and type looked up in their tables.
 *
 * @param config its validated config.
 * @param format its format's entry in {@link io.sluice.format.Formats}.
 * @param kind   its type's entry in {@link io.sluice.output.DestinationKinds}.
 */
public record PlannedDestination(DestinationConfig config, Format format, DestinationKind kind)
{
}
