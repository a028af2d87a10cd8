package io.sluice.destination.forward;

import java.io.IOException;

/**
 * The few MessagePack forms a forward sender writes and reads, straight into and out of byte arrays (no allocation per
 * event): string and binary headers, a PackedForward message's head and option, and the peer's {@code {"ack": id}}
 * answer.
 */
final class MsgPack
{
    /** The peer's answer map that is not yet whole. */
    static final int INCOMPLETE = -1;

    private static final int FIXSTR_MAX = 31;
    private static final int STR8_MAX = 255;
    private static final int STR16_MAX = 65_535;

    private MsgPack()
    {
    }

    /**
     * @param b      where to write.
     * @param at     where.
     * @param length the string's length in bytes.
     * @return where the string's bytes go.
     */
    static int strHeader(final byte[] b, final int at, final int length)
    {
        if (length <= FIXSTR_MAX)
        {
            b[at] = (byte)(0xa0 | length);
            return at + 1;
        }
        if (length <= STR8_MAX)
        {
            b[at] = (byte)0xd9;
            b[at + 1] = (byte)length;
            return at + 2;
        }
        if (length <= STR16_MAX)
        {
            b[at] = (byte)0xda;
            b[at + 1] = (byte)(length >>> 8);
            b[at + 2] = (byte)length;
            return at + 3;
        }
        b[at] = (byte)0xdb;
        return putInt(b, at + 1, length);
    }

    /**
     * The head of a PackedForward message: a 3-array, the tag, and the header of the binary entries.
     *
     * @param b       where to write (at least 8 + tag bytes).
     * @param tag     the tag, UTF-8.
     * @param entries the entries' length in bytes.
     * @return the head's length.
     */
    static int packedHead(final byte[] b, final byte[] tag, final int entries)
    {
        b[0] = (byte)0x93;
        int at = strHeader(b, 1, tag.length);
        System.arraycopy(tag, 0, b, at, tag.length);
        at += tag.length;
        b[at] = (byte)0xc6;
        return putInt(b, at + 1, entries);
    }

    /**
     * The head of a Forward-mode message: a 3-array, the tag, and the header of the array of entries.
     *
     * @param b       where to write (at least 8 + tag bytes).
     * @param tag     the tag, UTF-8.
     * @param events  the entries in the array.
     * @return the head's length.
     */
    static int forwardHead(final byte[] b, final byte[] tag, final int events)
    {
        b[0] = (byte)0x93;
        int at = strHeader(b, 1, tag.length);
        System.arraycopy(tag, 0, b, at, tag.length);
        at += tag.length;
        b[at] = (byte)0xdd;
        return putInt(b, at + 1, events);
    }

    /**
     * The option of a PackedForward message: {@code {"size": events}} and, when acknowledged, {@code "chunk": id}.
     *
     * @param b      where to write (at least 20 + id bytes).
     * @param events the events in the message.
     * @param chunk  the chunk id to acknowledge, ASCII, or null.
     * @return the option's length.
     */
    static int option(final byte[] b, final int events, final byte[] chunk)
    {
        b[0] = (byte)(chunk == null ? 0x81 : 0x82);
        int at = fixstr(b, 1, "size");
        b[at] = (byte)0xce;
        at = putInt(b, at + 1, events);
        if (chunk != null)
        {
            at = fixstr(b, at, "chunk");
            at = strHeader(b, at, chunk.length);
            System.arraycopy(chunk, 0, b, at, chunk.length);
            at += chunk.length;
        }
        return at;
    }

    /**
     * Read one answer map of string keys and values, and find its {@code ack}.
     *
     * @param b     the bytes received.
     * @param from  where the answer starts.
     * @param limit where the bytes received end.
     * @param ack   receives the ack's offset and length ({@code ack[0]}, {@code ack[1]}; length -1 when it has none).
     * @return where the next answer starts, or {@link #INCOMPLETE}.
     * @throws IOException when the bytes are no such map.
     */
    static int answer(final byte[] b, final int from, final int limit, final int[] ack) throws IOException
    {
        if (from >= limit)
        {
            return INCOMPLETE;
        }
        final int head = b[from] & 0xff;
        if ((head & 0xf0) != 0x80)
        {
            throw new IOException("the peer answered something other than a map (0x" + Integer.toHexString(head) + ")");
        }
        int at = from + 1;
        ack[1] = -1;
        for (int pair = 0; pair < (head & 0x0f); pair++)
        {
            final int keyAt = at;
            at = skipStr(b, at, limit);
            if (at == INCOMPLETE)
            {
                return INCOMPLETE;
            }
            final boolean isAck = at - keyAt == 4 && b[keyAt] == (byte)0xa3 && b[keyAt + 1] == 'a' && b[keyAt + 2] == 'c'
                && b[keyAt + 3] == 'k';
            final int valueAt = at;
            at = skipStr(b, at, limit);
            if (at == INCOMPLETE)
            {
                return INCOMPLETE;
            }
            if (isAck)
            {
                final int body = bodyStart(b, valueAt);
                ack[0] = body;
                ack[1] = at - body;
            }
        }
        return at;
    }

    private static int skipStr(final byte[] b, final int at, final int limit) throws IOException
    {
        if (at >= limit)
        {
            return INCOMPLETE;
        }
        final int body = bodyStart(b, at);
        if (body > limit)
        {
            return INCOMPLETE;
        }
        final int head = b[at] & 0xff;
        final int length;
        if ((head & 0xe0) == 0xa0)
        {
            length = head & 0x1f;
        }
        else if (head == 0xd9 || head == 0xc4)
        {
            length = b[at + 1] & 0xff;
        }
        else
        {
            length = (b[at + 1] & 0xff) << 8 | b[at + 2] & 0xff;
        }
        return body + length > limit ? INCOMPLETE : body + length;
    }

    private static int bodyStart(final byte[] b, final int at) throws IOException
    {
        final int head = b[at] & 0xff;
        if ((head & 0xe0) == 0xa0)
        {
            return at + 1;
        }
        if (head == 0xd9 || head == 0xc4)
        {
            return at + 2;
        }
        if (head == 0xda || head == 0xc5)
        {
            return at + 3;
        }
        throw new IOException("the peer's answer holds something other than strings (0x" + Integer.toHexString(head) + ")");
    }

    private static int fixstr(final byte[] b, final int at, final String ascii)
    {
        b[at] = (byte)(0xa0 | ascii.length());
        for (int i = 0; i < ascii.length(); i++)
        {
            b[at + 1 + i] = (byte)ascii.charAt(i);
        }
        return at + 1 + ascii.length();
    }

    static int putInt(final byte[] b, final int at, final int value)
    {
        b[at] = (byte)(value >>> 24);
        b[at + 1] = (byte)(value >>> 16);
        b[at + 2] = (byte)(value >>> 8);
        b[at + 3] = (byte)value;
        return at + 4;
    }
}
