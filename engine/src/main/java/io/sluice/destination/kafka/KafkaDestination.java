package io.sluice.destination.kafka;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.destination.Destination;
import io.sluice.destination.Receipts;
import io.sluice.report.Problems;
import org.agrona.DirectBuffer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The {@code kafka} destination: one record per event, produced to one topic by kafka-clients' producer (idempotent
 * with {@code acks=all}), keyed by {@link PartitionKey}, with the headers of {@link EventKeys}. The value is the event in
 * the destination's format: a JSON line without its newline, a {@code v1beta1.Event} without the length prefix the
 * protobuf format writes to files, or the enriched SBE record as it is. An event is accepted when the producer's
 * callback says the broker acknowledged it.
 *
 * <p>{@link #offer} only holds the record; {@link #flush} hands what is held to the producer, which batches, compresses
 * and sends on its own I/O thread, and reports the outcomes filed by the callbacks ({@link SendRing}), oldest first,
 * on the writer thread (so do {@link #poll} and {@link #discard}). A send waits at most {@code max.block.ms} (default 1 s)
 * for room in the producer's buffer or for the topic's metadata; then, or when a record failed retriably (the broker
 * was unreachable past {@code delivery.timeout.ms}, or refused the producer's credentials or rights), the flush
 * throws, what failed is held again, and the stream retries (block) or discards what is held (drop). A record the
 * broker refused for good (too large) fails and is reported once. Records already sent cannot be called back: they
 * stay pending until the broker answers, and at exit the stream counts what was not acknowledged by its drain deadline
 * as undelivered.
 */
public final class KafkaDestination implements Destination
{
    /** The header naming each value's format ({@code json}, {@code protobuf} or {@code sbe}), for consumers. */
    public static final String FORMAT_HEADER = EventKeys.FORMAT;
    /** The most events taken and not reported at once (the stream's ledger holds no more). */
    static final int CAPACITY = 8192;

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final String name;
    private final KafkaSettings settings;
    private final Problems problems;
    private final String problemKey;
    private final boolean delimited;
    private final EventKeys keys;
    private final SendRing ring = new SendRing(CAPACITY);
    private volatile KafkaProducer<byte[], byte[]> producer;
    private Receipts receipts;
    private IOException failure;

    /**
     * @param name      the destination's name.
     * @param stream    the name of its stream, for problem lines.
     * @param settings  where and how to produce.
     * @param catalog   the event catalog, for event names.
     * @param format    the format's key, {@code json}, {@code protobuf} (each rendering starts with a varint length,
     *                  dropped) or {@code sbe}.
     * @param problems  where refused records are reported.
     */
    public KafkaDestination(final String name, final String stream, final KafkaSettings settings,
        final EventCatalog catalog, final String format, final Problems problems)
    {
        this.name = name;
        this.settings = settings;
        this.problems = problems;
        this.problemKey = "stream " + stream + ": destination " + name;
        this.delimited = "protobuf".equals(format);
        this.keys = new EventKeys(catalog, settings.key(), hostName(), format);
    }

    @Override
    public String name()
    {
        return name;
    }

    @Override
    public void open(final byte[] preamble, final Receipts receipts) throws IOException
    {
        this.receipts = receipts;
        try
        {
            producer = new KafkaProducer<>(settings.producerProperties());
        }
        catch (final KafkaException ex)
        {
            throw new IOException(settings.target() + ": " + KafkaProblems.describe(ex, settings), ex);
        }
    }

    /**
     * Not used: a kafka record's key and headers come from the event's record ({@link #offer(DirectBuffer, int, int,
     * DirectBuffer, int)}).
     */
    @Override
    public boolean offer(final DirectBuffer rendered, final int offset, final int length)
    {
        throw new UnsupportedOperationException("a kafka destination takes the event's record with its rendering");
    }

    @Override
    public boolean offer(final DirectBuffer rendered, final int offset, final int length, final DirectBuffer record,
        final int recordLength)
    {
        if (ring.full())
        {
            return false;
        }
        keys.read(record, recordLength);
        int start = offset;
        if (delimited)
        {
            while ((rendered.getByte(start) & 0x80) != 0)
            {
                start++;
            }
            start++;
        }
        final byte[] value = new byte[offset + length - start];
        rendered.getBytes(start, value);
        ring.hold(new ProducerRecord<>(settings.topic(), null, keys.key(), value, keys.headers()));
        return true;
    }

    @Override
    public void flush() throws IOException
    {
        settle();
        throwIfFailed();
        for (long at = ring.nextHeld(ring.firstHeld()); at < ring.end(); at = ring.nextHeld(at + 1))
        {
            final ProducerRecord<byte[], byte[]> record = ring.record(at);
            producer.send(record, ring.sending(at));
            if (ring.retriesFiled())
            {
                // the send timed out (no room, no metadata): sending the rest would wait as long for each
                break;
            }
        }
        settle();
        throwIfFailed();
        if (ring.full())
        {
            // the writer cannot take another event before the oldest is acknowledged
            ring.awaitOldest(TimeUnit.MILLISECONDS.toNanos(settings.maxBlockMs()));
            settle();
            throwIfFailed();
            if (ring.full())
            {
                throw new IOException(settings.target() + ": no acknowledgement from the broker within "
                    + settings.maxBlockMs() + " ms with " + CAPACITY + " events in flight");
            }
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
        ring.discard();
        failure = null;
        settle();
    }

    @Override
    public int pending()
    {
        return ring.size();
    }

    @Override
    public long pollIntervalNanos()
    {
        final long linger = TimeUnit.MILLISECONDS.toNanos(settings.lingerMs());
        return linger > 0 ? Math.min(linger, POLL_NANOS) : POLL_NANOS;
    }

    @Override
    public void unblock()
    {
        final KafkaProducer<byte[], byte[]> open = producer;
        if (open != null)
        {
            open.close(Duration.ZERO);
        }
    }

    @Override
    public void close()
    {
        final KafkaProducer<byte[], byte[]> open = producer;
        if (open == null)
        {
            return;
        }
        settle();
        final int unacknowledged = ring.size();
        if (unacknowledged > 0)
        {
            problems.report(problemKey + ": unacknowledged", problemKey + ": " + unacknowledged
                + " events not acknowledged by " + settings.target() + " at exit");
        }
        open.close(Duration.ZERO);
    }

    /**
     * Report the outcomes filed so far, oldest first, and hold again what failed retriably.
     */
    private void settle()
    {
        if (ring.retriesFiled())
        {
            final Exception first = ring.holdRetries();
            if (first != null && failure == null)
            {
                failure = new IOException(settings.target() + ": " + KafkaProblems.describe(first, settings), first);
            }
        }
        int accepted = 0;
        int failed = 0;
        while (ring.size() > 0)
        {
            final int state = ring.oldestState();
            if (state == SendRing.ACKED)
            {
                if (failed > 0)
                {
                    receipts.failed(failed);
                    failed = 0;
                }
                accepted++;
            }
            else if (state == SendRing.DISCARDED || state == SendRing.REJECTED)
            {
                if (accepted > 0)
                {
                    receipts.accepted(accepted);
                    accepted = 0;
                }
                if (state == SendRing.REJECTED)
                {
                    reportRejected(ring.oldestError());
                }
                failed++;
            }
            else
            {
                break;
            }
            ring.release();
        }
        if (accepted > 0)
        {
            receipts.accepted(accepted);
        }
        if (failed > 0)
        {
            receipts.failed(failed);
        }
    }

    private void reportRejected(final Exception error)
    {
        problems.report(problemKey + ": " + error.getClass().getSimpleName(), problemKey + ": " + settings.target()
            + " refused an event: " + KafkaProblems.describe(error, settings) + " (counted failed, not retried)");
    }

    private void throwIfFailed() throws IOException
    {
        final IOException failed = failure;
        if (failed != null)
        {
            failure = null;
            throw failed;
        }
    }

    private static String hostName()
    {
        try
        {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (final UnknownHostException ex)
        {
            return "localhost";
        }
    }
}
