package io.sluice.destination.forward;

/**
 * A JSON string's body for {@link JsonTranscoder}: where it ends and how long it is once its escapes are decoded (the
 * MessagePack header comes first), then its bytes with {@code \n}, {@code \"}, {@code \\u00e9} and surrogate pairs
 * decoded to UTF-8.
 */
final class JsonString
{
    private JsonString()
    {
    }

    /**
     * @param in    the JSON.
     * @param from  the first byte after the opening quote.
     * @param limit where the JSON ends.
     * @return the closing quote's index in the high 32 bits, the decoded length in bytes in the low 32.
     * @throws IllegalArgumentException when the string does not end or an escape is bad.
     */
    static long scan(final byte[] in, final int from, final int limit)
    {
        int decoded = 0;
        int i = from;
        while (true)
        {
            if (i >= limit)
            {
                throw new IllegalArgumentException("a string does not end");
            }
            final byte c = in[i];
            if (c == '"')
            {
                return (long)i << 32 | decoded;
            }
            if (c != '\\')
            {
                i++;
                decoded++;
            }
            else if (i + 1 < limit && in[i + 1] == 'u')
            {
                final int unit = hex(in, i + 2, limit);
                if (lowSurrogateFollows(in, unit, i + 6, limit))
                {
                    decoded += 4;
                    i += 12;
                }
                else
                {
                    decoded += unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
                    i += 6;
                }
            }
            else
            {
                i += 2;
                decoded++;
            }
        }
    }

    /**
     * @param in   the JSON.
     * @param from the first byte after the opening quote.
     * @param to   the closing quote ({@link #scan}).
     * @param out  where to write.
     * @param at   where.
     * @return where the decoded bytes end.
     */
    static int unescape(final byte[] in, final int from, final int to, final byte[] out, final int at)
    {
        int o = at;
        int i = from;
        while (i < to)
        {
            final byte c = in[i];
            if (c != '\\')
            {
                out[o++] = c;
                i++;
                continue;
            }
            final byte e = in[i + 1];
            if (e == 'u')
            {
                int code = hex(in, i + 2, to);
                i += 6;
                if (lowSurrogateFollows(in, code, i, to))
                {
                    code = Character.toCodePoint((char)code, (char)hex(in, i + 2, to));
                    i += 6;
                }
                o = utf8(code, out, o);
                continue;
            }
            out[o++] = switch (e)
            {
                case 'b' -> (byte)'\b';
                case 'f' -> (byte)'\f';
                case 'n' -> (byte)'\n';
                case 'r' -> (byte)'\r';
                case 't' -> (byte)'\t';
                default -> e;
            };
            i += 2;
        }
        return o;
    }

    private static int utf8(final int code, final byte[] out, final int at)
    {
        int o = at;
        if (code < 0x80)
        {
            out[o++] = (byte)code;
        }
        else if (code < 0x800)
        {
            out[o++] = (byte)(0xc0 | code >> 6);
            out[o++] = (byte)(0x80 | code & 0x3f);
        }
        else if (code < 0x10000)
        {
            out[o++] = (byte)(0xe0 | code >> 12);
            out[o++] = (byte)(0x80 | code >> 6 & 0x3f);
            out[o++] = (byte)(0x80 | code & 0x3f);
        }
        else
        {
            out[o++] = (byte)(0xf0 | code >> 18);
            out[o++] = (byte)(0x80 | code >> 12 & 0x3f);
            out[o++] = (byte)(0x80 | code >> 6 & 0x3f);
            out[o++] = (byte)(0x80 | code & 0x3f);
        }
        return o;
    }

    private static boolean lowSurrogateFollows(final byte[] in, final int unit, final int at, final int limit)
    {
        return Character.isHighSurrogate((char)unit) && at + 6 <= limit && in[at] == '\\'
            && in[at + 1] == 'u' && Character.isLowSurrogate((char)hex(in, at + 2, limit));
    }

    private static int hex(final byte[] in, final int from, final int limit)
    {
        if (from + 4 > limit)
        {
            throw new IllegalArgumentException("a \\u escape ends early");
        }
        int code = 0;
        for (int i = from; i < from + 4; i++)
        {
            final int digit = Character.digit(in[i], 16);
            if (digit < 0)
            {
                throw new IllegalArgumentException("a \\u escape with a bad digit");
            }
            code = code << 4 | digit;
        }
        return code;
    }
}
