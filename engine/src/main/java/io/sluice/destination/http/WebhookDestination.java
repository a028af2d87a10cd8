package io.sluice.destination.http;

import io.sluice.destination.Destination;
import io.sluice.destination.Receipts;
import io.sluice.report.Problems;
import org.agrona.DirectBuffer;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The {@code webhook} destination: events POSTed over HTTP(S) in the destination's format, up to {@code batch} of them
 * per request (separated as the format separates records), with at most {@code inflight} requests out at once, through one JDK
 * {@code HttpClient} ({@link WebhookClient}: keep-alive connections reused, HTTP/2 where TLS negotiates it,
 * {@code sendAsync}: no thread per request). An event is accepted when the request carrying it is answered 2xx. A
 * request answered 408, 429, 5xx or any other non-4xx status, or not answered (refused, timed out, cancelled), keeps
 * its events held: the next {@link #flush} throws, and the stream retries with backoff (block) or discards (drop); a
 * 4xx other than 408 and 429 fails its events, which are not retried, and is reported once per status.
 *
 * <p>After a failure the destination probes: the next flush sends one request (the oldest failed one, or the next
 * batch) and waits for its answer, so a peer that is down gets one request per backoff period and the backoff grows; a
 * 2xx (or a 4xx: the peer answers) ends the probe and the held requests go out again. Requests retried while later ones
 * were accepted reach the peer out of order ({@code inflight: 1} keeps the order); receipts are always in order.
 *
 * <p>Threads: every method but {@link #unblock} runs on the stream's writer thread, which reports receipts; answers
 * come on the client's executor thread through each batch's {@link Answer} (see there for the memory ordering), which
 * then unparks the writer if it waits in {@link #flush} ({@link Wakeup}). {@link #unblock} cancels the requests in
 * flight from another thread.
 */
public final class WebhookDestination implements Destination
{
    /** A request body holds at most this many bytes, unless one event is larger. */
    static final int MAX_BODY_BYTES = 4 << 20;

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final String name;
    private final WebhookSettings settings;
    private final Problems problems;
    private final String problemKey;
    private final Batch[] batches;
    private final BatchRing ring;
    private final long lingerNanos;
    private final WebhookClient client;
    private Receipts receipts;
    private IOException failure;
    private boolean probing;

    /**
     * @param name     the destination's name.
     * @param stream   the name of its stream, for problem lines.
     * @param settings where and how to post.
     * @param problems where rejected requests are reported.
     */
    public WebhookDestination(
        final String name, final String stream, final WebhookSettings settings, final Problems problems)
    {
        this(name, stream, settings, problems, '\n');
    }

    /**
     * @param name      the destination's name.
     * @param stream    the name of its stream, for problem lines.
     * @param settings  where and how to post.
     * @param problems  where rejected requests are reported.
     * @param separator what goes between two events of one request: the format's
     *                  {@link io.sluice.format.Format#recordSeparator()}.
     */
    public WebhookDestination(final String name, final String stream, final WebhookSettings settings,
        final Problems problems, final int separator)
    {
        this.name = name;
        this.settings = settings;
        this.problems = problems;
        this.problemKey = "stream " + stream + ": destination " + name;
        this.lingerNanos = settings.linger().toNanos();
        this.client = new WebhookClient(name, settings);
        this.batches = new Batch[settings.inflight() + 1];
        for (int i = 0; i < batches.length; i++)
        {
            batches[i] = new Batch(settings, client.wakeup(), separator);
        }
        this.ring = new BatchRing(batches, settings.batch(), MAX_BODY_BYTES);
    }

    @Override
    public String name()
    {
        return name;
    }

    @Override
    public void open(final byte[] preamble, final Receipts receipts)
    {
        this.receipts = receipts;
        for (final Batch batch : batches)
        {
            batch.preface(preamble);
        }
        client.open();
    }

    @Override
    public boolean offer(final DirectBuffer rendered, final int offset, final int length)
    {
        return ring.append(rendered, offset, length);
    }

    @Override
    public void flush() throws IOException
    {
        settle();
        throwIfFailed();
        if (probing)
        {
            probe();
        }
        ring.sealDue(lingerNanos);
        sendReady();
        while (ring.full())
        {
            // the writer cannot take another event before the oldest batch is answered
            final Batch oldest = oldestSent();
            if (oldest == null)
            {
                return;
            }
            client.await(oldest);
            settle();
            throwIfFailed();
            sendReady();
        }
    }

    @Override
    public void poll()
    {
        settle();
    }

    @Override
    public void discard()
    {
        for (int i = 0; i < ring.size(); i++)
        {
            final Batch batch = ring.get(i);
            final int state = batch.state();
            if (state == Batch.OPEN || state == Batch.SEALED || state == Batch.RETRY)
            {
                batch.discard();
            }
        }
        if (failure != null)
        {
            // given up on without a flush having thrown it: the next request is still a probe
            failure = null;
            probing = true;
        }
        settle();
    }

    @Override
    public int pending()
    {
        return ring.events();
    }

    @Override
    public long pollIntervalNanos()
    {
        return lingerNanos > 0 ? Math.min(lingerNanos, POLL_NANOS) : POLL_NANOS;
    }

    @Override
    public void unblock()
    {
        for (final Batch batch : batches)
        {
            batch.cancel();
        }
    }

    @Override
    public void close()
    {
        unblock();
        client.close();
    }

    /**
     * The answers that came in filed, and the oldest batches answered or discarded reported, in order.
     */
    private void settle()
    {
        for (int i = 0; i < ring.size(); i++)
        {
            final Batch batch = ring.get(i);
            if (batch.state() == Batch.SENT)
            {
                final int answer = batch.answer();
                if (answer != Answer.IN_FLIGHT)
                {
                    client.answered();
                    file(batch, answer);
                }
            }
        }
        while (ring.size() > 0)
        {
            final Batch oldest = ring.get(0);
            if (oldest.state() == Batch.ANSWERED && AnswerRules.accepted(oldest.status()))
            {
                receipts.accepted(oldest.events());
            }
            else if (oldest.state() == Batch.ANSWERED)
            {
                receipts.failed(oldest.events());
                problems.report(problemKey + ": HTTP " + oldest.status(), problemKey + ": " + settings.redacted() +
                    " answered HTTP " + oldest.status() + ": the request's events are counted failed, not retried");
            }
            else if (oldest.state() == Batch.DISCARDED)
            {
                receipts.failed(oldest.events());
            }
            else
            {
                return;
            }
            ring.release();
        }
    }

    private void file(final Batch batch, final int answer)
    {
        if (AnswerRules.accepted(answer) || AnswerRules.rejected(answer))
        {
            batch.file(Batch.ANSWERED, answer);
            return;
        }
        batch.file(Batch.RETRY, answer);
        if (failure == null)
        {
            failure = new IOException("POST " + settings.redacted() + ": " + AnswerRules.describe(answer, batch.error(),
                settings.timeout()));
        }
    }

    private void throwIfFailed() throws IOException
    {
        final IOException failed = failure;
        if (failed != null)
        {
            failure = null;
            probing = true;
            throw failed;
        }
    }

    /**
     * After a failure: send one request and wait for its answer before sending more.
     */
    private void probe() throws IOException
    {
        Batch probe = null;
        for (int i = 0; i < ring.size() && probe == null; i++)
        {
            final Batch batch = ring.get(i);
            if (batch.state() == Batch.RETRY || batch.state() == Batch.SEALED || batch.state() == Batch.OPEN)
            {
                probe = batch;
            }
        }
        if (probe == null)
        {
            return;
        }
        if (probe.state() == Batch.OPEN)
        {
            probe.seal();
        }
        while (!client.hasRoom())
        {
            client.await(oldestSent());
            settle();
            throwIfFailed();
        }
        client.send(probe);
        client.await(probe);
        settle();
        throwIfFailed();
        probing = false;
    }

    private void sendReady()
    {
        for (int i = 0; i < ring.size() && client.hasRoom(); i++)
        {
            final Batch batch = ring.get(i);
            if (batch.state() == Batch.SEALED || batch.state() == Batch.RETRY)
            {
                client.send(batch);
            }
        }
    }

    private Batch oldestSent()
    {
        for (int i = 0; i < ring.size(); i++)
        {
            if (ring.get(i).state() == Batch.SENT)
            {
                return ring.get(i);
            }
        }
        return null;
    }
}
