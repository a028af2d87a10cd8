package io.sluice.destination.http;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The body of a {@link Batch}'s request: its bytes as they are, handed to the HTTP client as one buffer over the
 * batch's own array, not copied ({@code BodyPublishers.ofByteArray} copies the body into new buffers at every send).
 * Each send (a retry too) subscribes anew and reads the batch's current bytes; the writer does not touch them while
 * the request is in flight.
 */
final class HeldBody implements HttpRequest.BodyPublisher
{
    private final Batch batch;

    /**
     * @param batch whose bytes it publishes.
     */
    HeldBody(final Batch batch)
    {
        this.batch = batch;
    }

    @Override
    public long contentLength()
    {
        return batch.length();
    }

    @Override
    public void subscribe(final Flow.Subscriber<? super ByteBuffer> subscriber)
    {
        subscriber.onSubscribe(new OneBuffer(subscriber, ByteBuffer.wrap(batch.bytes(), 0, batch.length())));
    }

    /**
     * A subscription that delivers one buffer on the first request, then completes (the Flow rules: nothing before a
     * request, an error for a non-positive request, nothing after cancel).
     */
    private static final class OneBuffer implements Flow.Subscription
    {
        private final Flow.Subscriber<? super ByteBuffer> subscriber;
        private final ByteBuffer buffer;
        private final AtomicBoolean done = new AtomicBoolean();

        OneBuffer(final Flow.Subscriber<? super ByteBuffer> subscriber, final ByteBuffer buffer)
        {
            this.subscriber = subscriber;
            this.buffer = buffer;
        }

        @Override
        public void request(final long n)
        {
            if (!done.compareAndSet(false, true))
            {
                return;
            }
            if (n <= 0)
            {
                subscriber.onError(new IllegalArgumentException("non-positive request: " + n));
                return;
            }
            if (buffer.hasRemaining())
            {
                subscriber.onNext(buffer);
            }
            subscriber.onComplete();
        }

        @Override
        public void cancel()
        {
            done.set(true);
        }
    }
}
