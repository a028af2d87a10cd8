package io.sluice.destination.http;

import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A webhook's side of the HTTP client: one JDK {@link HttpClient} (keep-alive connections, HTTP/2 where TLS negotiates
 * it, redirects not followed) with one executor thread of its own, how many requests are out ({@code inflight} at
 * most), and how the writer waits for an answer. Used by the writer thread; answers wake it through {@link Wakeup}.
 */
final class WebhookClient
{
    private static final long WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long STALL_GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final String name;
    private final WebhookSettings settings;
    private final long timeoutNanos;
    private final Wakeup wakeup = new Wakeup();
    private ExecutorService executor;
    private HttpClient client;
    private int out;

    /**
     * @param name     the destination's name, for the executor thread's.
     * @param settings where and how to post.
     */
    WebhookClient(final String name, final WebhookSettings settings)
    {
        this.name = name;
        this.settings = settings;
        this.timeoutNanos = settings.timeout().toNanos();
    }

    /**
     * @return what the answers wake the writer with.
     */
    Wakeup wakeup()
    {
        return wakeup;
    }

    /**
     * Build the client; no connection is made here (a peer that is not up yet is a failed request, retried).
     */
    void open()
    {
        executor = Executors.newSingleThreadExecutor(runnable ->
        {
            final Thread thread = new Thread(runnable, "sluice-webhook-" + name);
            thread.setDaemon(true);
            return thread;
        });
        final HttpClient.Builder builder = HttpClient.newBuilder()
            .executor(executor)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version("https".equalsIgnoreCase(settings.target().getScheme()) ? HttpClient.Version.HTTP_2 :
                HttpClient.Version.HTTP_1_1);
        if (timeoutNanos > 0)
        {
            builder.connectTimeout(settings.timeout());
        }
        client = builder.build();
    }

    /**
     * @return true when another request may go out.
     */
    boolean hasRoom()
    {
        return out < settings.inflight();
    }

    /**
     * Send a batch's request (it counts as out until {@link #answered}).
     */
    void send(final Batch batch)
    {
        batch.send(client);
        out++;
    }

    /**
     * A request that was out was answered (or got no answer).
     */
    void answered()
    {
        out--;
    }

    /**
     * Park until the batch's request is answered; a request that outlives its timeout (a peer that sent its headers and
     * stalls the rest) is cancelled.
     */
    void await(final Batch batch)
    {
        wakeup.arm();
        try
        {
            while (batch.answer() == Answer.IN_FLIGHT)
            {
                if (timeoutNanos > 0 && System.nanoTime() - batch.sentNanos() > timeoutNanos + STALL_GRACE_NANOS)
                {
                    batch.cancel();
                }
                wakeup.park(WAIT_SLICE_NANOS);
            }
        }
        finally
        {
            wakeup.disarm();
        }
    }

    /**
     * Stop the executor (the requests were cancelled before).
     */
    void close()
    {
        if (executor != null)
        {
            executor.shutdownNow();
        }
    }
}
