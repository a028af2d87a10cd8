package io.sluice.format.gotemplate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's {@code strconv.FormatFloat} for {@code %v}, {@code %e}, {@code %f} and {@code %g} (and JSON's number form):
 * the shortest digits that read back as the same double, or digits rounded half-to-even to a precision. Floats only
 * come from template constants and arithmetic-free Sprig results, so this path may allocate.
 */
final class FloatText
{
    private FloatText()
    {
    }

    /**
     * Writes the float with the shortest digits: {@code %v} and {@code %g} with no precision ({@code 'g'}), or
     * {@code %e}/{@code %f} with no precision.
     */
    static void shortest(final double value, final char verb, final ByteSink out)
    {
        format(value, verb, -1, out);
    }

    /**
     * Writes {@code strconv.FormatFloat(value, verb, precision, 64)}.
     *
     * @param verb      {@code e}, {@code E}, {@code f}, {@code F}, {@code g} or {@code G}.
     * @param precision digits, or -1 for the shortest representation.
     */
    static void format(final double value, final char verb, final int precision, final ByteSink out)
    {
        if (Double.isNaN(value))
        {
            out.putAscii("NaN");
            return;
        }
        if (Double.isInfinite(value))
        {
            out.putAscii(value > 0 ? "+Inf" : "-Inf");
            return;
        }
        if (value < 0 || (value == 0 && 1 / value < 0))
        {
            out.put('-');
        }
        final double abs = Math.abs(value);
        final char lower = Character.toLowerCase(verb);
        final boolean upper = verb != lower;
        if (lower == 'f')
        {
            fixed(precision < 0 ? shortestDigits(abs) : null, abs, precision, out);
            return;
        }
        final Digits digits;
        if (precision < 0)
        {
            digits = shortestDigits(abs);
        }
        else
        {
            digits = rounded(abs, lower == 'e' ? precision + 1 : Math.max(precision, 1));
        }
        if (lower == 'e')
        {
            exponent(digits, precision < 0 ? digits.count() - 1 : precision, upper, out);
            return;
        }
        int eprec = precision < 0 ? 6 : Math.max(precision, 1);
        if (precision >= 0 && eprec > digits.count() && digits.count() >= digits.point)
        {
            eprec = digits.count();
        }
        final int exp = digits.point - 1;
        if (exp < -4 || exp >= eprec)
        {
            final int p = precision < 0 ? digits.count() : Math.min(Math.max(precision, 1), digits.count());
            exponent(digits, p - 1, upper, out);
            return;
        }
        int p = precision < 0 ? digits.count() : Math.max(precision, 1);
        if (p > digits.point)
        {
            p = digits.count();
        }
        fraction(digits, Math.max(p - digits.point, 0), out);
    }

    /**
     * Go's JSON number: {@code f} form for 1e-6 ≤ |v| &lt; 1e21, else {@code e} form without exponent zero padding.
     */
    static void json(final double value, final ByteSink out)
    {
        final double abs = Math.abs(value);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21))
        {
            final ByteSink tmp = new ByteSink(new org.agrona.ExpandableArrayBuffer(32));
            format(value, 'e', -1, tmp);
            String text = tmp.text(0);
            final int e = text.indexOf('e');
            if (text.length() - e == 4 && text.charAt(e + 2) == '0')
            {
                text = text.substring(0, e + 2) + text.charAt(e + 3);
            }
            out.putAscii(text);
            return;
        }
        format(value, 'f', -1, out);
    }

    private static void fixed(final Digits shortest, final double abs, final int precision, final ByteSink out)
    {
        if (shortest != null)
        {
            fraction(shortest, Math.max(shortest.count() - shortest.point, 0), out);
            return;
        }
        out.putAscii(new BigDecimal(abs).setScale(precision, RoundingMode.HALF_EVEN).toPlainString());
    }

    private static void exponent(final Digits digits, final int precision, final boolean upper, final ByteSink out)
    {
        out.put(digits.digit(0));
        if (precision > 0)
        {
            out.put('.');
            for (int i = 1; i <= precision; i++)
            {
                out.put(digits.digit(i));
            }
        }
        out.put(upper ? 'E' : 'e');
        int exp = digits.count() == 0 || digits.text.equals("0") ? 0 : digits.point - 1;
        out.put(exp < 0 ? '-' : '+');
        exp = Math.abs(exp);
        if (exp < 10)
        {
            out.put('0');
        }
        out.putLong(exp);
    }

    private static void fraction(final Digits digits, final int precision, final ByteSink out)
    {
        if (digits.point > 0)
        {
            for (int i = 0; i < digits.point; i++)
            {
                out.put(digits.digit(i));
            }
        }
        else
        {
            out.put('0');
        }
        if (precision > 0)
        {
            out.put('.');
            for (int i = 0; i < precision; i++)
            {
                final int at = digits.point + i;
                out.put(at < 0 ? '0' : digits.digit(at));
            }
        }
    }

    private static Digits shortestDigits(final double abs)
    {
        if (abs == 0)
        {
            return new Digits("0", 1);
        }
        return Digits.of(new BigDecimal(Double.toString(abs)));
    }

    private static Digits rounded(final double abs, final int significant)
    {
        if (abs == 0)
        {
            return new Digits("0", 1);
        }
        return Digits.of(new BigDecimal(abs).round(new MathContext(significant, RoundingMode.HALF_EVEN)));
    }

    /**
     * Decimal digits without trailing zeros, and where the decimal point goes (digits before it).
     */
    private static final class Digits
    {
        final String text;
        final int point;

        Digits(final String text, final int point)
        {
            this.text = text;
            this.point = point;
        }

        static Digits of(final BigDecimal value)
        {
            final BigDecimal stripped = value.stripTrailingZeros();
            final String digits = stripped.unscaledValue().toString();
            return new Digits(digits, digits.length() - stripped.scale());
        }

        int count()
        {
            return text.equals("0") ? 0 : text.length();
        }

        char digit(final int i)
        {
            return i < text.length() ? text.charAt(i) : '0';
        }
    }
}
