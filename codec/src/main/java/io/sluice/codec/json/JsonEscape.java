package io.sluice.codec.json;

import io.sluice.codec.text.JavaUtf8;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * The escaping of a JSON string's text as protobuf's printer (its Gson) escapes it: HTML-safe, controls and
 * U+2028/U+2029 as unicode escapes, malformed UTF-8 replaced as {@code new String(bytes, UTF_8)} replaces it. Apart
 * from {@link JsonSink} so that the sink keeps the document's layout and this class the byte-level work: eight bytes
 * are checked at once ({@link #mayNeedEscape}) and copied as one word while none can need an escape.
 * <p>
 * Not thread-safe (it keeps a view for {@link JavaUtf8}): one per sink.
 */
final class JsonEscape
{
    /** The most bytes one input byte becomes (a unicode escape, six bytes). */
    static final int MAX_BYTES_PER_INPUT_BYTE = 6;

    private static final byte[][] ESCAPES = new byte[128][];
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** Bytes copied as they are: ASCII that needs no escape. */
    private static final boolean[] PLAIN = new boolean[256];
    /** 0x01 in every byte of a long: times a byte value, that byte in every position. */
    private static final long EVERY_BYTE = 0x0101_0101_0101_0101L;

    static
    {
        for (int c = 0; c < 0x20; c++)
        {
            ESCAPES[c] = unicodeEscape(c);
        }
        ESCAPES['\b'] = ascii("\\b");
        ESCAPES['\t'] = ascii("\\t");
        ESCAPES['\n'] = ascii("\\n");
        ESCAPES['\f'] = ascii("\\f");
        ESCAPES['\r'] = ascii("\\r");
        ESCAPES['"'] = ascii("\\\"");
        ESCAPES['\\'] = ascii("\\\\");
        // Gson's HTML-safe set, on by default in the printer.
        ESCAPES['<'] = unicodeEscape('<');
        ESCAPES['>'] = unicodeEscape('>');
        ESCAPES['&'] = unicodeEscape('&');
        ESCAPES['='] = unicodeEscape('=');
        ESCAPES['\''] = unicodeEscape('\'');
        for (int b = 0; b < 256; b++)
        {
            PLAIN[b] = b < 0x80 && ESCAPES[b] == null;
        }
    }

    /** The string being escaped, for {@link JavaUtf8} when it meets non-ASCII. */
    private final UnsafeBuffer inputView = new UnsafeBuffer(new byte[0]);

    /**
     * The text of {@code in[from, end)} escaped into {@code dst} at {@code start}; room is there, eight bytes of slack
     * included. Eight bytes at a time, checked and copied as one word while none of them can need an escape
     * ({@link #mayNeedEscape}); the last few bytes as one word too when the array lets a word be read there
     * ({@link #tail}); byte by byte after a word that may need an escape, up to the end of that word.
     */
    int escape(final byte[] in, final int from, final int end, final byte[] dst, final int start)
    {
        int p = start;
        int i = from;
        boolean viewed = false;
        while (i < end)
        {
            int stop = i + Long.BYTES;
            if (stop <= end)
            {
                final long word = JsonWords.get(in, i);
                if (!mayNeedEscape(word))
                {
                    JsonWords.put(dst, p, word);
                    p += Long.BYTES;
                    i = stop;
                    continue;
                }
            }
            else
            {
                final int written = tail(in, from, i, end, dst, p);
                if (written >= 0)
                {
                    return written;
                }
                stop = end;
            }
            while (i < stop)
            {
                final byte b = in[i];
                if (PLAIN[b & 0xFF])
                {
                    dst[p++] = b;
                    i++;
                }
                else if (b >= 0)
                {
                    for (final byte e : ESCAPES[b])
                    {
                        dst[p++] = e;
                    }
                    i++;
                }
                else
                {
                    if (!viewed)
                    {
                        inputView.wrap(in, from, end - from);
                        viewed = true;
                    }
                    final long decoded = JavaUtf8.next(inputView, i - from, end - from);
                    p = putCodePoint(JavaUtf8.codePoint(decoded), dst, p);
                    i = from + JavaUtf8.nextIndex(decoded);
                }
            }
        }
        return p;
    }

    /**
     * The last {@code end - i} bytes (fewer than eight) as one word when none needs an escape: the word at {@code i}
     * when the array holds eight bytes there (those past {@code end} are not checked, and not kept), else the word
     * ending at {@code end} when the text is that long (when none of its bytes needs an escape, those before
     * {@code i} were copied as they are, so it can be stored over them).
     *
     * @return where the text ends in {@code dst}, or -1 when the bytes must go one by one.
     */
    private static int tail(final byte[] in, final int from, final int i, final int end, final byte[] dst, final int p)
    {
        final int rest = end - i;
        if (i + Long.BYTES <= in.length)
        {
            final long word = JsonWords.get(in, i);
            final long kept = -1L >>> (Long.SIZE - rest * Byte.SIZE);
            if (!mayNeedEscape(word & kept | ~kept & EVERY_BYTE * 'a'))
            {
                JsonWords.put(dst, p, word);
                return p + rest;
            }
            return -1;
        }
        if (end - from >= Long.BYTES)
        {
            final long word = JsonWords.get(in, end - Long.BYTES);
            if (!mayNeedEscape(word))
            {
                JsonWords.put(dst, p + rest - Long.BYTES, word);
                return p + rest;
            }
        }
        return -1;
    }

    /**
     * False when none of the eight bytes needs an escape: none is non-ASCII or a control, or one of {@code " \ & '}
     * or {@code < = >}. True may be wrong ({@code ?} passes for one of {@code < = >} here): the byte
     * loop decides then.
     */
    private static boolean mayNeedEscape(final long x)
    {
        final long controlsOrHigh = ((x - EVERY_BYTE * 0x20) | x) & EVERY_BYTE * 0x80;
        final long quote = hasZeroByte(x ^ EVERY_BYTE * '"');
        final long backslash = hasZeroByte(x ^ EVERY_BYTE * '\\');
        // 0x26 '&' and 0x27 '\'' differ in the low bit; 0x3C '<' to 0x3F '?' in the two low bits
        final long ampersandOrApostrophe = hasZeroByte((x | EVERY_BYTE) ^ EVERY_BYTE * 0x27);
        final long angleOrEquals = hasZeroByte((x | EVERY_BYTE * 3) ^ EVERY_BYTE * 0x3F);
        return (controlsOrHigh | quote | backslash | ampersandOrApostrophe | angleOrEquals) != 0;
    }

    /** Nonzero when some byte of {@code v} is zero (the high bit of the first zero byte is set, at least). */
    private static long hasZeroByte(final long v)
    {
        return (v - EVERY_BYTE) & ~v & EVERY_BYTE * 0x80;
    }

    private static int putCodePoint(final int cp, final byte[] dst, final int start)
    {
        int p = start;
        if (cp < 0x800)
        {
            // Only non-ASCII reaches here: two bytes.
            dst[p++] = (byte)(0xC0 | (cp >> 6));
            dst[p++] = (byte)(0x80 | (cp & 0x3F));
        }
        else if (cp < 0x10000)
        {
            if (cp == 0x2028 || cp == 0x2029)
            {
                dst[p++] = '\\';
                dst[p++] = 'u';
                dst[p++] = '2';
                dst[p++] = '0';
                dst[p++] = '2';
                dst[p++] = (byte)(cp == 0x2028 ? '8' : '9');
            }
            else
            {
                dst[p++] = (byte)(0xE0 | (cp >> 12));
                dst[p++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                dst[p++] = (byte)(0x80 | (cp & 0x3F));
            }
        }
        else
        {
            dst[p++] = (byte)(0xF0 | (cp >> 18));
            dst[p++] = (byte)(0x80 | ((cp >> 12) & 0x3F));
            dst[p++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
            dst[p++] = (byte)(0x80 | (cp & 0x3F));
        }
        return p;
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] unicodeEscape(final int c)
    {
        return new byte[]{'\\', 'u', '0', '0', HEX[(c >> 4) & 0xF], HEX[c & 0xF]};
    }
}
