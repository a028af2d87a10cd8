package io.sluice.codec.json;

/**
 * Decimal digits of integers written eight at a time: up to eight digits are made in one {@code long} by a few
 * multiplications (SWAR: each step splits every lane in two, 4+4 digits, then 2+2, then 1+1, dividing by a
 * multiplication and shift exact for the lane's range) and stored with one eight-byte write, so a number costs no
 * division loop, no digit count and at most three stores. The caller leaves {@link #ROOM} bytes of room: a store may
 * write past the last digit (those bytes are overwritten by what follows).
 */
final class JsonDigits
{
    /** Bytes a number may touch past where it starts: 20 digits, a sign, and a store's overhang. */
    static final int ROOM = 24;

    private static final long ASCII_ZEROS = 0x3030_3030_3030_3030L;
    private static final long EIGHT_DIGITS = 100_000_000L;
    private static final long SIXTEEN_DIGITS = 10_000_000_000_000_000L;

    private JsonDigits()
    {
    }

    /**
     * @param dst   where to write.
     * @param start at which index ({@link #ROOM} bytes of room).
     * @param value a signed number.
     * @return the index past the last digit.
     */
    static int signed(final byte[] dst, final int start, final long value)
    {
        if (value >= 0)
        {
            return unsigned(dst, start, value);
        }
        dst[start] = '-';
        // -Long.MIN_VALUE is Long.MIN_VALUE, which read unsigned is its magnitude
        return unsigned(dst, start + 1, -value);
    }

    /**
     * @param dst   where to write.
     * @param start at which index ({@link #ROOM} bytes of room).
     * @param value a number read as unsigned.
     * @return the index past the last digit.
     */
    static int unsigned(final byte[] dst, final int start, final long value)
    {
        if (value >= 0 && value < EIGHT_DIGITS)
        {
            return upToEight(dst, start, (int)value);
        }
        if (value >= 0 && value < SIXTEEN_DIGITS)
        {
            final long high = value / EIGHT_DIGITS;
            final int end = upToEight(dst, start, (int)high);
            JsonWords.put(dst, end, eight((int)(value - high * EIGHT_DIGITS)));
            return end + Long.BYTES;
        }
        // the top digits of 17 to 20: value / 10^16 as unsigned, through a positive dividend
        final long top = (value >>> 1) / (SIXTEEN_DIGITS >>> 1);
        final long rest = value - top * SIXTEEN_DIGITS;
        final long middle = rest / EIGHT_DIGITS;
        final int end = upToEight(dst, start, (int)top);
        JsonWords.put(dst, end, eight((int)middle));
        JsonWords.put(dst, end + Long.BYTES, eight((int)(rest - middle * EIGHT_DIGITS)));
        return end + 2 * Long.BYTES;
    }

    /** {@code value} (below 10^8) without leading zeros, from one store. */
    private static int upToEight(final byte[] dst, final int start, final int value)
    {
        final long digits = digitValues(value);
        // zero bytes at the low end are leading zeros; the last digit always stays
        final int leadingZeros = Long.numberOfTrailingZeros(digits | 1L << 56) >>> 3;
        JsonWords.put(dst, start, (digits + ASCII_ZEROS) >>> (leadingZeros << 3));
        return start + Long.BYTES - leadingZeros;
    }

    /** {@code value} (below 10^8) as eight ASCII digits, the first in the low byte. */
    private static long eight(final int value)
    {
        return digitValues(value) + ASCII_ZEROS;
    }

    /** {@code value} (below 10^8) as eight digit values 0-9, the most significant in the low byte. */
    private static long digitValues(final int value)
    {
        // two lanes of 32 bits: the high four digits, the low four (below 10^4, the common pid or count, the high lane
        // is zero and no division is needed). Each step's "quotient | remainder << s" is written
        // "(x << s) - quotient * ((divisor << s) - 1)": the same bits (the two never overlap), one operation fewer
        long x = (long)value << 32;
        if (value >= 10_000)
        {
            x -= value / 10_000 * ((10_000L << 32) - 1);
        }
        // each lane / 100 (x * 10486 >> 20 is exact below 43,699): four lanes of 16 bits of two digits
        final long hundreds = (x * 10_486 >>> 20) & 0x0000_007F_0000_007FL;
        x = (x << 16) - hundreds * ((100L << 16) - 1);
        // each lane / 10 (x * 103 >> 10 is exact below 179): eight bytes of one digit
        final long tens = (x * 103 >>> 10) & 0x000F_000F_000F_000FL;
        return (x << 8) - tens * ((10L << 8) - 1);
    }
}
