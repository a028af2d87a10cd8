package io.sluice.codec.json;

/**
 * Text written as it is, pre-encoded once as little-endian words, so that {@link JsonSink#textInRoom} copies it with
 * one store per eight bytes (a {@code System.arraycopy} of twenty bytes costs more than the three stores): a quoted
 * event, enum or policy name. (The catalog openings of the data entries are words too, in {@link JsonArgNames}'
 * per-shape arrays, built with {@link #words(byte[])}.) The last word's bytes past
 * the text are zero and are overwritten by what follows.
 */
final class JsonText
{
    final long[] words;
    final int length;

    /**
     * @param text the bytes, as they are written.
     */
    JsonText(final byte[] text)
    {
        this.length = text.length;
        this.words = words(text);
    }

    /**
     * @return the room {@link JsonSink#textInRoom} uses: the text's words and a comma.
     */
    int room()
    {
        return words.length * Long.BYTES + 1;
    }

    /**
     * @param text bytes.
     * @return the bytes as little-endian words, the last padded with zeros.
     */
    static long[] words(final byte[] text)
    {
        final long[] words = new long[(text.length + Long.BYTES - 1) / Long.BYTES];
        for (int i = 0; i < text.length; i++)
        {
            words[i / Long.BYTES] |= (text[i] & 0xFFL) << (i % Long.BYTES * Byte.SIZE);
        }
        return words;
    }
}
