package io.sluice.stream;

import io.sluice.config.RetryPolicy;
import io.sluice.destination.Destination;
import io.sluice.format.EventFormatter;

/**
 * One destination of a stream with the formatter that renders for it and how its failed writes are retried.
 * Outputs that share a formatter instance share one rendering of each event.
 *
 * @param destination where events go.
 * @param formatter   how they are rendered.
 * @param retry       how failed writes are retried.
 */
public record StreamOutput(Destination destination, EventFormatter formatter, RetryPolicy retry)
{
}
