package io.sluice.codec.proto;

/**
 * Protobuf's base-128 varints, shortest form (what protobuf-java writes): their sizes, and writing them into a byte
 * array. A negative {@code int32} or enum is written as its sign-extended 64-bit value (ten bytes), as protobuf does;
 * an unsigned 32-bit value (a length, a tag, a {@code uint32}) as {@link #put32}.
 */
final class ProtoVarints
{
    private ProtoVarints()
    {
    }

    /**
     * @param value a 32-bit value, unsigned.
     * @return how many bytes its varint takes, 1 to 5.
     */
    static int size32(final int value)
    {
        return (32 - Integer.numberOfLeadingZeros(value) + 6) / 7 + (value == 0 ? 1 : 0);
    }

    /**
     * @param value a 64-bit value, unsigned (a sign-extended {@code int32} included).
     * @return how many bytes its varint takes, 1 to 10.
     */
    static int size64(final long value)
    {
        return (64 - Long.numberOfLeadingZeros(value) + 6) / 7 + (value == 0 ? 1 : 0);
    }

    /**
     * @param array where to write; room for {@link #size32} bytes at {@code at}.
     * @param at    where.
     * @param value a 32-bit value, unsigned.
     * @return the index after the varint.
     */
    static int put32(final byte[] array, final int at, final int value)
    {
        int p = at;
        int v = value;
        while ((v & ~0x7F) != 0)
        {
            array[p++] = (byte)((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        array[p++] = (byte)v;
        return p;
    }

    /**
     * @param array where to write; room for {@link #size64} bytes at {@code at}.
     * @param at    where.
     * @param value a 64-bit value, unsigned.
     * @return the index after the varint.
     */
    static int put64(final byte[] array, final int at, final long value)
    {
        int p = at;
        long v = value;
        while ((v & ~0x7FL) != 0)
        {
            array[p++] = (byte)((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        array[p++] = (byte)v;
        return p;
    }
}
