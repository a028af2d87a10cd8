package io.sluice.format.gotemplate;

import org.agrona.DirectBuffer;

/**
 * Decoding UTF-8 one rune at a time, as Go's {@code utf8.DecodeRune} does: an invalid byte is U+FFFD of width 1.
 * {@link #decode} returns the rune and its width packed in a long, so nothing is allocated.
 */
final class Utf8
{
    static final int ERROR = 0xFFFD;

    private Utf8()
    {
    }

    /**
     * @return {@code rune << 8 | width}.
     */
    static long decode(final DirectBuffer buffer, final int at, final int limit)
    {
        final int b0 = buffer.getByte(at) & 0xFF;
        if (b0 < 0x80)
        {
            return ((long)b0 << 8) | 1;
        }
        final int width = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC2 ? 2 : 0;
        if (width == 0 || b0 > 0xF4 || at + width > limit)
        {
            return ((long)ERROR << 8) | 1;
        }
        int rune = b0 & (0x7F >> width);
        for (int i = 1; i < width; i++)
        {
            final int b = buffer.getByte(at + i) & 0xFF;
            if ((b & 0xC0) != 0x80)
            {
                return ((long)ERROR << 8) | 1;
            }
            rune = (rune << 6) | (b & 0x3F);
        }
        final boolean overlong = (width == 3 && rune < 0x800) || (width == 4 && rune < 0x10000);
        if (overlong || (rune >= 0xD800 && rune <= 0xDFFF) || rune > 0x10FFFF)
        {
            return ((long)ERROR << 8) | 1;
        }
        return ((long)rune << 8) | width;
    }

    static int rune(final long decoded)
    {
        return (int)(decoded >>> 8);
    }

    static int width(final long decoded)
    {
        return (int)(decoded & 0xFF);
    }

    /**
     * @return the number of runes in the range (Go's {@code utf8.RuneCount}).
     */
    static int count(final DirectBuffer buffer, final int offset, final int length)
    {
        int count = 0;
        int at = offset;
        final int limit = offset + length;
        while (at < limit)
        {
            final int b = buffer.getByte(at) & 0xFF;
            at += b < 0x80 ? 1 : width(decode(buffer, at, limit));
            count++;
        }
        return count;
    }

    /**
     * @return true when Go's {@code unicode.IsPrint} holds: letters, marks, numbers, punctuation, symbols and the ASCII
     * space.
     */
    static boolean isPrint(final int rune)
    {
        if (rune < 0x80)
        {
            return rune >= 0x20 && rune < 0x7F;
        }
        return switch (Character.getType(rune))
        {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.SURROGATE, Character.PRIVATE_USE,
                Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }
}
