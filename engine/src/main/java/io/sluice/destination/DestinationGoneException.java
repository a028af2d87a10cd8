package io.sluice.destination;

import java.io.IOException;

/**
 * A destination's target is gone for good (the reader of a pipe exited): retrying cannot succeed, so the stream stops
 * trying and counts what the destination is given as failed.
 */
public final class DestinationGoneException extends IOException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went away.
     * @param cause   the error that said so.
     */
    public DestinationGoneException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
