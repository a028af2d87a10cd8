package io.sluice.filter.text;

import io.sluice.codec.text.JavaUtf8;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reusable text for regular expressions over UTF-8 bytes, decoded without allocating into exactly what
 * {@code new String(bytes, UTF_8)} gives, ill-formed input included (one U+FFFD per malformed sequence, see
 * {@link JavaUtf8}). Also encodes text back to UTF-8 exactly as {@code String.getBytes(UTF_8)} does.
 */
public final class Utf8Text
{
    private final StringBuilder text = new StringBuilder(256);
    private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);

    /**
     * @param bytes  UTF-8 bytes.
     * @param length how many.
     * @return this text, holding them (valid until the next call).
     */
    public CharSequence of(final byte[] bytes, final int length)
    {
        text.setLength(0);
        return append(bytes, 0, length);
    }

    /**
     * @param bytes  UTF-8 bytes.
     * @param offset where they start.
     * @param length how many.
     * @return this text, holding them (valid until the next call).
     */
    public CharSequence of(final byte[] bytes, final int offset, final int length)
    {
        text.setLength(0);
        return append(bytes, offset, length);
    }

    /** @return the text, emptied. */
    public StringBuilder clear()
    {
        text.setLength(0);
        return text;
    }

    /** @return the text as it is (the same builder every time). */
    public StringBuilder text()
    {
        return text;
    }

    /**
     * @param bytes  UTF-8 bytes to add.
     * @param offset where they start.
     * @param length how many.
     * @return this text.
     */
    public CharSequence append(final byte[] bytes, final int offset, final int length)
    {
        final int end = offset + length;
        int i = offset;
        while (i < end)
        {
            final int b = bytes[i];
            if (b >= 0)
            {
                text.append((char)b);
                i++;
                continue;
            }
            if (view.byteArray() != bytes)
            {
                view.wrap(bytes);
            }
            final long next = JavaUtf8.next(view, i, end);
            final int codePoint = JavaUtf8.codePoint(next);
            if (Character.isBmpCodePoint(codePoint))
            {
                text.append((char)codePoint);
            }
            else
            {
                text.append(Character.highSurrogate(codePoint)).append(Character.lowSurrogate(codePoint));
            }
            i = JavaUtf8.nextIndex(next);
        }
        return text;
    }

    /**
     * Encode text as UTF-8 the way {@code String.getBytes(UTF_8)} does (an unpaired surrogate becomes {@code ?}).
     *
     * @param chars the text.
     * @param out   where the bytes go, from {@code at} (grown when needed).
     * @param at    where to start.
     * @return how many bytes were written.
     */
    public static int encode(final CharSequence chars, final ExpandableArrayBuffer out, final int at)
    {
        int p = at;
        final int length = chars.length();
        out.checkLimit(at + 3 * length);
        for (int i = 0; i < length; i++)
        {
            final char c = chars.charAt(i);
            if (c < 0x80)
            {
                out.putByte(p++, (byte)c);
            }
            else if (c < 0x800)
            {
                out.putByte(p++, (byte)(0xC0 | c >> 6));
                out.putByte(p++, (byte)(0x80 | c & 0x3F));
            }
            else if (Character.isSurrogate(c))
            {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(chars.charAt(i + 1)))
                {
                    final int codePoint = Character.toCodePoint(c, chars.charAt(++i));
                    out.putByte(p++, (byte)(0xF0 | codePoint >> 18));
                    out.putByte(p++, (byte)(0x80 | codePoint >> 12 & 0x3F));
                    out.putByte(p++, (byte)(0x80 | codePoint >> 6 & 0x3F));
                    out.putByte(p++, (byte)(0x80 | codePoint & 0x3F));
                }
                else
                {
                    out.putByte(p++, (byte)'?');
                }
            }
            else
            {
                out.putByte(p++, (byte)(0xE0 | c >> 12));
                out.putByte(p++, (byte)(0x80 | c >> 6 & 0x3F));
                out.putByte(p++, (byte)(0x80 | c & 0x3F));
            }
        }
        return p - at;
    }
}
