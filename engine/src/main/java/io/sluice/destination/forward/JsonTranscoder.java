package io.sluice.destination.forward;

import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * The {@code record=map} record: an event rendered as JSON by Sluice's own {@code json} format, rewritten as the
 * MessagePack value it denotes (objects as maps, arrays, strings with their escapes decoded, integers as the shortest
 * integer form, other numbers as float 64, true, false, null), straight from the rendered bytes into the chunk's array,
 * with no allocation per event. Only what a JSON printer emits is read; anything else is refused.
 *
 * <p>A container's header is given one byte while its members are counted: the one-byte form, which it keeps when it
 * has at most 15 members (the common case); a larger one moves its members on by two bytes for the 16-bit form.
 */
final class JsonTranscoder
{
    /** The most bytes one byte of JSON can become (a 3-byte float such as {@code 1e5} is 9 bytes). */
    static final int EXPANSION = 3;

    private static final int MAX_DEPTH = 64;
    private static final int FIX_MAX = 15;
    private static final int FAST_DIGITS = 15;
    private static final int FAST_EXPONENT = 22;
    private static final double[] POWERS = new double[FAST_EXPONENT + 1];

    static
    {
        POWERS[0] = 1;
        for (int i = 1; i <= FAST_EXPONENT; i++)
        {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    private final int[] headerAt = new int[MAX_DEPTH];
    private final int[] members = new int[MAX_DEPTH];
    private final boolean[] isMap = new boolean[MAX_DEPTH];
    private byte[] in = new byte[4096];
    private int pos;
    private int end;
    private byte[] out;
    private int at;

    /**
     * @param json   the rendered event.
     * @param offset where it starts.
     * @param length its length (the output needs at most {@link #EXPANSION} times as many bytes, plus 8).
     * @param b      where to write.
     * @param to     where the MessagePack value goes.
     * @return where it ends.
     * @throws IllegalArgumentException when the bytes are not JSON.
     */
    int transcode(final DirectBuffer json, final int offset, final int length, final byte[] b, final int to)
    {
        if (in.length < length)
        {
            in = new byte[Math.max(length, in.length * 2)];
        }
        // one bulk copy, then plain array reads: several times faster than a bounds-checked read per byte
        json.getBytes(offset, in, 0, length);
        pos = 0;
        end = length;
        out = b;
        at = to;
        int depth = 0;
        boolean value = true;
        while (true)
        {
            byte c = next();
            if (value)
            {
                if (depth > 0 && members[depth - 1] == 0 && (c == '}' || c == ']'))
                {
                    pos++;
                    depth--;
                    close(depth);
                }
                else
                {
                    c = member(depth, c);
                    if (c == '{' || c == '[')
                    {
                        pos++;
                        if (depth == MAX_DEPTH)
                        {
                            throw new IllegalArgumentException("the JSON nests deeper than " + MAX_DEPTH);
                        }
                        open(depth, c == '{');
                        depth++;
                        continue;
                    }
                    value(c);
                }
            }
            else if (c == ',')
            {
                pos++;
                value = true;
                continue;
            }
            else if (c == '}' || c == ']')
            {
                pos++;
                depth--;
                close(depth);
            }
            else
            {
                throw new IllegalArgumentException("unexpected '" + (char)c + "' at " + pos);
            }
            value = false;
            if (depth == 0)
            {
                return at;
            }
        }
    }

    private byte next()
    {
        skipSpace();
        if (pos >= end)
        {
            throw new IllegalArgumentException("the JSON ends early");
        }
        return in[pos];
    }

    private void open(final int depth, final boolean map)
    {
        headerAt[depth] = at;
        members[depth] = 0;
        isMap[depth] = map;
        at++;
    }

    /**
     * Count a member of the container being read; in a map, read its key and the colon.
     *
     * @return the first byte of the member's value.
     */
    private byte member(final int depth, final byte first)
    {
        if (depth == 0)
        {
            return first;
        }
        members[depth - 1]++;
        if (!isMap[depth - 1])
        {
            return first;
        }
        string();
        if (next() != ':')
        {
            throw new IllegalArgumentException("expected ':' after a key");
        }
        pos++;
        return next();
    }

    private void value(final byte c)
    {
        switch (c)
        {
            case '"' -> string();
            case 't' -> literal("true", (byte)0xc3);
            case 'f' -> literal("false", (byte)0xc2);
            case 'n' -> literal("null", (byte)0xc0);
            default -> number();
        }
    }

    private void close(final int depth)
    {
        final int header = headerAt[depth];
        final int count = members[depth];
        if (count <= FIX_MAX)
        {
            out[header] = (byte)((isMap[depth] ? 0x80 : 0x90) | count);
            return;
        }
        if (count > 0xffff)
        {
            throw new IllegalArgumentException("more than 65535 members");
        }
        System.arraycopy(out, header + 1, out, header + 3, at - header - 1);
        at += 2;
        out[header] = (byte)(isMap[depth] ? 0xde : 0xdc);
        out[header + 1] = (byte)(count >>> 8);
        out[header + 2] = (byte)count;
    }

    private void literal(final String word, final byte code)
    {
        for (int i = 0; i < word.length(); i++)
        {
            if (pos + i >= end || in[pos + i] != word.charAt(i))
            {
                throw new IllegalArgumentException("expected " + word);
            }
        }
        pos += word.length();
        out[at++] = code;
    }

    private void string()
    {
        if (pos >= end || in[pos] != '"')
        {
            throw new IllegalArgumentException("expected a string");
        }
        final long ends = JsonString.scan(in, pos + 1, end);
        final int quote = (int)(ends >>> 32);
        final int decoded = (int)ends;
        at = MsgPack.strHeader(out, at, decoded);
        if (decoded == quote - pos - 1)
        {
            System.arraycopy(in, pos + 1, out, at, decoded);
            at += decoded;
        }
        else
        {
            at = JsonString.unescape(in, pos + 1, quote, out, at);
        }
        pos = quote + 1;
    }

    private void number()
    {
        final int from = pos;
        final boolean negative = in[pos] == '-';
        int i = negative ? pos + 1 : pos;
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean fraction = false;
        boolean overflow = false;
        while (i < end)
        {
            final byte c = in[i];
            if (c >= '0' && c <= '9')
            {
                if (Long.compareUnsigned(mantissa, 0x1999_9999_9999_9999L) > 0
                    || mantissa == 0x1999_9999_9999_9999L && c > '5')
                {
                    overflow = true;
                }
                mantissa = mantissa * 10 + (c - '0');
                digits += mantissa == 0 ? 0 : 1;
                scale += fraction ? 1 : 0;
            }
            else if (c == '.')
            {
                fraction = true;
            }
            else if (c == 'e' || c == 'E' || c == '+' || c == '-')
            {
                floatOf(from, exponentEnd(i));
                return;
            }
            else
            {
                break;
            }
            i++;
        }
        if (i == (negative ? from + 1 : from))
        {
            throw new IllegalArgumentException("unexpected '" + (char)in[from] + "'");
        }
        pos = i;
        if (overflow || negative && mantissa < 0 && mantissa != Long.MIN_VALUE)
        {
            floatAt(from, i);
        }
        else if (fraction)
        {
            if (digits <= FAST_DIGITS && scale <= FAST_EXPONENT)
            {
                at = MsgPack.putDouble(out, at, (negative ? -(double)mantissa : (double)mantissa) / POWERS[scale]);
            }
            else
            {
                floatAt(from, i);
            }
        }
        else if (negative)
        {
            at = MsgPack.putNegative(out, at, -mantissa);
        }
        else
        {
            at = MsgPack.putUnsigned(out, at, mantissa);
        }
    }

    private int exponentEnd(final int from)
    {
        int i = from;
        while (i < end)
        {
            final byte c = in[i];
            if (!(c >= '0' && c <= '9' || c == 'e' || c == 'E' || c == '+' || c == '-' || c == '.'))
            {
                break;
            }
            i++;
        }
        return i;
    }

    private void floatOf(final int from, final int to)
    {
        pos = to;
        floatAt(from, to);
    }

    /** The rare number outside the exact fast path: parsed by the JDK (one allocation). */
    private void floatAt(final int from, final int to)
    {
        at = MsgPack.putDouble(out, at, Double.parseDouble(new String(in, from, to - from, StandardCharsets.US_ASCII)));
    }

    private void skipSpace()
    {
        while (pos < end)
        {
            final byte c = in[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            {
                return;
            }
            pos++;
        }
    }
}
