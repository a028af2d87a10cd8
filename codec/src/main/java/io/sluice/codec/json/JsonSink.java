package io.sluice.codec.json;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Compact JSON text in a reusable byte array, with the value spellings of protobuf's {@code JsonFormat} printer:
 * strings escaped as its Gson does ({@link JsonEscape}), 64-bit integers quoted, unsigned integers printed unsigned,
 * bytes as padded standard base64.
 * <p>
 * The sink places commas itself: {@link #key} and every value separate themselves from what came before. Nothing
 * allocates once the array is large enough for the largest document written.
 * <p>
 * Each public method makes room for what it writes. The package-private {@code ...InRoom} methods do not: a caller
 * that knows a bound for a whole section (the event layout, {@link EventJsonWriter}) makes room once with
 * {@link #reserve} and then writes without a check per store.
 */
public final class JsonSink
{
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    /** Room a string needs besides its escaped text: a comma, two quotes and a word store's overhang. */
    private static final int STRING_OVERHEAD = 3 + Long.BYTES;
    /** Room a number needs: a comma, two quotes and {@link JsonDigits#ROOM}. */
    private static final int NUMBER_ROOM = 3 + JsonDigits.ROOM;

    private final JsonEscape escape = new JsonEscape();
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
     * @param length a string's length in bytes.
     * @return the room {@link #stringInRoom} may use for it.
     */
    static long stringRoom(final int length)
    {
        return (long)length * JsonEscape.MAX_BYTES_PER_INPUT_BYTE + STRING_OVERHEAD;
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
     * Make room for {@code room} bytes from where the text ends: the {@code ...InRoom} methods that follow write
     * within it without checking.
     *
     * @param room bytes, every store's overhang included.
     */
    void reserve(final long room)
    {
        if (position + room > bytes.length)
        {
            grow(position + room);
        }
    }

    /**
     * Open an object, as a value.
     */
    public void beginObject()
    {
        reserve(2);
        beginObjectInRoom();
    }

    /**
     * Close the current object.
     */
    public void endObject()
    {
        reserve(1);
        endObjectInRoom();
    }

    /**
     * Open an array, as a value.
     */
    public void beginArray()
    {
        reserve(2);
        beginArrayInRoom();
    }

    /**
     * Close the current array.
     */
    public void endArray()
    {
        reserve(1);
        endArrayInRoom();
    }

    /**
     * @param key a key of {@code v1beta1.Event}, written with three word stores.
     */
    void key(final JsonKey key)
    {
        reserve(JsonKey.MAX_LENGTH + 1);
        keyInRoom(key);
    }

    /**
     * @param quotedKeyAndColon a key as it is written, quotes and colon included, such as {@code "name":}.
     */
    public void key(final byte[] quotedKeyAndColon)
    {
        rawValue(quotedKeyAndColon);
        comma = 0;
    }

    /**
     * Close a key written as a string value (a map key, whose text is data): write the colon.
     */
    public void colon()
    {
        reserve(1);
        colonInRoom();
    }

    /**
     * @param value text written as it is, such as a quoted enum name.
     */
    public void rawValue(final byte[] value)
    {
        reserve(value.length + 1L);
        rawValueInRoom(value);
    }

    /**
     * @param value  text written as it is (a number's digits).
     * @param offset where it starts.
     * @param length how many bytes.
     */
    public void rawValue(final byte[] value, final int offset, final int length)
    {
        reserve(length + 1L);
        separate();
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
        reserve(NUMBER_ROOM);
        int32InRoom(value);
    }

    /**
     * @param value an unsigned 32-bit number.
     */
    public void uint32(final int value)
    {
        reserve(NUMBER_ROOM);
        uint32InRoom(value);
    }

    /**
     * @param value a signed 64-bit number, written quoted.
     */
    public void int64(final long value)
    {
        reserve(NUMBER_ROOM);
        int64InRoom(value);
    }

    /**
     * @param value an unsigned 64-bit number, written quoted.
     */
    public void uint64(final long value)
    {
        reserve(NUMBER_ROOM);
        uint64InRoom(value);
    }

    /**
     * @param text   ASCII that needs no escaping (an address, for instance).
     * @param offset where it starts.
     * @param length its length.
     */
    public void asciiString(final byte[] text, final int offset, final int length)
    {
        reserve(length + 3L);
        asciiStringInRoom(text, offset, length);
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
        reserve(stringRoom(length));
        stringInRoom(src, offset, length);
    }

    /**
     * @param src    the bytes.
     * @param offset where they start.
     * @param length how many.
     */
    public void base64(final DirectBuffer src, final int offset, final int length)
    {
        reserve(JsonBase64.room(length) + 3);
        separate();
        bytes[position++] = '"';
        position = JsonBase64.encode(src, offset, length, bytes, position);
        bytes[position++] = '"';
        comma = 1;
    }

    void beginObjectInRoom()
    {
        separate();
        bytes[position++] = '{';
        comma = 0;
    }

    void endObjectInRoom()
    {
        bytes[position++] = '}';
        comma = 1;
    }

    void beginArrayInRoom()
    {
        separate();
        bytes[position++] = '[';
        comma = 0;
    }

    void endArrayInRoom()
    {
        bytes[position++] = ']';
        comma = 1;
    }

    /** {@link #key(JsonKey)} within room reserved: {@link JsonKey#MAX_LENGTH} + 1 bytes. */
    void keyInRoom(final JsonKey key)
    {
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

    void colonInRoom()
    {
        bytes[position++] = ':';
        comma = 0;
    }

    void rawValueInRoom(final byte[] value)
    {
        separate();
        System.arraycopy(value, 0, bytes, position, value.length);
        position += value.length;
        comma = 1;
    }

    void boolInRoom(final boolean value)
    {
        rawValueInRoom(value ? TRUE : FALSE);
    }

    /** {@link #int32} within room reserved: {@link #NUMBER_ROOM} bytes, as for every number. */
    void int32InRoom(final int value)
    {
        separate();
        position = JsonDigits.signed(bytes, position, value);
        comma = 1;
    }

    void uint32InRoom(final int value)
    {
        separate();
        position = JsonDigits.unsigned(bytes, position, value & 0xFFFF_FFFFL);
        comma = 1;
    }

    void int64InRoom(final long value)
    {
        separate();
        final byte[] dst = bytes;
        dst[position] = '"';
        final int end = JsonDigits.signed(dst, position + 1, value);
        dst[end] = '"';
        position = end + 1;
        comma = 1;
    }

    void uint64InRoom(final long value)
    {
        separate();
        final byte[] dst = bytes;
        dst[position] = '"';
        final int end = JsonDigits.unsigned(dst, position + 1, value);
        dst[end] = '"';
        position = end + 1;
        comma = 1;
    }

    void asciiStringInRoom(final byte[] text, final int offset, final int length)
    {
        separate();
        bytes[position++] = '"';
        System.arraycopy(text, offset, bytes, position, length);
        position += length;
        bytes[position++] = '"';
        comma = 1;
    }

    /** {@link #string} within room reserved: {@link #stringRoom} of its length. */
    void stringInRoom(final DirectBuffer src, final int offset, final int length)
    {
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
        separate();
        final byte[] dst = bytes;
        int p = position;
        dst[p++] = '"';
        p = escape.escape(in, from, from + length, dst, p);
        dst[p++] = '"';
        position = p;
        comma = 1;
    }

    /** A comma when one is due: written either way, kept only when needed (no branch). Room: one byte. */
    private void separate()
    {
        bytes[position] = ',';
        position += comma;
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
}
