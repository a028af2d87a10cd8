package io.sluice.process;

import java.util.Arrays;

/**
 * A process's arguments as Tetragon's {@code process.arguments} has them (its {@code ArgsDecoder}): the arguments after
 * argv[0], each appended after a space, except that the first plain one starts the text, and one that holds a space
 * is wrapped in double quotes (with its space before it even when it comes first, as Tetragon writes it). Built from
 * an exec's {@code argv} (a STR_ARRAY value) or from {@code /proc/PID/cmdline}, the same way for both; cut at a
 * maximum length. Reused: nothing is allocated once the buffer has grown.
 */
public final class ArgumentText
{
    private static final byte[] SPACE_QUOTE = {' ', '"'};

    private final int maxLength;
    private byte[] bytes = new byte[128];
    private int length;

    /**
     * @param maxLength the longest text kept (the rest is cut).
     */
    public ArgumentText(final int maxLength)
    {
        this.maxLength = maxLength;
    }

    /**
     * @param strArray a STR_ARRAY value: per element a little-endian {@code u32} length, then the bytes.
     * @param offset   where it starts.
     * @param length   its length; a malformed tail is ignored.
     * @return this text, holding the elements after the first.
     */
    public ArgumentText ofStrArray(final byte[] strArray, final int offset, final int length)
    {
        this.length = 0;
        final int end = offset + length;
        int cursor = offset;
        boolean first = true;
        while (end - cursor >= 4)
        {
            final int elementLength = (strArray[cursor] & 0xff) | (strArray[cursor + 1] & 0xff) << 8 |
                (strArray[cursor + 2] & 0xff) << 16 | (strArray[cursor + 3] & 0xff) << 24;
            cursor += 4;
            if (elementLength < 0 || elementLength > end - cursor)
            {
                break;
            }
            if (!first)
            {
                add(strArray, cursor, elementLength);
            }
            first = false;
            cursor += elementLength;
        }
        return this;
    }

    /**
     * @param cmdline NUL-separated arguments, as {@code /proc/PID/cmdline} (trailing NULs are not arguments).
     * @param length  how many bytes.
     * @return this text, holding the arguments after the first.
     */
    public ArgumentText ofNulSeparated(final byte[] cmdline, final int length)
    {
        this.length = 0;
        int end = length;
        while (end > 0 && cmdline[end - 1] == 0)
        {
            end--;
        }
        int start = 0;
        boolean first = true;
        for (int i = 0; i <= end; i++)
        {
            if (i == end || cmdline[i] == 0)
            {
                if (!first)
                {
                    add(cmdline, start, i - start);
                }
                first = false;
                start = i + 1;
            }
        }
        return this;
    }

    /**
     * @param other a text to copy.
     * @return this text, equal to it.
     */
    public ArgumentText copyOf(final ArgumentText other)
    {
        length = 0;
        append(other.bytes, 0, other.length);
        return this;
    }

    /** @return this text, emptied. */
    public ArgumentText clear()
    {
        length = 0;
        return this;
    }

    /** @return the text's UTF-8 bytes (valid up to {@link #length()}). */
    public byte[] bytes()
    {
        return bytes;
    }

    /** @return the text's length in bytes. */
    public int length()
    {
        return length;
    }

    private void add(final byte[] src, final int offset, final int count)
    {
        if (containsSpace(src, offset, count))
        {
            append(SPACE_QUOTE, 0, 2);
            append(src, offset, count);
            append(SPACE_QUOTE, 1, 1);
        }
        else
        {
            if (length > 0)
            {
                append(SPACE_QUOTE, 0, 1);
            }
            append(src, offset, count);
        }
    }

    private static boolean containsSpace(final byte[] src, final int offset, final int count)
    {
        for (int i = offset; i < offset + count; i++)
        {
            if (src[i] == ' ')
            {
                return true;
            }
        }
        return false;
    }

    private void append(final byte[] src, final int offset, final int count)
    {
        final int copy = Math.min(count, maxLength - length);
        if (copy <= 0)
        {
            return;
        }
        if (bytes.length < length + copy)
        {
            bytes = Arrays.copyOf(bytes, Math.min(maxLength, Math.max(length + copy, bytes.length * 2)));
        }
        System.arraycopy(src, offset, bytes, length, copy);
        length += copy;
    }
}
