package io.sluice.codec.json;

import java.nio.charset.StandardCharsets;

/**
 * A proto field name as the printer writes it ({@code "name":}), pre-encoded as three little-endian words, so that
 * {@link JsonSink#key(JsonKey)} writes it with three stores of eight bytes whatever its length (the bytes past its end
 * are overwritten by what follows).
 */
final class JsonKey
{
    /** The longest key text, quotes and colon included. */
    static final int MAX_LENGTH = 3 * Long.BYTES;

    final long word0;
    final long word1;
    final long word2;
    final int length;

    private JsonKey(final byte[] text)
    {
        if (text.length > MAX_LENGTH)
        {
            throw new IllegalArgumentException("key longer than " + MAX_LENGTH + " bytes: " + new String(text, StandardCharsets.UTF_8));
        }
        final byte[] padded = new byte[MAX_LENGTH];
        System.arraycopy(text, 0, padded, 0, text.length);
        this.word0 = word(padded, 0);
        this.word1 = word(padded, Long.BYTES);
        this.word2 = word(padded, 2 * Long.BYTES);
        this.length = text.length;
    }

    /**
     * @param name a proto field name (ASCII, no character that needs escaping).
     * @return the key that writes {@code "name":}.
     */
    static JsonKey of(final String name)
    {
        return new JsonKey(("\"" + name + "\":").getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * @param name a proto field name (ASCII, no character that needs escaping).
     * @return the key that writes {@code "name":{}, opening an object as its value (the sink's state after it is the
     *         same as after a key: nothing to separate).
     */
    static JsonKey objectOf(final String name)
    {
        return new JsonKey(("\"" + name + "\":{").getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * @param outer a proto field name whose value is an object.
     * @param inner the name of that object's first member written.
     * @return the key that writes {@code "outer":{"inner":}: the object opened and its first key, in one write.
     */
    static JsonKey path(final String outer, final String inner)
    {
        return new JsonKey(("\"" + outer + "\":{\"" + inner + "\":").getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * @param text the key's text as written, an opening brace or bracket at its end when it opens one (the sink's
     *             state after it is the same as after a key: nothing to separate).
     * @return the key that writes it.
     */
    static JsonKey text(final String text)
    {
        return new JsonKey(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static long word(final byte[] bytes, final int from)
    {
        long word = 0;
        for (int i = Long.BYTES - 1; i >= 0; i--)
        {
            word = word << Byte.SIZE | (bytes[from + i] & 0xFF);
        }
        return word;
    }
}
