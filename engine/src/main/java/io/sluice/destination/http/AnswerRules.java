package io.sluice.destination.http;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

/**
 * What a webhook makes of an answer: 2xx accepts the request's events; a 4xx other than 408 (timeout) and 429 (too many
 * requests) rejects them for good (the request itself was refused: sending it again would be refused again); anything
 * else, and no answer at all, is a failure that is retried.
 */
final class AnswerRules
{
    private AnswerRules()
    {
    }

    /**
     * @param status an HTTP status.
     * @return true for 2xx.
     */
    static boolean accepted(final int status)
    {
        return status >= 200 && status < 300;
    }

    /**
     * @param status an HTTP status.
     * @return true for a 4xx other than 408 and 429: not retried.
     */
    static boolean rejected(final int status)
    {
        return status >= 400 && status < 500 && status != 408 && status != 429;
    }

    /**
     * @param status  the status, or {@link Answer#NO_STATUS}.
     * @param error   why there is no status, or null.
     * @param timeout the request timeout.
     * @return a few words for the failure.
     */
    static String describe(final int status, final Throwable error, final Duration timeout)
    {
        if (status != Answer.NO_STATUS)
        {
            return "HTTP " + status;
        }
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null)
        {
            cause = cause.getCause();
        }
        if (cause instanceof HttpConnectTimeoutException)
        {
            return "could not connect within " + text(timeout);
        }
        if (cause instanceof HttpTimeoutException)
        {
            return "no answer within " + text(timeout);
        }
        if (cause instanceof CancellationException)
        {
            return "cancelled";
        }
        if (cause instanceof ConnectException)
        {
            return "cannot connect" + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
        }
        if (cause == null)
        {
            return "no answer";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static String text(final Duration timeout)
    {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + "s" : timeout.toMillis() + "ms";
    }
}
