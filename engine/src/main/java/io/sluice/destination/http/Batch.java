package io.sluice.destination.http;

import org.agrona.DirectBuffer;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/**
 * The events of one request, separated as the format separates records (a newline for text, nothing for protobuf), in
 * an array of its own that is reused from request to request (after the format's preamble, if it has one: each body is
 * then a whole table), and what became of the request. Its state is the
 * writer's; the answer comes from the HTTP client's threads.
 *
 * <pre>
 *   FREE -&gt; OPEN (taking events) -&gt; SEALED (full, or lingered) -&gt; SENT -&gt; ANSWERED (2xx, 4xx) -&gt; FREE
 *             |                        |                            |
 *             +------------------------+--&gt; DISCARDED -&gt; FREE      +-&gt; RETRY (5xx, 408, 429, none) -&gt; SENT
 *                                                                         +-&gt; DISCARDED
 * </pre>
 *
 * <p>Threads: the writer alone uses a batch; the answer crosses over in its {@link Answer}. The writer does not touch
 * the array while the request is in flight, and {@code sendAsync} hands it to the client's threads through the
 * client's queues (a happens-before edge).
 */
final class Batch
{
    static final int FREE = 0;
    static final int OPEN = 1;
    static final int SEALED = 2;
    static final int SENT = 3;
    static final int ANSWERED = 4;
    static final int RETRY = 5;
    static final int DISCARDED = 6;

    private static final int INITIAL_BYTES = 16 * 1024;
    private static final HttpResponse.BodyHandler<Void> DISCARD = HttpResponse.BodyHandlers.discarding();

    private final HttpRequest request;
    private final Answer answer;
    private final int separator;
    private byte[] preamble = new byte[0];
    private byte[] bytes = new byte[INITIAL_BYTES];
    private int length;
    private int events;
    private long openedNanos;
    private long sentNanos;
    private int state;
    private int status;

    /**
     * @param settings  where and how to post.
     * @param wake      what wakes the writer when an answer comes.
     * @param separator the byte between two events of a request (the format's record separator), or
     *                  {@link io.sluice.format.Format#NO_SEPARATOR} for a format whose records delimit themselves.
     */
    Batch(final WebhookSettings settings, final Runnable wake, final int separator)
    {
        this.answer = new Answer(wake);
        this.separator = separator;
        final HttpRequest.Builder builder = HttpRequest.newBuilder(settings.target())
            .header("Content-Type", settings.contentType())
            .POST(new HeldBody(this));
        if (!settings.timeout().isZero())
        {
            builder.timeout(settings.timeout());
        }
        if (settings.authorization() != null)
        {
            builder.header("Authorization", settings.authorization());
        }
        this.request = builder.build();
    }

    int state()
    {
        return state;
    }

    int events()
    {
        return events;
    }

    int length()
    {
        return length;
    }

    byte[] bytes()
    {
        return bytes;
    }

    long openedNanos()
    {
        return openedNanos;
    }

    /**
     * @return the HTTP status once {@link #answer()} said it came, for reports.
     */
    int status()
    {
        return status;
    }

    long sentNanos()
    {
        return sentNanos;
    }

    /**
     * @param header what every request body starts with (a table's header), before any event is taken.
     */
    void preface(final byte[] header)
    {
        preamble = header.clone();
    }

    void open(final long nowNanos)
    {
        state = OPEN;
        events = 0;
        openedNanos = nowNanos;
        if (preamble.length > bytes.length)
        {
            bytes = new byte[preamble.length * 2];
        }
        System.arraycopy(preamble, 0, bytes, 0, preamble.length);
        length = preamble.length;
    }

    /**
     * @param size      an event's length.
     * @param maxEvents the most events a batch takes.
     * @param maxBytes  the most bytes a batch takes, unless it is empty.
     * @return true when the event fits.
     */
    boolean fits(final int size, final int maxEvents, final int maxBytes)
    {
        return events < maxEvents && (events == 0 || length + separatorLength() + size <= maxBytes);
    }

    private int separatorLength()
    {
        return separator < 0 ? 0 : 1;
    }

    /**
     * Copy an event in, after the separator when it is not the first.
     */
    void append(final DirectBuffer source, final int offset, final int size)
    {
        final int needed = length + size + (events == 0 ? 0 : separatorLength());
        if (needed > bytes.length)
        {
            final byte[] grown = new byte[Math.max(needed, bytes.length * 2)];
            System.arraycopy(bytes, 0, grown, 0, length);
            bytes = grown;
        }
        if (events > 0 && separator >= 0)
        {
            bytes[length++] = (byte)separator;
        }
        source.getBytes(offset, bytes, length, size);
        length += size;
        events++;
    }

    void seal()
    {
        state = SEALED;
    }

    /**
     * Send the request (again, after a retry).
     */
    void send(final HttpClient client)
    {
        state = SENT;
        sentNanos = System.nanoTime();
        answer.expect();
        final CompletableFuture<HttpResponse<Void>> sent;
        try
        {
            sent = client.sendAsync(request, DISCARD);
        }
        catch (final RuntimeException refused)
        {
            // refused before it left (the client is shut down, the address cannot be used): an answer with no status
            answer.accept(null, refused);
            return;
        }
        answer.await(sent);
    }

    /**
     * @return the request's HTTP status, {@link Answer#IN_FLIGHT}, or {@link Answer#NO_STATUS}.
     */
    int answer()
    {
        return answer.status();
    }

    /**
     * @return why the request got no status (read after {@link #answer()}).
     */
    Throwable error()
    {
        return answer.error();
    }

    /**
     * @param answered the state the writer files the answer under: {@link #ANSWERED} or {@link #RETRY}.
     * @param code     the status it read.
     */
    void file(final int answered, final int code)
    {
        state = answered;
        status = code;
    }

    void discard()
    {
        state = DISCARDED;
    }

    /**
     * Make it free for the next events, dropping an array grown past {@code maxBytes} by one large event.
     */
    void free(final int maxBytes)
    {
        state = FREE;
        length = 0;
        events = 0;
        if (bytes.length > 2 * maxBytes)
        {
            bytes = new byte[INITIAL_BYTES];
        }
    }

    /**
     * Cancel the request if in flight: it then ends with no status. Safe from any thread.
     */
    void cancel()
    {
        answer.cancel();
    }
}
