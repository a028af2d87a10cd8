package io.sluice.format.gotemplate;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Go's quoting and unquoting ({@code strconv.Quote}, {@code QuoteToASCII}, {@code QuoteRune}, {@code Unquote}):
 * {@code %q}, Sprig's {@code quote}, string constants in templates, and the quoted names in messages.
 */
final class GoQuote
{
    private static final byte[] LOWER_HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private GoQuote()
    {
    }

    /**
     * @param text any text.
     * @return it quoted as Go's {@code strconv.Quote} does (allocates: parse time and messages).
     */
    static String quote(final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        final ByteSink sink = new ByteSink(new ExpandableArrayBuffer(bytes.length + 8));
        quote(new UnsafeBuffer(bytes), 0, bytes.length, sink, false);
        return sink.text(0);
    }

    /**
     * @param rune a code point.
     * @return Go's {@code %#U}: {@code U+0023 '#'}.
     */
    static String unicodeName(final int rune)
    {
        final String code = String.format("U+%04X", rune);
        return Utf8.isPrint(rune) ? code + " '" + new String(Character.toChars(rune)) + "'" : code;
    }

    /**
     * Writes the string quoted, with Go's escapes.
     *
     * @param ascii true for {@code QuoteToASCII} ({@code %+q}): non-ASCII runes escaped too.
     */
    static void quote(final DirectBuffer text, final int offset, final int length, final ByteSink out, final boolean ascii)
    {
        out.put('"');
        int at = offset;
        final int limit = offset + length;
        while (at < limit)
        {
            final long decoded = Utf8.decode(text, at, limit);
            final int width = Utf8.width(decoded);
            final int rune = Utf8.rune(decoded);
            if (width == 1 && rune == Utf8.ERROR)
            {
                out.put('\\');
                out.put('x');
                hex2(text.getByte(at) & 0xFF, out);
            }
            else
            {
                escapedRune(rune, '"', out, ascii);
            }
            at += width;
        }
        out.put('"');
    }

    /**
     * Writes a rune quoted as Go's {@code strconv.QuoteRune} does ({@code %q} of an integer).
     */
    static void quoteRune(final int rune, final ByteSink out, final boolean ascii)
    {
        out.put('\'');
        escapedRune(rune < 0 || rune > 0x10FFFF || (rune >= 0xD800 && rune <= 0xDFFF) ? Utf8.ERROR : rune, '\'', out, ascii);
        out.put('\'');
    }

    private static void escapedRune(final int rune, final int quote, final ByteSink out, final boolean ascii)
    {
        if (rune == quote || rune == '\\')
        {
            out.put('\\');
            out.put(rune);
            return;
        }
        if (ascii ? rune < 0x80 && Utf8.isPrint(rune) : Utf8.isPrint(rune))
        {
            out.putRune(rune);
            return;
        }
        switch (rune)
        {
            case 7 -> out.putAscii("\\a");
            case '\b' -> out.putAscii("\\b");
            case '\f' -> out.putAscii("\\f");
            case '\n' -> out.putAscii("\\n");
            case '\r' -> out.putAscii("\\r");
            case '\t' -> out.putAscii("\\t");
            case 11 -> out.putAscii("\\v");
            default ->
            {
                if (rune < ' ' || rune == 0x7F)
                {
                    out.putAscii("\\x");
                    hex2(rune, out);
                }
                else if (rune < 0x10000)
                {
                    out.putAscii("\\u");
                    hex(rune, 4, out);
                }
                else
                {
                    out.putAscii("\\U");
                    hex(rune, 8, out);
                }
            }
        }
    }

    private static void hex2(final int b, final ByteSink out)
    {
        out.put(LOWER_HEX[b >> 4]);
        out.put(LOWER_HEX[b & 0xF]);
    }

    private static void hex(final int value, final int digits, final ByteSink out)
    {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
        {
            out.put(LOWER_HEX[(value >> shift) & 0xF]);
        }
    }

    /**
     * @param token a quoted ({@code "..."}), raw ({@code `...`}) or character ({@code 'x'}) literal.
     * @return its value (a character literal's rune as a one-rune string).
     * @throws IllegalArgumentException for an invalid escape, as Go's {@code invalid syntax}.
     */
    static String unquote(final String token)
    {
        final char q = token.charAt(0);
        final String body = token.substring(1, token.length() - 1);
        if (q == '`')
        {
            return body.replace("\r", "");
        }
        final StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length())
        {
            final char c = body.charAt(i);
            if (c != '\\')
            {
                if (c == q && q == '\'')
                {
                    throw new IllegalArgumentException("invalid syntax");
                }
                out.append(c);
                i++;
                continue;
            }
            i = escape(body, i + 1, q, out);
        }
        if (q == '\'' && out.codePointCount(0, out.length()) != 1)
        {
            throw new IllegalArgumentException("invalid syntax");
        }
        return out.toString();
    }

    private static int escape(final String body, final int at, final char quote, final StringBuilder out)
    {
        if (at >= body.length())
        {
            throw new IllegalArgumentException("invalid syntax");
        }
        final char c = body.charAt(at);
        switch (c)
        {
            case 'a' -> out.append((char)7);
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'v' -> out.append((char)11);
            case '\\' -> out.append('\\');
            case 'x' -> out.append((char)number(body, at + 1, 2, 16));
            case 'u' -> out.appendCodePoint(rune(number(body, at + 1, 4, 16)));
            case 'U' -> out.appendCodePoint(rune(number(body, at + 1, 8, 16)));
            default ->
            {
                if (c >= '0' && c <= '7')
                {
                    final int value = number(body, at, 3, 8);
                    if (value > 255)
                    {
                        throw new IllegalArgumentException("invalid syntax");
                    }
                    out.append((char)value);
                    return at + 3;
                }
                if (c != quote)
                {
                    throw new IllegalArgumentException("invalid syntax");
                }
                out.append(c);
            }
        }
        return switch (c)
        {
            case 'x' -> at + 3;
            case 'u' -> at + 5;
            case 'U' -> at + 9;
            default -> at + 1;
        };
    }

    private static int rune(final int value)
    {
        if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        {
            throw new IllegalArgumentException("invalid syntax");
        }
        return value;
    }

    private static int number(final String body, final int at, final int digits, final int radix)
    {
        if (at + digits > body.length())
        {
            throw new IllegalArgumentException("invalid syntax");
        }
        try
        {
            return Integer.parseInt(body.substring(at, at + digits), radix);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("invalid syntax", ex);
        }
    }
}
