package io.sluice.codec.wire;

import org.agrona.DirectBuffer;

/**
 * Reads protobuf varints from a buffer without allocating: {@link #varint} returns the position after the varint and
 * leaves its value in {@link #value()}. One per reader; not thread-safe.
 */
public final class WireInput
{
    /** Wire type of a varint. */
    public static final int VARINT = 0;
    /** Wire type of a fixed 64-bit value. */
    public static final int FIXED64 = 1;
    /** Wire type of a length-delimited value. */
    public static final int LENGTH_DELIMITED = 2;

    private static final int MAX_VARINT_BYTES = 10;

    private long value;

    /**
     * @param buffer the bytes.
     * @param start  where the varint starts.
     * @param limit  where the enclosing value ends.
     * @return the position after the varint, or -1 when it runs past {@code limit}, is longer than ten bytes or does
     *         not fit 64 bits, or is not minimal (protobuf never writes a trailing zero byte).
     */
    public int varint(final DirectBuffer buffer, final int start, final int limit)
    {
        long result = 0;
        int p = start;
        for (int i = 0; i < MAX_VARINT_BYTES; i++)
        {
            if (p >= limit)
            {
                return -1;
            }
            final int b = buffer.getByte(p++) & 0xFF;
            if (i == MAX_VARINT_BYTES - 1 && b > 1)
            {
                return -1;
            }
            result |= (long)(b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                if (b == 0 && i > 0)
                {
                    return -1;
                }
                value = result;
                return p;
            }
        }
        return -1;
    }

    /**
     * @return the value of the last varint read.
     */
    public long value()
    {
        return value;
    }
}
