package io.sluice.codec.json;

import io.sluice.codec.text.JavaUtf8;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Compact JSON text in a reusable byte array, with the value spellings of protobuf's {@code JsonFormat} printer:
 * strings escaped as its Gson does (HTML-safe, controls and U+2028/U+2029 as unicode escapes, malformed UTF-8
 * replaced as {@code new String(bytes, UTF_8)} replaces it), 64-bit integers quoted, unsigned integers printed
 * unsigned, bytes as padded standard base64.
 * <p>
 * The sink places commas itself: {@link #key} and every value separate themselves from what came before. Nothing
 * allocates once the array is large enough for the largest document written.
 */
public final class JsonSink
{
    private static final byte[][] ESCAPES = new byte[128][];
    private static final byte[] BASE64 =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_BYTES_PER_INPUT_BYTE = 6;
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
    /** Where a string from a buffer without an array (direct memory) is copied to be escaped. */
    private byte[] input = new byte[256];
    private byte[] bytes;
    private int position;
    /** 1 when the next value or key needs a comma before it. */
    private int comma;

    /**
     * @param initialCapacity bytes to start with; the array grows when a document needs more.
     */
    public JsonSink(final int initialCapacity)
    {
        this.bytes = new byte[Math.max(64, initialCapacity)];
    }

    /**
     * Start a new document.
     */
    public void reset()
    {
        position = 0;
        comma = 0;
    }

    /**
     * @return bytes written since {@link #reset()}.
     */
    public int length()
    {
        return position;
    }

    /**
     * @return the array the text is in (valid from 0 to {@link #length()}; replaced when it grows).
     */
    public byte[] array()
    {
        return bytes;
    }

    /**
     * @param out       where to copy the text.
     * @param outOffset at which index.
     * @return the number of bytes copied.
     */
    public int copyTo(final MutableDirectBuffer out, final int outOffset)
    {
        out.putBytes(outOffset, bytes, 0, position);
        return position;
    }

    /**
     * Open an object, as a value.
     */
    public void beginObject()
    {
        separate(1);
        bytes[position++] = '{';
        comma = 0;
    }

    /**
     * Close the current object.
     */
    public void endObject()
    {
        ensure(1);
        bytes[position++] = '}';
        comma = 1;
    }

    /**
     * Open an array, as a value.
     */
    public void beginArray()
    {
        separate(1);
        bytes[position++] = '[';
        comma = 0;
    }

    /**
     * Close the current array.
     */
    public void endArray()
    {
        ensure(1);
        bytes[position++] = ']';
        comma = 1;
    }

    /**
     * @param key a key of {@code v1beta1.Event}, written with three word stores.
     */
    void key(final JsonKey key)
    {
        ensure(JsonKey.MAX_LENGTH + 1);
        final byte[] dst = bytes;
        int p = position;
        dst[p] = ',';
        p += comma;
        JsonWords.put(dst, p, key.word0);
        JsonWords.put(dst, p + Long.BYTES, key.word1);
        JsonWords.put(dst, p + 2 * Long.BYTES, key.word2);
        position = p + key.length;
        comma = 0;
    }

    /**
     * @param quotedKeyAndColon a key as it is written, quotes and colon included, such as {@code "name":}.
     */
    public void key(final byte[] quotedKeyAndColon)
    {
        separate(quotedKeyAndColon.length);
        System.arraycopy(quotedKeyAndColon, 0, bytes, position, quotedKeyAndColon.length);
        position += quotedKeyAndColon.length;
        comma = 0;
    }

    /**
     * Close a key written as a string value (a map key, whose text is data): write the colon.
     */
    public void colon()
    {
        ensure(1);
        bytes[position++] = ':';
        comma = 0;
    }

    /**
     * @param value text written as it is, such as a quoted enum name.
     */
    public void rawValue(final byte[] value)
    {
        separate(value.length);
        System.arraycopy(value, 0, bytes, position, value.length);
        position += value.length;
        comma = 1;
    }

    /**
     * @param value  text written as it is (a number's digits).
     * @param offset where it starts.
     * @param length how many bytes.
     */
    public void rawValue(final byte[] value, final int offset, final int length)
    {
        separate(length);
        System.arraycopy(value, offset, bytes, position, length);
        position += length;
        comma = 1;
    }

    /**
     * @param value true or false.
     */
    public void bool(final boolean value)
    {
        rawValue(value ? TRUE : FALSE);
    }

    /**
     * @param value a signed 32-bit number.
     */
    public void int32(final int value)
    {
        separate(JsonDigits.ROOM);
        position = JsonDigits.signed(bytes, position, value);
        comma = 1;
    }

    /**
     * @param value an unsigned 32-bit number.
     */
    public void uint32(final int value)
    {
        separate(JsonDigits.ROOM);
        position = JsonDigits.unsigned(bytes, position, value & 0xFFFF_FFFFL);
        comma = 1;
    }

    /**
     * @param value a signed 64-bit number, written quoted.
     */
    public void int64(final long value)
    {
        separate(JsonDigits.ROOM + 2);
        final byte[] dst = bytes;
        dst[position] = '"';
        final int end = JsonDigits.signed(dst, position + 1, value);
        dst[end] = '"';
        position = end + 1;
        comma = 1;
    }

    /**
     * @param value an unsigned 64-bit number, written quoted.
     */
    public void uint64(final long value)
    {
        separate(JsonDigits.ROOM + 2);
        final byte[] dst = bytes;
        dst[position] = '"';
        final int end = JsonDigits.unsigned(dst, position + 1, value);
        dst[end] = '"';
        position = end + 1;
        comma = 1;
    }

    /**
     * @param text   ASCII that needs no escaping (an address, for instance).
     * @param offset where it starts.
     * @param length its length.
     */
    public void asciiString(final byte[] text, final int offset, final int length)
    {
        separate(length + 2);
        bytes[position++] = '"';
        System.arraycopy(text, offset, bytes, position, length);
        position += length;
        bytes[position++] = '"';
        comma = 1;
    }

    /**
     * Write UTF-8 bytes as a JSON string, byte-equal to the printer's output for {@code new String(bytes, UTF_8)}.
     *
     * @param src    the bytes, possibly malformed.
     * @param offset where they start.
     * @param length how many.
     */
    public void string(final DirectBuffer src, final int offset, final int length)
    {
        separate((long)length * MAX_BYTES_PER_INPUT_BYTE + 2 + Long.BYTES);
        final byte[] array = src.byteArray();
        final byte[] in;
        final int from;
        if (array != null)
        {
            // read in place: an array-backed record (a ring slot, a journal frame) is not copied first
            src.boundsCheck(offset, length);
            in = array;
            from = src.wrapAdjustment() + offset;
        }
        else
        {
            if (length > input.length)
            {
                input = new byte[Math.max(length, 2 * input.length)];
            }
            src.getBytes(offset, input, 0, length);
            in = input;
            from = 0;
        }
        final byte[] dst = bytes;
        int p = position;
        dst[p++] = '"';
        p = escape(in, from, from + length, dst, p);
        dst[p++] = '"';
        position = p;
        comma = 1;
    }

    /**
     * The text of {@code in[from, end)} escaped into {@code dst} at {@code start}; room is there, eight bytes of slack
     * included. Eight bytes at a time, checked and copied as one word while none of them can need an escape
     * ({@link #mayNeedEscape}); the last few bytes as one word too when the array lets a word be read there
     * ({@link #tail}); byte by byte after a word that may need an escape, up to the end of that word.
     */
    private int escape(final byte[] in, final int from, final int end, final byte[] dst, final int start)
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

    /**
     * @param src    the bytes.
     * @param offset where they start.
     * @param length how many.
     */
    public void base64(final DirectBuffer src, final int offset, final int length)
    {
        separate(((long)length + 2) / 3 * 4 + 2);
        final byte[] dst = bytes;
        int p = position;
        dst[p++] = '"';
        final int whole = offset + length / 3 * 3;
        int i = offset;
        while (i < whole)
        {
            final int n = (src.getByte(i) & 0xFF) << 16 | (src.getByte(i + 1) & 0xFF) << 8 | src.getByte(i + 2) & 0xFF;
            dst[p++] = BASE64[n >>> 18];
            dst[p++] = BASE64[(n >>> 12) & 0x3F];
            dst[p++] = BASE64[(n >>> 6) & 0x3F];
            dst[p++] = BASE64[n & 0x3F];
            i += 3;
        }
        final int rest = offset + length - whole;
        if (rest == 1)
        {
            final int n = (src.getByte(i) & 0xFF) << 16;
            dst[p++] = BASE64[n >>> 18];
            dst[p++] = BASE64[(n >>> 12) & 0x3F];
            dst[p++] = '=';
            dst[p++] = '=';
        }
        else if (rest == 2)
        {
            final int n = (src.getByte(i) & 0xFF) << 16 | (src.getByte(i + 1) & 0xFF) << 8;
            dst[p++] = BASE64[n >>> 18];
            dst[p++] = BASE64[(n >>> 12) & 0x3F];
            dst[p++] = BASE64[(n >>> 6) & 0x3F];
            dst[p++] = '=';
        }
        dst[p++] = '"';
        position = p;
        comma = 1;
    }

    private void separate(final long room)
    {
        ensure(room + 1);
        // written either way, kept only when needed: no branch
        bytes[position] = ',';
        position += comma;
    }

    private void ensure(final long room)
    {
        if (position + room > bytes.length)
        {
            grow(position + room);
        }
    }

    private void grow(final long needed)
    {
        if (needed > Integer.MAX_VALUE - 8)
        {
            throw new IllegalStateException("JSON document too large: " + needed + " bytes");
        }
        final byte[] grown = new byte[(int)Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * bytes.length))];
        System.arraycopy(bytes, 0, grown, 0, position);
        bytes = grown;
    }

    private int putCodePoint(final int cp, final byte[] dst, final int start)
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
