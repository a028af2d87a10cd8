package io.sluice.codec.sbe;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The layout of a STR_ARRAY data value (see {@code sluice-sbe.xml}): repeated {@code [uint32 length][bytes]},
 * little-endian lengths, UTF-8 bytes.
 * <p>
 * A reusable cursor: {@link #wrap}, then {@link #next()} until it returns false, reading {@link #elementOffset()} and
 * {@link #elementLength()} in between. Damaged values read the same way for every reader: an element whose length
 * runs past the end is cut at the end, and fewer than four bytes left over are ignored.
 */
public final class StringArrayBlob
{
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private DirectBuffer buffer;
    private int position;
    private int limit;
    private int elementOffset;
    private int elementLength;

    /**
     * @param buffer the bytes.
     * @param offset where the value starts.
     * @param length its length.
     * @return this cursor, before the first element.
     */
    public StringArrayBlob wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.position = offset;
        this.limit = offset + length;
        this.elementOffset = offset;
        this.elementLength = 0;
        return this;
    }

    /**
     * @return true when the cursor moved to another element.
     */
    public boolean next()
    {
        if (limit - position < 4)
        {
            position = limit;
            return false;
        }
        final long declared = buffer.getInt(position, ORDER) & 0xFFFF_FFFFL;
        elementOffset = position + 4;
        elementLength = (int)Math.min(declared, limit - elementOffset);
        position = elementOffset + elementLength;
        return true;
    }

    /**
     * @return where the current element's bytes start.
     */
    public int elementOffset()
    {
        return elementOffset;
    }

    /**
     * @return how many bytes the current element has.
     */
    public int elementLength()
    {
        return elementLength;
    }

    /**
     * @param values the strings, encoded as UTF-8.
     * @return the value bytes.
     */
    public static byte[] encode(final List<String> values)
    {
        final ExpandableArrayBuffer out = new ExpandableArrayBuffer(64);
        int p = 0;
        for (final String value : values)
        {
            final byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            out.putInt(p, bytes.length, ORDER);
            out.putBytes(p + 4, bytes);
            p += 4 + bytes.length;
        }
        final byte[] result = new byte[p];
        out.getBytes(0, result);
        return result;
    }
}
