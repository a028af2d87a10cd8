package io.sluice.destination.forward;

import java.nio.charset.StandardCharsets;

/**
 * A JSON number for {@link JsonTranscoder}, as the MessagePack value it denotes: a whole number in the shortest
 * integer form (one above {@code Long.MAX_VALUE} as uint64, keeping its bits), any other as float 64, read exactly:
 * up to 15 significant digits and 22 decimals divide by an exact power of ten (one correctly rounded operation),
 * anything longer, or with an exponent, is parsed by the JDK.
 */
final class JsonNumber
{
    private static final int FAST_DIGITS = 15;
    private static final int FAST_EXPONENT = 22;
    private static final double[] POWERS = new double[FAST_EXPONENT + 1];

    static
    {
        POWERS[0] = 1;
        for (int i = 1; i <= FAST_EXPONENT; i++)
        {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    private JsonNumber()
    {
    }

    /**
     * @param in   the JSON.
     * @param from where the number starts.
     * @param end  where the JSON ends.
     * @param out  where to write.
     * @param at   where the MessagePack value goes (9 bytes at most).
     * @return where the number ends in the JSON in the high 32 bits; where the value ends in {@code out} in the low 32.
     * @throws IllegalArgumentException when there is no number there.
     */
    static long transcode(final byte[] in, final int from, final int end, final byte[] out, final int at)
    {
        final boolean negative = in[from] == '-';
        int i = negative ? from + 1 : from;
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean fraction = false;
        boolean overflow = false;
        while (i < end)
        {
            final byte c = in[i];
            if (c >= '0' && c <= '9')
            {
                if (Long.compareUnsigned(mantissa, 0x1999_9999_9999_9999L) > 0
                    || mantissa == 0x1999_9999_9999_9999L && c > '5')
                {
                    overflow = true;
                }
                mantissa = mantissa * 10 + (c - '0');
                digits += mantissa == 0 ? 0 : 1;
                scale += fraction ? 1 : 0;
            }
            else if (c == '.')
            {
                fraction = true;
            }
            else if (c == 'e' || c == 'E' || c == '+' || c == '-')
            {
                final int to = exponentEnd(in, i, end);
                return ends(to, floatAt(in, from, to, out, at));
            }
            else
            {
                break;
            }
            i++;
        }
        if (i == (negative ? from + 1 : from))
        {
            throw new IllegalArgumentException("unexpected '" + (char)in[from] + "'");
        }
        if (overflow || negative && mantissa < 0 && mantissa != Long.MIN_VALUE)
        {
            return ends(i, floatAt(in, from, i, out, at));
        }
        if (fraction)
        {
            return ends(i, digits <= FAST_DIGITS && scale <= FAST_EXPONENT
                ? MsgPackNumbers.putDouble(out, at, (negative ? -(double)mantissa : (double)mantissa) / POWERS[scale])
                : floatAt(in, from, i, out, at));
        }
        return ends(i, negative ? MsgPackNumbers.putNegative(out, at, -mantissa) : MsgPackNumbers.putUnsigned(out, at, mantissa));
    }

    private static long ends(final int inEnd, final int outEnd)
    {
        return (long)inEnd << 32 | outEnd;
    }

    private static int exponentEnd(final byte[] in, final int from, final int end)
    {
        int i = from;
        while (i < end)
        {
            final byte c = in[i];
            if (!(c >= '0' && c <= '9' || c == 'e' || c == 'E' || c == '+' || c == '-' || c == '.'))
            {
                break;
            }
            i++;
        }
        return i;
    }

    /** The rare number outside the exact fast path: parsed by the JDK (one allocation). */
    private static int floatAt(final byte[] in, final int from, final int to, final byte[] out, final int at)
    {
        return MsgPackNumbers.putDouble(out, at, Double.parseDouble(new String(in, from, to - from, StandardCharsets.US_ASCII)));
    }
}
