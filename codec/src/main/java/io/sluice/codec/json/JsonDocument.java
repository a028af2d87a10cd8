package io.sluice.codec.json;

import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * The JSON text being written and the writes that need no check of room: each is called within room a caller made
 * with {@link #reserve} (the event layout makes room once per event, {@link EventJsonWriter#room}), so a key, a
 * number or a string costs its stores and no comparison. The {@code ...Field} writes put a key and its value in one
 * go: the position is read and written once for the pair.
 * <p>
 * {@link JsonSink} adds the checked writes for callers that know no bound. Commas are placed here: every key and value
 * separates itself from what came before.
 */
abstract class JsonDocument
{
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

    byte[] bytes;
    int position;
    /** 1 when the next value or key needs a comma before it. */
    int comma;

    private final JsonEscape escape = new JsonEscape();
    /** Where a string from a buffer without an array (direct memory) is copied to be escaped. */
    private byte[] input = new byte[256];

    JsonDocument(final int initialCapacity)
    {
        this.bytes = new byte[Math.max(64, initialCapacity)];
    }

    /**
     * Make room for {@code room} bytes from where the text ends: the writes that follow use it without checking.
     *
     * @param room bytes, every store's overhang included.
     */
    final void reserve(final long room)
    {
        if (position + room > bytes.length)
        {
            grow(position + room);
        }
    }

    final void beginObjectInRoom()
    {
        final int p = separate();
        bytes[p] = '{';
        position = p + 1;
        comma = 0;
    }

    final void endObjectInRoom()
    {
        bytes[position++] = '}';
        comma = 1;
    }

    final void beginArrayInRoom()
    {
        final int p = separate();
        bytes[p] = '[';
        position = p + 1;
        comma = 0;
    }

    final void endArrayInRoom()
    {
        bytes[position++] = ']';
        comma = 1;
    }

    /** A key (and, for an object key, its brace): {@link JsonKey#MAX_LENGTH} + 1 bytes of room. */
    final void keyInRoom(final JsonKey key)
    {
        position = key(bytes, separate(), key);
        comma = 0;
    }

    final void colonInRoom()
    {
        bytes[position++] = ':';
        comma = 0;
    }

    final void rawValueInRoom(final byte[] value)
    {
        final int p = separate();
        System.arraycopy(value, 0, bytes, p, value.length);
        position = p + value.length;
        comma = 1;
    }

    /** {@code text}: {@link JsonText#room} bytes of room. */
    final void textInRoom(final JsonText text)
    {
        final byte[] dst = bytes;
        final int p = separate();
        final long[] words = text.words;
        for (int i = 0; i < words.length; i++)
        {
            JsonWords.put(dst, p + i * Long.BYTES, words[i]);
        }
        position = p + text.length;
        comma = 1;
    }

    /**
     * Pre-encoded text from a table of words ({@link JsonArgNames}): the words holding {@code length} bytes from
     * {@code from}, one store each ({@code length} + 8 bytes of room, a comma included).
     *
     * @param endsWithKey true when the text ends with a key (the value follows without a comma).
     */
    final void wordsInRoom(final long[] words, final int from, final int length, final boolean endsWithKey)
    {
        final byte[] dst = bytes;
        final int p = separate();
        final int count = (length + Long.BYTES - 1) / Long.BYTES;
        for (int i = 0; i < count; i++)
        {
            JsonWords.put(dst, p + i * Long.BYTES, words[from + i]);
        }
        position = p + length;
        comma = endsWithKey ? 0 : 1;
    }

    /**
     * Text written before from the same state: its bytes as they were, then the comma state that followed them
     * ({@link JsonWorkloadMemo}); {@code length} bytes of room.
     */
    final void fragmentInRoom(final byte[] text, final int length, final int commaAfter)
    {
        System.arraycopy(text, 0, bytes, position, length);
        position += length;
        comma = commaAfter;
    }

    final void boolInRoom(final boolean value)
    {
        rawValueInRoom(value ? TRUE : FALSE);
    }

    /** A number: {@link JsonDigits#ROOM} + 3 bytes of room, as for every number. */
    final void int32InRoom(final int value)
    {
        position = JsonDigits.signed(bytes, separate(), value);
        comma = 1;
    }

    final void uint32InRoom(final int value)
    {
        position = JsonDigits.unsigned(bytes, separate(), value & 0xFFFF_FFFFL);
        comma = 1;
    }

    final void int64InRoom(final long value)
    {
        position = quotedSigned(bytes, separate(), value);
        comma = 1;
    }

    final void uint64InRoom(final long value)
    {
        position = quotedUnsigned(bytes, separate(), value);
        comma = 1;
    }

    final void asciiStringInRoom(final byte[] text, final int offset, final int length)
    {
        final byte[] dst = bytes;
        int p = separate();
        dst[p++] = '"';
        System.arraycopy(text, offset, dst, p, length);
        p += length;
        dst[p++] = '"';
        position = p;
        comma = 1;
    }

    /** A string: {@link JsonSink#stringRoom} of its length. */
    final void stringInRoom(final DirectBuffer src, final int offset, final int length)
    {
        position = string(separate(), src, offset, length);
        comma = 1;
    }

    /** A key and a number: {@link JsonKey#MAX_LENGTH} + {@link JsonDigits#ROOM} + 3 bytes of room. */
    final void int32FieldInRoom(final JsonKey key, final int value)
    {
        final byte[] dst = bytes;
        position = JsonDigits.signed(dst, key(dst, separate(), key), value);
        comma = 1;
    }

    final void uint32FieldInRoom(final JsonKey key, final int value)
    {
        final byte[] dst = bytes;
        position = JsonDigits.unsigned(dst, key(dst, separate(), key), value & 0xFFFF_FFFFL);
        comma = 1;
    }

    final void int64FieldInRoom(final JsonKey key, final long value)
    {
        final byte[] dst = bytes;
        position = quotedSigned(dst, key(dst, separate(), key), value);
        comma = 1;
    }

    final void uint64FieldInRoom(final JsonKey key, final long value)
    {
        final byte[] dst = bytes;
        position = quotedUnsigned(dst, key(dst, separate(), key), value);
        comma = 1;
    }

    /** A key and a string: the key's room and {@link JsonSink#stringRoom} of the string's length. */
    final void stringFieldInRoom(final JsonKey key, final DirectBuffer src, final int offset, final int length)
    {
        position = string(key(bytes, separate(), key), src, offset, length);
        comma = 1;
    }

    /** Where the next write starts: after a comma when one is due (written either way, kept only when needed). */
    private int separate()
    {
        final int p = position;
        bytes[p] = ',';
        return p + comma;
    }

    private static int key(final byte[] dst, final int p, final JsonKey key)
    {
        JsonWords.put(dst, p, key.word0);
        JsonWords.put(dst, p + Long.BYTES, key.word1);
        JsonWords.put(dst, p + 2 * Long.BYTES, key.word2);
        return p + key.length;
    }

    private static int quotedSigned(final byte[] dst, final int p, final long value)
    {
        dst[p] = '"';
        final int end = JsonDigits.signed(dst, p + 1, value);
        dst[end] = '"';
        return end + 1;
    }

    private static int quotedUnsigned(final byte[] dst, final int p, final long value)
    {
        dst[p] = '"';
        final int end = JsonDigits.unsigned(dst, p + 1, value);
        dst[end] = '"';
        return end + 1;
    }

    /** The string at {@code p}, quoted and escaped; an array-backed record (a ring slot, a journal frame) read in place. */
    private int string(final int p, final DirectBuffer src, final int offset, final int length)
    {
        final byte[] array = src.byteArray();
        final byte[] in;
        final int from;
        if (array != null)
        {
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
        dst[p] = '"';
        final int end = escape.escape(in, from, from + length, dst, p + 1);
        dst[end] = '"';
        return end + 1;
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
