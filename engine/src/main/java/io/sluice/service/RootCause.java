package io.sluice.service;

/**
 * The message of an exception's innermost cause: what gRPC and Netty wrap (a bind or connect failure several layers
 * down) told as one line, by the server and by {@code sluice getevents} alike.
 */
public final class RootCause
{
    private RootCause()
    {
    }

    /**
     * @param ex an exception.
     * @return its innermost cause's message, or that cause itself when it has none.
     */
    public static String message(final Throwable ex)
    {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root)
        {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
