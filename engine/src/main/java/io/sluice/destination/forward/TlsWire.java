package io.sluice.destination.forward;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * TLS over the forward connection's non-blocking {@link SocketChannel}, with the JDK's {@link SSLEngine}: the
 * handshake (waiting at most until a deadline), writes that wait while the socket's buffer is full, and reads that
 * take without waiting what the kernel holds, decrypted. Its buffers are allocated once per connection.
 */
final class TlsWire
{
    private static final ByteBuffer[] NOTHING = {ByteBuffer.allocate(0)};

    private final SSLEngine engine;
    private final SocketChannel channel;
    private final Waiter waiter;
    private final ByteBuffer netOut;
    private final ByteBuffer netIn;
    private final ByteBuffer appIn;
    private boolean ended;

    /**
     * @param engine  a client engine for this connection.
     * @param channel the connected channel.
     * @param waiter  waits for the channel to be ready.
     */
    TlsWire(final SSLEngine engine, final SocketChannel channel, final Waiter waiter)
    {
        this.engine = engine;
        this.channel = channel;
        this.waiter = waiter;
        final int packet = engine.getSession().getPacketBufferSize();
        this.netOut = ByteBuffer.allocate(packet);
        this.netIn = ByteBuffer.allocate(packet);
        this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        appIn.flip();
    }

    /**
     * @param deadline when it must be done (nanoTime).
     * @throws IOException when the handshake fails or is not done by the deadline.
     */
    void handshake(final long deadline) throws IOException
    {
        engine.beginHandshake();
        while (true)
        {
            switch (engine.getHandshakeStatus())
            {
                case NEED_WRAP -> wrap(NOTHING);
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> unwrapWaiting(deadline);
                case NEED_TASK -> runTasks();
                default ->
                {
                    return;
                }
            }
        }
    }

    /**
     * Write every byte of the buffers, waiting while the socket's buffer is full.
     *
     * @param sources what to write.
     * @throws IOException when the connection fails.
     */
    void write(final ByteBuffer[] sources) throws IOException
    {
        while (sources[sources.length - 1].hasRemaining())
        {
            wrap(sources);
        }
    }

    /**
     * @param into where the decrypted bytes go.
     * @return the bytes read, 0 when none are here yet, -1 at the end of the connection.
     * @throws IOException when the connection fails.
     */
    int read(final ByteBuffer into) throws IOException
    {
        if (!appIn.hasRemaining())
        {
            fillAppIn();
        }
        if (!appIn.hasRemaining())
        {
            return ended ? -1 : 0;
        }
        final int count = Math.min(appIn.remaining(), into.remaining());
        into.put(into.position(), appIn, appIn.position(), count);
        into.position(into.position() + count);
        appIn.position(appIn.position() + count);
        return count;
    }

    private void fillAppIn() throws IOException
    {
        if (!ended && channel.read(netIn) < 0)
        {
            ended = true;
        }
        appIn.compact();
        try
        {
            while (netIn.position() > 0)
            {
                netIn.flip();
                final SSLEngineResult result = engine.unwrap(netIn, appIn);
                netIn.compact();
                if (result.getStatus() == SSLEngineResult.Status.CLOSED)
                {
                    ended = true;
                    break;
                }
                afterUnwrap(result);
                if (result.getStatus() != SSLEngineResult.Status.OK || result.bytesConsumed() == 0)
                {
                    break;
                }
            }
        }
        finally
        {
            appIn.flip();
        }
    }

    private void afterUnwrap(final SSLEngineResult result) throws IOException
    {
        if (result.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK)
        {
            runTasks();
        }
        if (engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP)
        {
            // a key update or renegotiation asks for an answer
            wrap(NOTHING);
        }
    }

    private void unwrapWaiting(final long deadline) throws IOException
    {
        appIn.compact();
        try
        {
            while (true)
            {
                netIn.flip();
                final SSLEngineResult result = engine.unwrap(netIn, appIn);
                netIn.compact();
                if (result.getStatus() == SSLEngineResult.Status.CLOSED)
                {
                    throw new SSLException("the peer closed the connection during the TLS handshake");
                }
                if (result.getStatus() != SSLEngineResult.Status.BUFFER_UNDERFLOW)
                {
                    return;
                }
                final int read = channel.read(netIn);
                if (read < 0)
                {
                    throw new SSLException("the peer closed the connection during the TLS handshake");
                }
                if (read == 0)
                {
                    final long left = deadline - System.nanoTime();
                    if (left <= 0)
                    {
                        throw new IOException("the TLS handshake was not done in time");
                    }
                    waiter.await(SelectionKey.OP_READ, Math.max(1, left / 1_000_000));
                }
            }
        }
        finally
        {
            appIn.flip();
        }
    }

    private void wrap(final ByteBuffer[] sources) throws IOException
    {
        netOut.clear();
        final SSLEngineResult result = engine.wrap(sources, netOut);
        if (result.getStatus() == SSLEngineResult.Status.CLOSED)
        {
            throw new IOException("the TLS session is closed");
        }
        netOut.flip();
        while (netOut.hasRemaining())
        {
            if (channel.write(netOut) == 0)
            {
                waiter.await(SelectionKey.OP_WRITE, 0);
            }
        }
        if (result.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK)
        {
            runTasks();
        }
    }

    private void runTasks()
    {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null)
        {
            task.run();
        }
    }

    /**
     * Waits for the channel to be ready for an operation.
     */
    interface Waiter
    {
        /**
         * @param operation {@link SelectionKey#OP_READ} or {@link SelectionKey#OP_WRITE}.
         * @param millis    the longest to wait; 0 for no limit.
         * @throws IOException when the connection was closed meanwhile.
         */
        void await(int operation, long millis) throws IOException;
    }
}
