package io.sluice.destination.forward;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * What the forward peer sent on one connection and was not yet taken: its {@code {"ack": id}} answers, read as they
 * come and told to the destination, and, once per connection, the handshake's {@code HELO} and {@code PONG}. One
 * fixed buffer, reused; an answer longer than it is refused.
 */
final class PeerAnswers
{
    private static final int MAX_ANSWERS = 64 * 1024;

    private final byte[] answers = new byte[MAX_ANSWERS];
    private final ByteBuffer buffer = ByteBuffer.wrap(answers);
    private final int[] ack = new int[2];
    private final String peer;

    /**
     * @param peer the peer, for messages.
     */
    PeerAnswers(final String peer)
    {
        this.peer = peer;
    }

    /**
     * Forget what the last connection left.
     */
    void clear()
    {
        buffer.clear();
    }

    /**
     * @param source the connection.
     * @return the bytes read now (0 when none had come).
     * @throws IOException when the peer closed the connection, or its answer is too long.
     */
    int fill(final Source source) throws IOException
    {
        if (!buffer.hasRemaining())
        {
            throw new IOException(peer + " sent an answer longer than " + MAX_ANSWERS + " bytes");
        }
        final int read = source.read(buffer);
        if (read < 0)
        {
            throw new IOException(peer + " closed the connection");
        }
        return read;
    }

    /**
     * Tell each whole {@code {"ack": id}} answer held, and keep what is not whole yet.
     *
     * @param acks told each acknowledged id.
     * @throws IOException when the peer answered something other than a map of strings.
     */
    void parse(final ForwardConnection.Acks acks) throws IOException
    {
        final int limit = buffer.position();
        int at = 0;
        while (true)
        {
            final int next = MsgPack.answer(answers, at, limit, ack);
            if (next == MsgPack.INCOMPLETE)
            {
                break;
            }
            if (ack[1] >= 0)
            {
                acks.acknowledged(answers, ack[0], ack[1]);
            }
            at = next;
        }
        take(at);
    }

    /**
     * @return the first whole message held, taken, or {@link MsgPackReader.Incomplete#INSTANCE}.
     * @throws IOException when the bytes are no MessagePack.
     */
    Object message() throws IOException
    {
        if (buffer.position() == 0)
        {
            return MsgPackReader.Incomplete.INSTANCE;
        }
        final MsgPackReader reader = new MsgPackReader(answers, 0, buffer.position());
        final Object message = reader.read();
        if (message != MsgPackReader.Incomplete.INSTANCE)
        {
            take(reader.position());
        }
        return message;
    }

    private void take(final int used)
    {
        final int held = buffer.position();
        System.arraycopy(answers, used, answers, 0, held - used);
        buffer.position(held - used);
    }

    /**
     * Where the peer's bytes come from: the connection, plain or TLS.
     */
    interface Source
    {
        /**
         * @param into where they go.
         * @return the bytes read, 0 when none are here, -1 at the end of the connection.
         * @throws IOException when the connection fails.
         */
        int read(ByteBuffer into) throws IOException;
    }
}
