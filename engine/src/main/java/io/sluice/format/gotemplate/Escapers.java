package io.sluice.format.gotemplate;

import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Go's {@code html}, {@code js} and {@code urlquery}: {@code HTMLEscape}, {@code JSEscape} and
 * {@code url.QueryEscape} of a text, written byte by byte into a sink.
 */
final class Escapers
{
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private Escapers()
    {
    }

    static void html(final DirectBuffer text, final int offset, final int length, final ByteSink out)
    {
        for (int i = offset; i < offset + length; i++)
        {
            final byte c = text.getByte(i);
            switch (c)
            {
                case 0 -> out.putRune(Utf8.ERROR);
                case '"' -> out.putAscii("&#34;");
                case '\'' -> out.putAscii("&#39;");
                case '&' -> out.putAscii("&amp;");
                case '<' -> out.putAscii("&lt;");
                case '>' -> out.putAscii("&gt;");
                default -> out.put(c);
            }
        }
    }

    static void js(final DirectBuffer text, final int offset, final int length, final ByteSink out)
    {
        final int limit = offset + length;
        int at = offset;
        while (at < limit)
        {
            final int c = text.getByte(at) & 0xFF;
            if (c >= 0x80)
            {
                final long decoded = Utf8.decode(text, at, limit);
                final int rune = Utf8.rune(decoded);
                if (Utf8.isPrint(rune))
                {
                    out.put(text, at, Utf8.width(decoded));
                }
                else
                {
                    out.putAscii("\\u");
                    hex(rune, rune > 0xFFFFF ? 6 : rune > 0xFFFF ? 5 : 4, out);
                }
                at += Utf8.width(decoded);
                continue;
            }
            switch (c)
            {
                case '\\' -> out.putAscii("\\\\");
                case '\'' -> out.putAscii("\\'");
                case '"' -> out.putAscii("\\\"");
                case '<' -> out.putAscii("\\u003C");
                case '>' -> out.putAscii("\\u003E");
                case '&' -> out.putAscii("\\u0026");
                case '=' -> out.putAscii("\\u003D");
                default ->
                {
                    if (c < ' ')
                    {
                        out.putAscii("\\u00");
                        hex(c, 2, out);
                    }
                    else
                    {
                        out.put(c);
                    }
                }
            }
            at++;
        }
    }

    static void urlQuery(final DirectBuffer text, final int offset, final int length, final ByteSink out)
    {
        for (int i = offset; i < offset + length; i++)
        {
            final int c = text.getByte(i) & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                || c == '.' || c == '~')
            {
                out.put(c);
            }
            else if (c == ' ')
            {
                out.put('+');
            }
            else
            {
                out.put('%');
                hex(c, 2, out);
            }
        }
    }

    private static void hex(final int value, final int digits, final ByteSink out)
    {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
        {
            out.put(HEX[(value >> shift) & 0xF]);
        }
    }
}
