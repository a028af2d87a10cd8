package io.sluice.format.gotemplate;

/**
 * A template that failed on one event, with Go's message ({@code template: NAME:LINE:COL: executing "NAME" at
 * <.a.b>: ...}): that event fails, the stream goes on.
 */
public final class TemplateExecutionException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message the whole message.
     */
    TemplateExecutionException(final String message)
    {
        super(message, null, false, false);
    }
}
