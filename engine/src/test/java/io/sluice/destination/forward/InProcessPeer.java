package io.sluice.destination.forward;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: a forward receiver in this JVM that reads PackedForward messages as Sluice writes them and hands each
 * message's chunk id to the test, which decides when (and whether) to acknowledge it. The Python peer of the CLI
 * tests is the independent reader; this one lets a test order acknowledgements.
 */
final class InProcessPeer implements AutoCloseable
{
    private final ServerSocket server;
    private final BlockingQueue<String> chunks = new LinkedBlockingQueue<>();
    private final Thread acceptor;
    private volatile Socket connection;

    InProcessPeer() throws IOException
    {
        server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::serve, "in-process-forward-peer");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port()
    {
        return server.getLocalPort();
    }

    /**
     * @return the next message's chunk id, waiting up to 5 s.
     */
    String nextChunk() throws InterruptedException
    {
        final String chunk = chunks.poll(5, TimeUnit.SECONDS);
        if (chunk == null)
        {
            throw new AssertionError("no message came");
        }
        return chunk;
    }

    /**
     * @param chunk the id to acknowledge on the current connection.
     */
    void ack(final String chunk) throws IOException
    {
        final byte[] id = chunk.getBytes(StandardCharsets.US_ASCII);
        final byte[] answer = new byte[5 + id.length];
        answer[0] = (byte)0x81;
        answer[1] = (byte)0xa3;
        answer[2] = 'a';
        answer[3] = 'c';
        answer[4] = 'k';
        final OutputStream out = connection.getOutputStream();
        out.write(answer, 0, 5);
        out.write(0xa0 | id.length);
        out.write(id);
        out.flush();
    }

    /**
     * Close the current connection (the peer goes away; it still accepts the next).
     */
    void drop() throws IOException
    {
        connection.close();
    }

    private void serve()
    {
        while (!server.isClosed())
        {
            try (Socket accepted = server.accept())
            {
                connection = accepted;
                final DataInputStream in = new DataInputStream(accepted.getInputStream());
                while (true)
                {
                    chunks.add(readMessage(in));
                }
            }
            catch (final IOException ex)
            {
                // the connection or the server closed: accept the next
            }
        }
    }

    private static String readMessage(final DataInputStream in) throws IOException
    {
        expect(in, 0x93);
        in.skipNBytes(in.readUnsignedByte() & 0x1f);
        expect(in, 0xc6);
        in.skipNBytes(in.readInt());
        final int pairs = in.readUnsignedByte() & 0x0f;
        String chunk = "-";
        for (int i = 0; i < pairs; i++)
        {
            final String key = new String(in.readNBytes(in.readUnsignedByte() & 0x1f), StandardCharsets.US_ASCII);
            if (key.equals("size"))
            {
                expect(in, 0xce);
                in.readInt();
            }
            else
            {
                chunk = new String(in.readNBytes(in.readUnsignedByte() & 0x1f), StandardCharsets.US_ASCII);
            }
        }
        return chunk;
    }

    private static void expect(final DataInputStream in, final int marker) throws IOException
    {
        final int read = in.readUnsignedByte();
        if (read != marker)
        {
            throw new IOException("expected 0x" + Integer.toHexString(marker) + ", got 0x" + Integer.toHexString(read));
        }
    }

    @Override
    public void close() throws IOException
    {
        server.close();
        final Socket open = connection;
        if (open != null)
        {
            open.close();
        }
    }
}
