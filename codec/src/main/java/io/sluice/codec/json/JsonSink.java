package io.sluice.codec.json;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Compact JSON text in a reusable byte array, with the value spellings of protobuf's {@code JsonFormat} printer:
 * strings escaped as its Gson does ({@link JsonEscape}), 64-bit integers quoted, unsigned integers printed unsigned,
 * bytes as padded standard base64.
 * <p>
 * The sink places commas itself: {@link #key} and every value separate themselves from what came before. Nothing
 * allocates once the array is large enough for the largest document written.
 * <p>
 * Each public method makes room for what it writes. The package-private {@code ...InRoom} methods
 * ({@link JsonDocument}) do not: a caller that knows a bound for a whole section (the event layout,
 * {@link EventJsonWriter}) makes room once and then writes without a check per store.
 */
public final class JsonSink extends JsonDocument
{
    /** Room a string needs besides its escaped text: a comma, two quotes and a word store's overhang. */
    private static final int STRING_OVERHEAD = 3 + Long.BYTES;
    /** Room a number needs: a comma, two quotes and {@link JsonDigits#ROOM}. */
    private static final int NUMBER_ROOM = 3 + JsonDigits.ROOM;

    /**
     * @param initialCapacity bytes to start with; the array grows when a document needs more.
     */
    public JsonSink(final int initialCapacity)
    {
        super(initialCapacity);
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
        final int p = position;
        bytes[p] = ',';
        System.arraycopy(value, offset, bytes, p + comma, length);
        position = p + comma + length;
        comma = 1;
    }

    /**
     * @param value true or false.
     */
    public void bool(final boolean value)
    {
        reserve(6);
        boolInRoom(value);
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
        int p = position;
        bytes[p] = ',';
        p += comma;
        bytes[p] = '"';
        p = JsonBase64.encode(src, offset, length, bytes, p + 1);
        bytes[p] = '"';
        position = p + 1;
        comma = 1;
    }
}
