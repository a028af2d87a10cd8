package io.sluice.service;

/**
 * A request the service refuses: its message is the one line the client gets with {@code INVALID_ARGUMENT}, naming the
 * request's field and value (or, in getevents, the flag).
 */
public final class BadRequestException extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, naming the field and value.
     */
    BadRequestException(final String message)
    {
        super(message);
    }
}
