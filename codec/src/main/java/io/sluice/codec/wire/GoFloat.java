package io.sluice.codec.wire;

import org.agrona.MutableDirectBuffer;

/**
 * A double as protobuf-go's text format writes it: {@code nan}, {@code inf}, {@code -inf}, else Go's
 * {@code strconv.FormatFloat(v, 'g', -1, 64)}: the shortest digits, in exponent form ({@code 1.7e+09}) when the
 * decimal exponent is below -4 or at least 6, else plain ({@code 0.25}, {@code 123456}). The digits are the JDK's
 * ({@link Double#toString}, read from a reused builder), which on JDK 17 are the shortest but for rare cases: the
 * smallest subnormal reads {@code 4.9e-324} where Go writes {@code 5e-324}.
 */
final class GoFloat
{
    private final StringBuilder java = new StringBuilder(32);
    private final byte[] digits = new byte[32];

    /**
     * @param value the double.
     * @param out   where to write.
     * @param start where to start.
     * @return the position after it.
     */
    int format(final double value, final MutableDirectBuffer out, final int start)
    {
        if (Double.isNaN(value))
        {
            return start + out.putStringWithoutLengthAscii(start, "nan");
        }
        if (Double.isInfinite(value))
        {
            return start + out.putStringWithoutLengthAscii(start, value > 0 ? "inf" : "-inf");
        }
        java.setLength(0);
        java.append(value);
        int p = start;
        int i = 0;
        if (java.charAt(0) == '-')
        {
            out.putByte(p++, (byte)'-');
            i = 1;
        }
        final boolean intZero = java.charAt(i) == '0';
        boolean exponentForm = false;
        // digits without leading or trailing zeros, and the decimal exponent of the first one
        int count = 0;
        int exponent = 0;
        int intDigits = 0;
        boolean inFraction = false;
        boolean leading = true;
        int leadingFractionZeros = 0;
        for (; i < java.length(); i++)
        {
            final char c = java.charAt(i);
            if (c == '.')
            {
                inFraction = true;
            }
            else if (c == 'E')
            {
                exponentForm = true;
                exponent = Integer.parseInt(java, i + 1, java.length(), 10);
                break;
            }
            else
            {
                if (!inFraction)
                {
                    intDigits++;
                }
                if (leading && c == '0')
                {
                    if (inFraction)
                    {
                        leadingFractionZeros++;
                    }
                    continue;
                }
                leading = false;
                digits[count++] = (byte)c;
            }
        }
        while (count > 0 && digits[count - 1] == '0')
        {
            count--;
        }
        if (count == 0)
        {
            out.putByte(p++, (byte)'0');
            return p;
        }
        final int exp;
        if (exponentForm)
        {
            exp = exponent;
        }
        else
        {
            exp = intZero ? -(leadingFractionZeros + 1) : intDigits - 1;
        }
        return exp < -4 || exp >= 6 ? exponential(out, p, count, exp) : plain(out, p, count, exp);
    }

    private int exponential(final MutableDirectBuffer out, final int start, final int count, final int exp)
    {
        int p = start;
        out.putByte(p++, digits[0]);
        if (count > 1)
        {
            out.putByte(p++, (byte)'.');
            for (int d = 1; d < count; d++)
            {
                out.putByte(p++, digits[d]);
            }
        }
        out.putByte(p++, (byte)'e');
        out.putByte(p++, (byte)(exp < 0 ? '-' : '+'));
        final int magnitude = Math.abs(exp);
        if (magnitude < 10)
        {
            out.putByte(p++, (byte)'0');
        }
        return p + out.putIntAscii(p, magnitude);
    }

    private int plain(final MutableDirectBuffer out, final int start, final int count, final int exp)
    {
        int p = start;
        final int point = exp + 1; // digits before the decimal point
        if (point <= 0)
        {
            out.putByte(p++, (byte)'0');
        }
        for (int d = 0; d < point; d++)
        {
            out.putByte(p++, d < count ? digits[d] : (byte)'0');
        }
        if (count > point)
        {
            out.putByte(p++, (byte)'.');
            for (int d = point; d < count; d++)
            {
                out.putByte(p++, d < 0 ? (byte)'0' : digits[d]);
            }
        }
        return p;
    }
}
