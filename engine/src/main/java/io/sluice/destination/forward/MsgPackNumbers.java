package io.sluice.destination.forward;

/**
 * MessagePack numbers written straight into a byte array, each in its shortest form (the {@code record=map} values of
 * {@link JsonNumber}).
 */
final class MsgPackNumbers
{
    private static final int FIXINT_MAX = 127;
    private static final int NEGATIVE_FIXINT_MIN = -32;

    private MsgPackNumbers()
    {
    }

    /**
     * @param b     where to write (9 bytes).
     * @param at    where.
     * @param value an unsigned 64-bit integer.
     * @return where it ends: the shortest unsigned form.
     */
    static int putUnsigned(final byte[] b, final int at, final long value)
    {
        if (value >= 0 && value <= FIXINT_MAX)
        {
            b[at] = (byte)value;
            return at + 1;
        }
        if (value >= 0 && value <= 0xff)
        {
            b[at] = (byte)0xcc;
            b[at + 1] = (byte)value;
            return at + 2;
        }
        if (value >= 0 && value <= 0xffff)
        {
            b[at] = (byte)0xcd;
            return putLong(b, at + 1, value, 2);
        }
        if (value >= 0 && value <= 0xffff_ffffL)
        {
            b[at] = (byte)0xce;
            return putLong(b, at + 1, value, 4);
        }
        b[at] = (byte)0xcf;
        return putLong(b, at + 1, value, 8);
    }

    /**
     * @param b     where to write (9 bytes).
     * @param at    where.
     * @param value a negative (or zero) integer.
     * @return where it ends: the shortest signed form.
     */
    static int putNegative(final byte[] b, final int at, final long value)
    {
        if (value >= NEGATIVE_FIXINT_MIN)
        {
            b[at] = (byte)value;
            return at + 1;
        }
        if (value >= Byte.MIN_VALUE)
        {
            b[at] = (byte)0xd0;
            b[at + 1] = (byte)value;
            return at + 2;
        }
        if (value >= Short.MIN_VALUE)
        {
            b[at] = (byte)0xd1;
            return putLong(b, at + 1, value, 2);
        }
        if (value >= Integer.MIN_VALUE)
        {
            b[at] = (byte)0xd2;
            return putLong(b, at + 1, value, 4);
        }
        b[at] = (byte)0xd3;
        return putLong(b, at + 1, value, 8);
    }

    /**
     * @param b     where to write (9 bytes).
     * @param at    where.
     * @param value the number.
     * @return where it ends (float 64).
     */
    static int putDouble(final byte[] b, final int at, final double value)
    {
        b[at] = (byte)0xcb;
        return putLong(b, at + 1, Double.doubleToRawLongBits(value), 8);
    }

    private static int putLong(final byte[] b, final int at, final long value, final int bytes)
    {
        for (int i = 0; i < bytes; i++)
        {
            b[at + i] = (byte)(value >>> ((bytes - 1 - i) * 8));
        }
        return at + bytes;
    }
}
