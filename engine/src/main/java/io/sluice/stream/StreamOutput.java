package io.sluice.stream;

import io.sluice.config.RetryPolicy;
import io.sluice.destination.Destination;
import io.sluice.format.EventFormatter;

/**
 * One destination of a stream with the formatter that renders for it and how its failed writes are retried.
 * Outputs that share a formatter instance share one rendering of each event; outputs of several streams whose formats
 * are the same {@link SharedFormat} may share one rendering made by their router group.
 *
 * @param destination where events go.
 * @param formatter   how they are rendered.
 * @param retry       how failed writes are retried.
 * @param shared      what identifies the rendering across streams, or null when it is the stream's own.
 */
public record StreamOutput(Destination destination, EventFormatter formatter, RetryPolicy retry, SharedFormat shared)
{
    /**
     * An output whose rendering is the stream's own.
     *
     * @param destination where events go.
     * @param formatter   how they are rendered.
     * @param retry       how failed writes are retried.
     */
    public StreamOutput(final Destination destination, final EventFormatter formatter, final RetryPolicy retry)
    {
        this(destination, formatter, retry, null);
    }
}
