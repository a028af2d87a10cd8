package io.sluice.codec.sbe;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.List;

/**
 * The layout of INT32_ARRAY and UINT64_ARRAY data values (see {@code sluice-sbe.xml}): packed little-endian
 * {@code int32} or {@code uint64} elements. Bytes left over after the last whole element are ignored by every reader.
 */
public final class PackedArrayBlob
{
    /** Bytes per INT32_ARRAY element. */
    public static final int INT32_SIZE = 4;
    /** Bytes per UINT64_ARRAY element. */
    public static final int UINT64_SIZE = 8;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private PackedArrayBlob()
    {
    }

    /**
     * @param value  the bytes.
     * @param offset where the value starts.
     * @param index  the element.
     * @return element {@code index} of an INT32_ARRAY value.
     */
    public static int int32(final DirectBuffer value, final int offset, final int index)
    {
        return value.getInt(offset + index * INT32_SIZE, ORDER);
    }

    /**
     * @param value  the bytes.
     * @param offset where the value starts.
     * @param index  the element.
     * @return element {@code index} of a UINT64_ARRAY value (unsigned, as Java's signed long).
     */
    public static long uint64(final DirectBuffer value, final int offset, final int index)
    {
        return value.getLong(offset + index * UINT64_SIZE, ORDER);
    }

    /**
     * @param values the elements.
     * @return an INT32_ARRAY value.
     */
    public static byte[] encodeInt32(final List<Integer> values)
    {
        final UnsafeBuffer out = new UnsafeBuffer(new byte[values.size() * INT32_SIZE]);
        for (int i = 0; i < values.size(); i++)
        {
            out.putInt(i * INT32_SIZE, values.get(i), ORDER);
        }
        return out.byteArray();
    }

    /**
     * @param values the elements (unsigned, as Java's signed long).
     * @return a UINT64_ARRAY value.
     */
    public static byte[] encodeUint64(final List<Long> values)
    {
        final UnsafeBuffer out = new UnsafeBuffer(new byte[values.size() * UINT64_SIZE]);
        for (int i = 0; i < values.size(); i++)
        {
            out.putLong(i * UINT64_SIZE, values.get(i), ORDER);
        }
        return out.byteArray();
    }
}
