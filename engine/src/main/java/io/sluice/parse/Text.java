package io.sluice.parse;

import org.agrona.MutableDirectBuffer;

/**
 * Writing the pieces of a parsed argument: names, the {@code |} between them, and numbers in Go's
 * {@code strconv.FormatUint} and {@code strconv.Itoa} forms.
 */
final class Text
{
    private static final byte BAR = '|';

    private Text()
    {
    }

    /** @return the length of {@code name} written at {@code offset}. */
    static int put(final MutableDirectBuffer out, final int offset, final byte[] name)
    {
        out.putBytes(offset, name);
        return name.length;
    }

    /** @return the bytes written: {@code name}, after a {@code |} when {@code at} is past {@code start}. */
    static int join(final MutableDirectBuffer out, final int start, final int at, final byte[] name)
    {
        if (at == start)
        {
            return put(out, at, name);
        }
        out.putByte(at, BAR);
        return 1 + put(out, at + 1, name);
    }

    /** @return the length of {@code value} written as an unsigned decimal (Go's {@code FormatUint(v, 10)}). */
    static int unsignedDecimal(final MutableDirectBuffer out, final int offset, final long value)
    {
        if (value >= 0)
        {
            return out.putLongAscii(offset, value);
        }
        final long quotient = (value >>> 1) / 5;
        final int length = out.putLongAscii(offset, quotient);
        out.putByte(offset + length, (byte)('0' + (value - quotient * 10)));
        return length + 1;
    }

    /** @return the length of {@code value} written as a signed decimal (Go's {@code strconv.Itoa(int(v))}). */
    static int signedDecimal(final MutableDirectBuffer out, final int offset, final long value)
    {
        return out.putLongAscii(offset, value);
    }
}
