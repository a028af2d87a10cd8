package io.sluice.format;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The text pieces of Tracee's table: Go's {@code %-Ns} padding (counted in characters, as Go counts them, never
 * cutting), the {@code HH:MM:SS:micros} time, unsigned 64-bit numbers, and text from the event with its control
 * characters escaped ({@code \n}, {@code \t}, {@code \r}, else {@code \xNN}) so that one event stays one line and
 * nothing from an event moves the terminal's cursor (Tracee writes them raw: the one place Sluice's table differs).
 */
final class TableText
{
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private TableText()
    {
    }

    /**
     * Pad a cell to {@code width} characters (UTF-8 continuation bytes are not characters), then one space.
     *
     * @return the position after the space.
     */
    static int pad(final MutableDirectBuffer out, final int position, final int cellStart, final int width)
    {
        final int p = padTo(out, position, cellStart, width);
        out.putByte(p, (byte)' ');
        return p + 1;
    }

    /**
     * Pad a cell to {@code width} characters, as Go's {@code %-Ns}; a wider cell is left as it is.
     *
     * @return the position after the padding.
     */
    static int padTo(final MutableDirectBuffer out, final int position, final int cellStart, final int width)
    {
        int characters = 0;
        for (int i = cellStart; i < position && characters < width; i++)
        {
            if ((out.getByte(i) & 0xC0) != 0x80)
            {
                characters++;
            }
        }
        int p = position;
        for (; characters < width; characters++)
        {
            out.putByte(p++, (byte)' ');
        }
        return p;
    }

    /**
     * @param localSeconds seconds since the epoch, shifted to the local zone.
     * @param nanos        nanoseconds in the second.
     * @return the position after {@code HH:MM:SS:micros}.
     */
    static int timeOfDay(final MutableDirectBuffer out, final int start, final long localSeconds, final int nanos)
    {
        final long secondOfDay = Math.floorMod(localSeconds, 86_400L);
        int p = start;
        p = twoDigits(out, p, (int)(secondOfDay / 3600));
        out.putByte(p++, (byte)':');
        p = twoDigits(out, p, (int)(secondOfDay / 60 % 60));
        out.putByte(p++, (byte)':');
        p = twoDigits(out, p, (int)(secondOfDay % 60));
        out.putByte(p++, (byte)':');
        final int micros = Math.max(0, nanos) / 1000;
        for (int divisor = 100_000; divisor > 0; divisor /= 10)
        {
            out.putByte(p++, (byte)('0' + micros / divisor % 10));
        }
        return p;
    }

    private static int twoDigits(final MutableDirectBuffer out, final int p, final int value)
    {
        out.putByte(p, (byte)('0' + value / 10));
        out.putByte(p + 1, (byte)('0' + value % 10));
        return p + 2;
    }

    /**
     * @return the position after the value, printed as an unsigned 64-bit number.
     */
    static int unsigned(final MutableDirectBuffer out, final int start, final long value)
    {
        if (value >= 0)
        {
            return start + out.putLongAscii(start, value);
        }
        final long quotient = (value >>> 1) / 5;
        final int remainder = (int)(value - quotient * 10);
        int p = start + out.putLongAscii(start, quotient);
        out.putByte(p++, (byte)('0' + remainder));
        return p;
    }

    private static boolean isPlain(final byte b)
    {
        return b >= ' ' && b != 0x7F || b < 0;
    }

    /**
     * Copy text, escaping its control characters.
     *
     * @return the position after it.
     */
    static int escaped(final MutableDirectBuffer out, final int start, final DirectBuffer src, final int offset, final int length)
    {
        int plain = offset;
        while (plain < offset + length && isPlain(src.getByte(plain)))
        {
            plain++;
        }
        out.putBytes(start, src, offset, plain - offset);
        int p = start + plain - offset;
        for (int i = plain; i < offset + length; i++)
        {
            final byte b = src.getByte(i);
            if (isPlain(b))
            {
                out.putByte(p++, b);
                continue;
            }
            out.putByte(p++, (byte)'\\');
            switch (b)
            {
                case '\n' -> out.putByte(p++, (byte)'n');
                case '\t' -> out.putByte(p++, (byte)'t');
                case '\r' -> out.putByte(p++, (byte)'r');
                default ->
                {
                    out.putByte(p++, (byte)'x');
                    out.putByte(p++, HEX[(b >>> 4) & 0xF]);
                    out.putByte(p++, HEX[b & 0xF]);
                }
            }
        }
        return p;
    }
}
