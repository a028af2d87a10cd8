package io.sluice.destination.http;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * Where a request's answer crosses from the HTTP client's threads to the writer. The writer arms it
 * ({@link #expect}) before sending; the client thread that ends the exchange writes the error, then the volatile
 * {@code status} (a release), then wakes the writer; the writer reads {@code status} (an acquire) before the error,
 * so it sees the error written for that answer. The exchange is kept (volatile) so that any thread may cancel it.
 */
final class Answer implements BiConsumer<HttpResponse<Void>, Throwable>
{
    /** The status of a request still in flight. */
    static final int IN_FLIGHT = 0;
    /** The status of a request that got none: refused connection, timeout, cancel. */
    static final int NO_STATUS = -1;

    private final Runnable wake;
    private Throwable error;
    private volatile int status;
    private volatile CompletableFuture<HttpResponse<Void>> exchange;

    /**
     * @param wake what wakes the writer when the answer comes.
     */
    Answer(final Runnable wake)
    {
        this.wake = wake;
    }

    /**
     * Writer thread, before sending: nothing has come yet.
     */
    void expect()
    {
        status = IN_FLIGHT;
    }

    /**
     * Writer thread, after sending: keep the exchange and have its end call {@link #accept}.
     */
    void await(final CompletableFuture<HttpResponse<Void>> sent)
    {
        exchange = sent;
        sent.whenComplete(this);
    }

    /**
     * @return the HTTP status, {@link #IN_FLIGHT} or {@link #NO_STATUS}.
     */
    int status()
    {
        return status;
    }

    /**
     * @return why there is no status (read after {@link #status()} said {@link #NO_STATUS}).
     */
    Throwable error()
    {
        return error;
    }

    /**
     * Cancel the exchange if in flight: it then ends with no status. Safe from any thread.
     */
    void cancel()
    {
        final CompletableFuture<HttpResponse<Void>> sent = exchange;
        if (sent != null)
        {
            sent.cancel(true);
        }
    }

    @Override
    public void accept(final HttpResponse<Void> response, final Throwable failure)
    {
        error = failure;
        status = response != null ? response.statusCode() : NO_STATUS;
        wake.run();
    }
}
