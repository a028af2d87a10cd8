package io.sluice.destination.forward;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One TCP connection to the forward peer, a non-blocking {@link SocketChannel} with a {@link Selector} of its own,
 * with TLS over it when configured ({@link TlsWire}) and the shared-key handshake once connected when configured
 * ({@link ForwardHandshake}; all of it within {@code connectionTimeout}): PackedForward (or Forward mode) messages are
 * written to the end, waiting while the socket's buffer is full (on the stream's writer
 * thread, as a FIFO is written); the peer's answers are read without waiting ({@link #readAvailable}: what the kernel
 * already holds, or the end of the connection) or waiting at most a given time ({@link #readWaiting}). {@link #close}
 * may come from another thread (the engine's {@code unblock}): it closes the channel and wakes the selector, so a
 * waiting write or read fails.
 */
final class ForwardConnection
{
    private final ForwardSettings settings;
    private final byte[] tag;
    private final ByteBuffer head;
    private final ByteBuffer option = ByteBuffer.allocate(64);
    private final ByteBuffer[] message = new ByteBuffer[3];
    private final PeerAnswers answers;
    private final PeerAnswers.Source source = this::readSome;
    private final ForwardTlsContext tlsContext;
    private TlsWire tls;
    private volatile SocketChannel channel;
    private volatile Selector selector;
    private SelectionKey key;
    private ByteBuffer entries = ByteBuffer.allocate(0);

    /**
     * @param settings the peer and tag.
     */
    ForwardConnection(final ForwardSettings settings)
    {
        this.settings = settings;
        this.tag = settings.tag().getBytes(StandardCharsets.UTF_8);
        this.head = ByteBuffer.allocate(16 + tag.length);
        this.tlsContext = settings.tls() == null ? null : new ForwardTlsContext(settings.tls());
        this.answers = new PeerAnswers(settings.peer());
    }

    boolean connected()
    {
        return channel != null;
    }

    /**
     * Connect, then TLS and the shared-key handshake when configured.
     *
     * @throws IOException when the peer cannot be reached within the connection timeout, or refuses the handshake.
     */
    void connect() throws IOException
    {
        final SocketChannel opened = SocketChannel.open();
        final Selector waits = Selector.open();
        final long deadline = System.nanoTime() + settings.connectionTimeout().toNanos();
        try
        {
            opened.configureBlocking(false);
            opened.socket().setTcpNoDelay(true);
            opened.socket().setKeepAlive(true);
            key = opened.register(waits, SelectionKey.OP_CONNECT);
            channel = opened;
            selector = waits;
            tls = null;
            if (!opened.connect(new InetSocketAddress(settings.host(), settings.port())))
            {
                while (!opened.finishConnect())
                {
                    waits.select(left(deadline));
                    waits.selectedKeys().clear();
                }
            }
            answers.clear();
            if (tlsContext != null)
            {
                final TlsWire wire = new TlsWire(tlsContext.engine(settings.host(), settings.port()), opened, this::await);
                wire.handshake(deadline);
                tls = wire;
            }
        }
        catch (final SSLHandshakeException ex)
        {
            close();
            throw new IOException("connect " + settings.peer() + ": TLS handshake: " + TlsProblem.describe(ex), ex);
        }
        catch (final IOException ex)
        {
            close();
            throw new IOException("connect " + settings.peer() + ": " + ex.getMessage(), ex);
        }
        if (settings.auth() != null)
        {
            handshake(deadline);
        }
    }

    private long left(final long deadline) throws IOException
    {
        final long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0)
        {
            throw new IOException("not connected within " + settings.connectionTimeout().toMillis() + " ms");
        }
        return left;
    }

    private void handshake(final long deadline) throws IOException
    {
        try
        {
            final ForwardHandshake handshake = new ForwardHandshake(settings.auth(), settings.peer());
            final byte[] ping = handshake.ping(readMessage(deadline, "HELO", " (is its shared-key security on?)"));
            writeAll(new ByteBuffer[] {ByteBuffer.wrap(ping)});
            handshake.pong(readMessage(deadline, "PONG", ""));
        }
        catch (final IOException ex)
        {
            close();
            throw ex.getMessage().startsWith(settings.peer()) ? ex
                : new IOException("handshake with " + settings.peer() + ": " + ex.getMessage(), ex);
        }
    }

    private Object readMessage(final long deadline, final String what, final String hint) throws IOException
    {
        while (true)
        {
            final Object message = answers.message();
            if (message != MsgPackReader.Incomplete.INSTANCE)
            {
                return message;
            }
            if (answers.fill(source) == 0)
            {
                final long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0)
                {
                    throw new IOException(settings.peer() + " sent no " + what + " within "
                        + settings.connectionTimeout().toMillis() + " ms" + hint);
                }
                await(SelectionKey.OP_READ, left);
            }
        }
    }

    /**
     * Write one chunk as a PackedForward message, waiting while the socket's buffer is full.
     *
     * @param chunk the chunk.
     * @throws IOException when the write fails.
     */
    void write(final Chunk chunk) throws IOException
    {
        head.clear();
        head.position(settings.forwardMode() ? MsgPack.forwardHead(head.array(), tag, chunk.events())
            : MsgPack.packedHead(head.array(), tag, chunk.length())).flip();
        option.clear();
        option.position(MsgPack.option(option.array(), chunk.events(), settings.requireAck() ? chunk.id() : null)).flip();
        if (entries.array() != chunk.entries())
        {
            entries = ByteBuffer.wrap(chunk.entries());
        }
        entries.clear().limit(chunk.length());
        message[0] = head;
        message[1] = entries;
        message[2] = option;
        writeAll(message);
    }

    private void writeAll(final ByteBuffer[] buffers) throws IOException
    {
        final SocketChannel open = open();
        if (tls != null)
        {
            tls.write(buffers);
            return;
        }
        while (buffers[buffers.length - 1].hasRemaining())
        {
            if (open.write(buffers) == 0)
            {
                await(SelectionKey.OP_WRITE, 0);
            }
        }
    }

    /**
     * Take what the peer sent that is already here, without waiting.
     *
     * @param acks told each acknowledged id.
     * @throws IOException when the peer closed the connection or answered nonsense.
     */
    void readAvailable(final Acks acks) throws IOException
    {
        while (answers.fill(source) > 0)
        {
            answers.parse(acks);
        }
    }

    /**
     * Wait at most {@code millis} for the peer's next answers.
     *
     * @param millis the longest to wait (at least 1).
     * @param acks   told each acknowledged id.
     * @return false when nothing came in time.
     * @throws IOException when the peer closed the connection or answered nonsense.
     */
    boolean readWaiting(final long millis, final Acks acks) throws IOException
    {
        if (answers.fill(source) == 0)
        {
            await(SelectionKey.OP_READ, Math.max(1, millis));
            if (answers.fill(source) == 0)
            {
                return false;
            }
        }
        answers.parse(acks);
        readAvailable(acks);
        return true;
    }

    private void await(final int operation, final long millis) throws IOException
    {
        final Selector waits = selector;
        if (waits == null)
        {
            throw new IOException("connection to " + settings.peer() + " closed");
        }
        try
        {
            key.interestOps(operation);
            waits.select(millis);
            waits.selectedKeys().clear();
        }
        catch (final ClosedSelectorException | CancelledKeyException ex)
        {
            // closed by unblock() on another thread while waiting
            throw new IOException("connection to " + settings.peer() + " closed", ex);
        }
        open();
    }

    private int readSome(final ByteBuffer into) throws IOException
    {
        final SocketChannel open = open();
        return tls != null ? tls.read(into) : open.read(into);
    }

    private SocketChannel open() throws IOException
    {
        final SocketChannel open = channel;
        if (open == null)
        {
            throw new IOException("connection to " + settings.peer() + " closed");
        }
        return open;
    }

    /**
     * Close the connection; safe from any thread, and when closed.
     */
    void close()
    {
        final SocketChannel open = channel;
        final Selector waits = selector;
        channel = null;
        selector = null;
        try
        {
            if (waits != null)
            {
                waits.wakeup();
                waits.close();
            }
            if (open != null)
            {
                open.close();
            }
        }
        catch (final IOException ignored)
        {
            // closing: nothing more to do
        }
    }

    /**
     * Told each chunk id the peer acknowledged.
     */
    interface Acks
    {
        /**
         * @param b      the bytes holding the id.
         * @param from   where it starts.
         * @param length its length.
         */
        void acknowledged(byte[] b, int from, int length);
    }
}
