package io.sluice.format.gotemplate;

/**
 * A template that does not parse, with where: the message reads as Go's ({@code template: NAME:LINE:COL: ...}).
 */
public final class TemplateSyntaxException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message the whole message, {@code template: NAME:LINE:COL: problem}.
     */
    TemplateSyntaxException(final String message)
    {
        super(message);
    }
}
