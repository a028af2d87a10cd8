package io.sluice.format.gotemplate;

/**
 * A function's error ({@code index out of range: 5}), which the executor reports as Go does: {@code error calling
 * index: index out of range: 5}, at the call.
 */
final class CallFailure extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    CallFailure(final String message)
    {
        super(message, null, false, false);
    }
}
