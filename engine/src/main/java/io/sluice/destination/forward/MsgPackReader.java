package io.sluice.destination.forward;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads one whole MessagePack value into Java objects, for the few handshake messages a connection reads once
 * ({@code HELO}, {@code PONG}): nil as null, booleans, integers as {@link Long}, floats as {@link Double}, strings and
 * binaries as {@code byte[]}, arrays as {@code Object[]}, maps as a {@link Map} with string keys; extension values
 * are passed over as null. Not for the event path, which writes without reading.
 */
final class MsgPackReader
{
    private final byte[] b;
    private final int limit;
    private int at;

    /**
     * @param b     the bytes.
     * @param from  where the value starts.
     * @param limit where the bytes end.
     */
    MsgPackReader(final byte[] b, final int from, final int limit)
    {
        this.b = b;
        this.at = from;
        this.limit = limit;
    }

    /**
     * @return where the value read ends.
     */
    int position()
    {
        return at;
    }

    /**
     * @return the value, or {@link Incomplete#INSTANCE} when its bytes have not all come.
     * @throws IOException when the bytes are no MessagePack.
     */
    Object read() throws IOException
    {
        try
        {
            return value();
        }
        catch (final ArrayIndexOutOfBoundsException ex)
        {
            return Incomplete.INSTANCE;
        }
    }

    private Object value() throws IOException
    {
        final int head = u8();
        if (head <= 0x7f || head >= 0xe0)
        {
            return (long)(byte)head;
        }
        if ((head & 0xf0) == 0x80 || head == 0xde || head == 0xdf)
        {
            return map((head & 0xf0) == 0x80 ? head & 0x0f : (int)unsigned(head == 0xde ? 2 : 4));
        }
        if ((head & 0xf0) == 0x90 || head == 0xdc || head == 0xdd)
        {
            return array((head & 0xf0) == 0x90 ? head & 0x0f : (int)unsigned(head == 0xdc ? 2 : 4));
        }
        if ((head & 0xe0) == 0xa0)
        {
            return bytes(head & 0x1f);
        }
        return switch (head)
        {
            case 0xc0 -> null;
            case 0xc2 -> Boolean.FALSE;
            case 0xc3 -> Boolean.TRUE;
            case 0xc4, 0xd9 -> bytes((int)unsigned(1));
            case 0xc5, 0xda -> bytes((int)unsigned(2));
            case 0xc6, 0xdb -> bytes((int)unsigned(4));
            case 0xca -> (double)Float.intBitsToFloat((int)unsigned(4));
            case 0xcb -> Double.longBitsToDouble(unsigned(8));
            case 0xcc, 0xcd, 0xce, 0xcf -> unsigned(1 << (head - 0xcc));
            case 0xd0 -> (long)(byte)unsigned(1);
            case 0xd1 -> (long)(short)unsigned(2);
            case 0xd2 -> (long)(int)unsigned(4);
            case 0xd3 -> unsigned(8);
            case 0xd4, 0xd5, 0xd6, 0xd7, 0xd8 -> skip(2 + (1 << (head - 0xd4)));
            case 0xc7, 0xc8, 0xc9 -> skip(1 + (int)unsigned(1 << (head - 0xc7)));
            default -> throw new IOException("not MessagePack (0x" + Integer.toHexString(head) + ")");
        };
    }

    private Object skip(final int count)
    {
        if (at + count > limit)
        {
            throw new ArrayIndexOutOfBoundsException(at + count);
        }
        at += count;
        return null;
    }

    private Map<String, Object> map(final int size) throws IOException
    {
        final Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < size; i++)
        {
            final Object key = value();
            map.put(key instanceof byte[] text ? new String(text, StandardCharsets.UTF_8) : String.valueOf(key), value());
        }
        return map;
    }

    private Object[] array(final int size) throws IOException
    {
        final Object[] array = new Object[size];
        for (int i = 0; i < size; i++)
        {
            array[i] = value();
        }
        return array;
    }

    private byte[] bytes(final int length)
    {
        if (at + length > limit)
        {
            throw new ArrayIndexOutOfBoundsException(at + length);
        }
        final byte[] copy = new byte[length];
        System.arraycopy(b, at, copy, 0, length);
        at += length;
        return copy;
    }

    private long unsigned(final int bytes)
    {
        long value = 0;
        for (int i = 0; i < bytes; i++)
        {
            value = value << 8 | u8();
        }
        return value;
    }

    private int u8()
    {
        if (at >= limit)
        {
            throw new ArrayIndexOutOfBoundsException(at);
        }
        return b[at++] & 0xff;
    }

    /**
     * The value read is not whole yet.
     */
    enum Incomplete
    {
        /** The one marker. */
        INSTANCE
    }
}
