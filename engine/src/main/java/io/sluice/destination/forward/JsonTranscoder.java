package io.sluice.destination.forward;

import org.agrona.DirectBuffer;

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
        final long ends = JsonNumber.transcode(in, pos, end, out, at);
        pos = (int)(ends >>> 32);
        at = (int)ends;
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
