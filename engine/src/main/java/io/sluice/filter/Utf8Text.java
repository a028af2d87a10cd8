package io.sluice.filter;

import java.nio.charset.StandardCharsets;

/**
 * Reusable text for regular expressions over UTF-8 bytes: ASCII is copied char by char without allocating; other
 * text is decoded (allocating) so non-ASCII paths still match correctly.
 */
final class Utf8Text
{
    private final StringBuilder text = new StringBuilder(256);

    /**
     * @param bytes  UTF-8 bytes.
     * @param length how many.
     * @return this text, holding them (valid until the next call).
     */
    CharSequence of(final byte[] bytes, final int length)
    {
        text.setLength(0);
        return append(bytes, 0, length);
    }

    /** @return the text, emptied. */
    StringBuilder clear()
    {
        text.setLength(0);
        return text;
    }

    /**
     * @param bytes  UTF-8 bytes to add.
     * @param offset where they start.
     * @param length how many.
     * @return this text.
     */
    CharSequence append(final byte[] bytes, final int offset, final int length)
    {
        for (int i = offset; i < offset + length; i++)
        {
            if (bytes[i] < 0)
            {
                text.append(new String(bytes, i, offset + length - i, StandardCharsets.UTF_8));
                return text;
            }
            text.append((char)bytes[i]);
        }
        return text;
    }
}
