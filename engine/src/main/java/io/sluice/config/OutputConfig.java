package io.sluice.config;

import java.util.List;

/**
 * The validated {@code output} section: every destination, every stream (explicit and implicit) and the options.
 * YAML ({@code --config}) and flags ({@code --output}) both end here, through the same rules.
 *
 * @param destinations all destinations, in declaration order.
 * @param streams      all streams, explicit first in declaration order, then implicit ones.
 * @param options      output options.
 */
public record OutputConfig(List<DestinationConfig> destinations, List<StreamConfig> streams, OutputOptions options)
{
    /**
     * @param name a destination name.
     * @return the destination, or null.
     */
    public DestinationConfig destination(final String name)
    {
        for (final DestinationConfig destination : destinations)
        {
            if (destination.name().equals(name))
            {
                return destination;
            }
        }
        return null;
    }
}
