package io.sluice.source;

/**
 * A source could not run, with a message meant for the user as it is (one line, says what to do).
 */
public final class SourceFailure extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, for the user.
     */
    public SourceFailure(final String message)
    {
        super(message);
    }
}
