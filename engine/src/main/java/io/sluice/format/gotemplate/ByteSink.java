package io.sluice.format.gotemplate;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Where rendered bytes go: the formatter's output buffer, or a scratch area for the strings functions make. Numbers
 * are written as digits without going through a Java string; the buffer grows when it is expandable.
 */
final class ByteSink
{
    private static final byte[] MIN_LONG = "-9223372036854775808".getBytes(StandardCharsets.US_ASCII);

    private MutableDirectBuffer buffer;
    private int position;

    ByteSink(final MutableDirectBuffer buffer)
    {
        this.buffer = buffer;
    }

    ByteSink wrap(final MutableDirectBuffer target, final int offset)
    {
        this.buffer = target;
        this.position = offset;
        return this;
    }

    MutableDirectBuffer buffer()
    {
        return buffer;
    }

    int position()
    {
        return position;
    }

    void position(final int newPosition)
    {
        position = newPosition;
    }

    void put(final int b)
    {
        buffer.putByte(position++, (byte)b);
    }

    void put(final DirectBuffer source, final int offset, final int length)
    {
        if (length > 0)
        {
            buffer.putBytes(position, source, offset, length);
            position += length;
        }
    }

    void put(final byte[] bytes)
    {
        buffer.putBytes(position, bytes);
        position += bytes.length;
    }

    void put(final byte[] bytes, final int offset, final int length)
    {
        buffer.putBytes(position, bytes, offset, length);
        position += length;
    }

    /**
     * @param text text to write as UTF-8 (messages and rarely used functions: it allocates).
     */
    void put(final String text)
    {
        put(text.getBytes(StandardCharsets.UTF_8));
    }

    void putAscii(final String text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            buffer.putByte(position++, (byte)text.charAt(i));
        }
    }

    void putLong(final long value)
    {
        if (value == Long.MIN_VALUE)
        {
            put(MIN_LONG);
            return;
        }
        if (value < 0)
        {
            put('-');
            putUnsigned(-value);
            return;
        }
        putUnsigned(value);
    }

    /**
     * @param value a 64-bit unsigned integer.
     */
    void putUnsigned(final long value)
    {
        long v = value;
        if (v < 0)
        {
            final long quotient = (v >>> 1) / 5;
            putUnsigned(quotient);
            put('0' + (int)(v - quotient * 10));
            return;
        }
        int digits = 1;
        for (long p = 10; p <= v && digits < 19; p *= 10)
        {
            digits++;
        }
        position += digits;
        int at = position - 1;
        do
        {
            buffer.putByte(at--, (byte)('0' + (int)(v % 10)));
            v /= 10;
        }
        while (v != 0);
    }

    /**
     * @param codePoint a Unicode code point, written as UTF-8 (invalid ones as U+FFFD, as Go does).
     */
    void putRune(final int codePoint)
    {
        int c = codePoint;
        if (c < 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        {
            c = 0xFFFD;
        }
        if (c < 0x80)
        {
            put(c);
        }
        else if (c < 0x800)
        {
            put(0xC0 | (c >> 6));
            put(0x80 | (c & 0x3F));
        }
        else if (c < 0x10000)
        {
            put(0xE0 | (c >> 12));
            put(0x80 | ((c >> 6) & 0x3F));
            put(0x80 | (c & 0x3F));
        }
        else
        {
            put(0xF0 | (c >> 18));
            put(0x80 | ((c >> 12) & 0x3F));
            put(0x80 | ((c >> 6) & 0x3F));
            put(0x80 | (c & 0x3F));
        }
    }

    /**
     * @param from where the text starts.
     * @return the bytes from there to the current position, as UTF-8 text (allocates: tests and messages).
     */
    String text(final int from)
    {
        final byte[] bytes = new byte[position - from];
        buffer.getBytes(from, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * @param text a constant.
     * @return a buffer over its UTF-8 bytes.
     */
    static UnsafeBuffer constant(final String text)
    {
        return new UnsafeBuffer(text.getBytes(StandardCharsets.UTF_8));
    }
}
