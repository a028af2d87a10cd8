package io.sluice.format;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Tetragon's {@code maybeQuote} for text that reaches a terminal: a UTF-8 string is written as it is unless it holds
 * a space or a character that does not print, then as Go's {@code strconv.Quote} writes it ({@code "a b"},
 * {@code "\x1b[31m"}, {@code "tab\there"}, {@code "\u00a0"}), so no argument or path can move the cursor, colour the
 * screen or pass for two fields. "Prints" is Go's {@code strconv.IsPrint}: ASCII 0x21-0x7E, and beyond ASCII the
 * letters, marks, numbers, punctuation and symbols (Java's Unicode tables). One difference: bytes that are not UTF-8
 * quote the string too (Go reads them as U+FFFD, which prints, and would pass them through raw); inside quotes they
 * are {@code \xNN}, as Go writes them. Static and allocation-free.
 */
final class GoQuote
{
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private GoQuote()
    {
    }

    /**
     * @param src    the text's buffer.
     * @param offset where it starts.
     * @param length its length in bytes.
     * @param out    where to write.
     * @param start  where to start writing.
     * @return the position after what was written.
     */
    static int maybeQuote(final DirectBuffer src, final int offset, final int length, final MutableDirectBuffer out,
        final int start)
    {
        if (!needsQuotes(src, offset, length))
        {
            out.putBytes(start, src, offset, length);
            return start + length;
        }
        return quote(src, offset, length, out, start);
    }

    /**
     * @return true when the text holds a space, a character that does not print, or bytes that are not UTF-8.
     */
    static boolean needsQuotes(final DirectBuffer src, final int offset, final int length)
    {
        final int end = offset + length;
        int i = offset;
        while (i < end)
        {
            final int b = src.getByte(i) & 0xFF;
            if (b < 0x80)
            {
                if (b <= ' ' || b == 0x7F)
                {
                    return true;
                }
                i++;
                continue;
            }
            final int width = width(src, i, end);
            if (width == 0 || !printsBeyondAscii(codePoint(src, i, width)))
            {
                return true;
            }
            i += width;
        }
        return false;
    }

    private static int quote(final DirectBuffer src, final int offset, final int length, final MutableDirectBuffer out,
        final int start)
    {
        final int end = offset + length;
        int p = start;
        out.putByte(p++, (byte)'"');
        int i = offset;
        while (i < end)
        {
            final int b = src.getByte(i) & 0xFF;
            if (b < 0x80)
            {
                p = asciiEscaped(b, out, p);
                i++;
                continue;
            }
            final int width = width(src, i, end);
            if (width == 0)
            {
                p = hex(out, p, 'x', b, 2);
                i++;
                continue;
            }
            final int codePoint = codePoint(src, i, width);
            if (printsBeyondAscii(codePoint))
            {
                out.putBytes(p, src, i, width);
                p += width;
            }
            else
            {
                p = codePoint < 0x10000 ? hex(out, p, 'u', codePoint, 4) : hex(out, p, 'U', codePoint, 8);
            }
            i += width;
        }
        out.putByte(p++, (byte)'"');
        return p;
    }

    private static int asciiEscaped(final int b, final MutableDirectBuffer out, final int start)
    {
        int p = start;
        final char escape = switch (b)
        {
            case 0x07 -> 'a';
            case 0x08 -> 'b';
            case 0x0C -> 'f';
            case '\n' -> 'n';
            case '\r' -> 'r';
            case '\t' -> 't';
            case 0x0B -> 'v';
            case '"', '\\' -> (char)b;
            default -> 0;
        };
        if (escape != 0)
        {
            out.putByte(p++, (byte)'\\');
            out.putByte(p++, (byte)escape);
            return p;
        }
        if (b < ' ' || b == 0x7F)
        {
            return hex(out, p, 'x', b, 2);
        }
        out.putByte(p++, (byte)b);
        return p;
    }

    private static int hex(final MutableDirectBuffer out, final int start, final char kind, final int value, final int digits)
    {
        int p = start;
        out.putByte(p++, (byte)'\\');
        out.putByte(p++, (byte)kind);
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
        {
            out.putByte(p++, HEX[(value >>> shift) & 0xF]);
        }
        return p;
    }

    /**
     * @return the length of the well-formed UTF-8 sequence starting at {@code i} (2 to 4), or 0 when it is not one
     *         (Go's decoding rules: no overlong forms, no surrogates, nothing past U+10FFFF).
     */
    static int width(final DirectBuffer src, final int i, final int end)
    {
        final int b = src.getByte(i) & 0xFF;
        final int width;
        int low = 0x80;
        int high = 0xBF;
        if (b >= 0xC2 && b <= 0xDF)
        {
            width = 2;
        }
        else if (b >= 0xE0 && b <= 0xEF)
        {
            width = 3;
            low = b == 0xE0 ? 0xA0 : 0x80;
            high = b == 0xED ? 0x9F : 0xBF;
        }
        else if (b >= 0xF0 && b <= 0xF4)
        {
            width = 4;
            low = b == 0xF0 ? 0x90 : 0x80;
            high = b == 0xF4 ? 0x8F : 0xBF;
        }
        else
        {
            return 0;
        }
        if (i + width > end)
        {
            return 0;
        }
        final int second = src.getByte(i + 1) & 0xFF;
        if (second < low || second > high)
        {
            return 0;
        }
        for (int k = 2; k < width; k++)
        {
            final int next = src.getByte(i + k) & 0xFF;
            if (next < 0x80 || next > 0xBF)
            {
                return 0;
            }
        }
        return width;
    }

    private static int codePoint(final DirectBuffer src, final int i, final int width)
    {
        int codePoint = (src.getByte(i) & 0xFF) & (0xFF >>> (width + 1));
        for (int k = 1; k < width; k++)
        {
            codePoint = codePoint << 6 | (src.getByte(i + k) & 0x3F);
        }
        return codePoint;
    }

    /** Go's {@code IsPrint} beyond ASCII: categories L, M, N, P and S. */
    private static boolean printsBeyondAscii(final int codePoint)
    {
        switch (Character.getType(codePoint))
        {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL ->
            {
                return true;
            }
            default ->
            {
                return false;
            }
        }
    }
}
