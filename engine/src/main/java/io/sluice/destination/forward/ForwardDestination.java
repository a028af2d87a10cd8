package io.sluice.destination.forward;

import io.sluice.destination.Destination;
import io.sluice.destination.Receipts;
import org.agrona.DirectBuffer;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The {@code forward} destination: events sent to a Fluentd Forward protocol v1 peer over one TCP connection
 * ({@link ForwardConnection}), as PackedForward (or Forward-mode) messages of up to {@code batch} events
 * ({@link Chunk}), each record Tracee's {@code {"event": "<json>"}} or, with {@code record=map}, the event as a map.
 * Without {@code requireAck} an event is accepted when the write carrying it returned (what the peer then loses with
 * the connection is not seen, as with Tracee); with it, when the peer answers {@code {"ack": chunk}}, and chunks not
 * acknowledged when the connection fails, or within {@code ackTimeout}, are sent again on the next connection (the
 * peer may then get them twice: {@link #report} counts the events resent).
 *
 * <p>Failures (no connection, a failed write, the peer closing, an acknowledgement late) close the connection, keep
 * every chunk not accepted held, and make {@link #flush} throw: the stream retries with its backoff (block) or
 * {@link #discard}s (drop); the next flush connects again. Receipts are reported in order from {@link #flush} and
 * {@link #poll}, which reads acknowledgements without waiting. All runs on the stream's writer thread but
 * {@link #unblock}, which closes the connection.
 */
public final class ForwardDestination implements Destination
{
    /** Chunks held at once: written and unacknowledged, or waiting to be written. */
    static final int CHUNKS = 8;
    /** A chunk is sealed when its entries pass this many bytes. */
    static final int CHUNK_BYTES = 1 << 20;

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final String name;
    private final ForwardSettings settings;
    private final ForwardConnection connection;
    private final ChunkRing ring = new ChunkRing(CHUNKS);
    private final ForwardConnection.Acks acks = ring::acknowledge;
    private final long ackTimeoutNanos;
    private final JsonTranscoder transcoder;
    private int pending;
    private long resent;
    private Receipts receipts;
    private IOException failure;

    /**
     * @param name     the destination's name.
     * @param settings where and how to send.
     */
    public ForwardDestination(final String name, final ForwardSettings settings)
    {
        this.name = name;
        this.settings = settings;
        this.connection = new ForwardConnection(settings);
        this.ackTimeoutNanos = settings.ackTimeout().toNanos();
        this.transcoder = settings.recordMap() ? new JsonTranscoder() : null;
    }

    @Override
    public String name()
    {
        return name;
    }

    @Override
    public void open(final byte[] preamble, final Receipts receipts)
    {
        // a JSON record has no preamble; the first flush connects
        this.receipts = receipts;
    }

    @Override
    public boolean offer(final DirectBuffer rendered, final int offset, final int length)
    {
        Chunk open = ring.newest();
        if (open == null || open.state() != Chunk.OPEN || open.events() >= settings.batch() || open.length() >= CHUNK_BYTES)
        {
            if (open != null && open.state() == Chunk.OPEN)
            {
                open.state(Chunk.SEALED);
            }
            if (ring.full())
            {
                return false;
            }
            open = ring.add();
        }
        try
        {
            open.append(rendered, offset, length, System.currentTimeMillis() * 1_000_000L, transcoder);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalStateException("record=map: the rendered event is not JSON: " + ex.getMessage(), ex);
        }
        pending++;
        return true;
    }

    @Override
    public void flush() throws IOException
    {
        poll();
        throwIfFailed();
        try
        {
            send();
            while (ring.full() && settings.requireAck())
            {
                // the writer cannot take another event before the oldest chunk is acknowledged
                awaitAck();
            }
        }
        catch (final IOException ex)
        {
            fail(ex);
        }
        settle();
        throwIfFailed();
    }

    @Override
    public void poll()
    {
        if (connection.connected() && settings.requireAck())
        {
            try
            {
                connection.readAvailable(acks);
                checkAckTimeout();
            }
            catch (final IOException ex)
            {
                fail(ex);
            }
        }
        settle();
    }

    @Override
    public void discard()
    {
        ring.discardUnsent();
        failure = null;
        settle();
    }

    @Override
    public int pending()
    {
        return pending;
    }

    @Override
    public long pollIntervalNanos()
    {
        return settings.requireAck() ? POLL_NANOS : 0;
    }

    @Override
    public void unblock()
    {
        connection.close();
    }

    @Override
    public String report()
    {
        return resent == 0 ? null : "resent " + resent + " events not acknowledged in time (the peer may have them twice)";
    }

    @Override
    public void close()
    {
        connection.close();
    }

    private void send() throws IOException
    {
        for (int i = 0; i < ring.size(); i++)
        {
            final Chunk chunk = ring.get(i);
            if (chunk.state() == Chunk.OPEN && chunk.events() > 0)
            {
                chunk.state(Chunk.SEALED);
            }
            if (chunk.state() == Chunk.SEALED)
            {
                dropIfClosedByPeer();
                if (!connection.connected())
                {
                    connection.connect();
                }
                connection.write(chunk);
                if (chunk.sent(System.nanoTime()) > 0)
                {
                    resent += chunk.events();
                }
                if (!settings.requireAck())
                {
                    chunk.state(Chunk.DONE);
                }
            }
        }
    }

    /**
     * Without acknowledgements the peer never writes: a connection it closed (it restarted) reads as ended, and is
     * replaced before events are written into it and lost.
     */
    private void dropIfClosedByPeer()
    {
        if (connection.connected() && !settings.requireAck())
        {
            try
            {
                connection.readAvailable(acks);
            }
            catch (final IOException ex)
            {
                connection.close();
            }
        }
    }

    private void awaitAck() throws IOException
    {
        final Chunk oldest = ring.get(0);
        if (oldest.state() != Chunk.SENT)
        {
            settle();
            return;
        }
        final long left = oldest.sentAt() + ackTimeoutNanos - System.nanoTime();
        if (left > 0)
        {
            connection.readWaiting(TimeUnit.NANOSECONDS.toMillis(left) + 1, acks);
        }
        checkAckTimeout();
        settle();
    }

    private void checkAckTimeout() throws IOException
    {
        if (ring.unacknowledgedSince(System.nanoTime() - ackTimeoutNanos))
        {
            throw new IOException(settings.peer() + " did not acknowledge a chunk within "
                + settings.ackTimeout().toMillis() + " ms");
        }
    }

    /**
     * The connection is lost: what was written and not acknowledged is to be written again.
     */
    private void fail(final IOException ex)
    {
        readLastAcks();
        connection.close();
        ring.resealUnacknowledged();
        if (failure == null)
        {
            failure = ex;
        }
    }

    /**
     * A peer that closes (or a write that fails) may have acknowledged chunks whose acks still wait, unread, in the
     * socket: read them before the connection goes, so that a chunk the peer acknowledged is delivered, never failed
     * or sent again. What cannot be read any more stays unacknowledged.
     */
    private void readLastAcks()
    {
        if (connection.connected() && settings.requireAck())
        {
            try
            {
                connection.readAvailable(acks);
            }
            catch (final IOException gone)
            {
                // the acks that arrived before the end were parsed as they were read; nothing more can come
            }
        }
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

    /**
     * Report the oldest chunks accepted or discarded, in order.
     */
    private void settle()
    {
        while (ring.size() > 0)
        {
            final Chunk oldest = ring.get(0);
            if (oldest.state() == Chunk.DONE)
            {
                receipts.accepted(oldest.events());
            }
            else if (oldest.state() == Chunk.DISCARDED)
            {
                receipts.failed(oldest.events());
            }
            else
            {
                return;
            }
            pending -= oldest.events();
            ring.release();
        }
    }
}
