package io.sluice.format.gotemplate;

import java.math.BigInteger;

/**
 * Number and character constants of a template, typed as Go's {@code idealConstant} types them and made into values
 * once, at parse time.
 */
final class NumberConstants
{
    private NumberConstants()
    {
    }

    /**
     * A number or character constant as Go's {@code idealConstant} types it: a float when written with
     * {@code . e E p P} (and not a hex integer), else an {@code int}; one that does not fit an {@code int} is an error
     * when executed ({@code constant} null).
     */
    static Operand operand(final Token token, final TokenCursor cursor)
    {
        final String text = token.text;
        if (token.type == Token.CHAR_CONSTANT)
        {
            final int rune = cursor.unquote(token).codePointAt(0);
            return Operand.constant(Operand.NUMBER, token.start, text, new Value().setInt(GoTypes.INT, rune), true);
        }
        if (text.endsWith("i"))
        {
            throw cursor.error("complex constants are not supported: " + text);
        }
        final String digits = text.replace("_", "");
        final boolean negative = digits.startsWith("-");
        final String unsigned = digits.startsWith("-") || digits.startsWith("+") ? digits.substring(1) : digits;
        final String lower = unsigned.toLowerCase();
        final boolean hex = lower.startsWith("0x");
        final boolean floating = hex ? lower.contains("p") : lower.contains(".") || lower.contains("e");
        try
        {
            if (floating)
            {
                final double value = Double.parseDouble(hex ? (negative ? "-" : "") + lower + (lower.contains("p") ? "" : "p0")
                    : digits);
                return Operand.constant(Operand.NUMBER, token.start, text, new Value().setFloat(value), false);
            }
            final BigInteger value = integer(lower);
            final BigInteger signed = negative ? value.negate() : value;
            if (signed.bitLength() > 63)
            {
                if (signed.signum() > 0 && signed.bitLength() <= 64)
                {
                    return Operand.constant(Operand.NUMBER, token.start, text, null, true);
                }
                throw cursor.error("integer overflow: " + GoQuote.quote(text));
            }
            return Operand.constant(Operand.NUMBER, token.start, text, new Value().setInt(GoTypes.INT, signed.longValue()), true);
        }
        catch (final NumberFormatException ex)
        {
            throw cursor.error("illegal number syntax: " + GoQuote.quote(text));
        }
    }

    private static BigInteger integer(final String lower)
    {
        if (lower.startsWith("0x"))
        {
            return new BigInteger(lower.substring(2), 16);
        }
        if (lower.startsWith("0o"))
        {
            return new BigInteger(lower.substring(2), 8);
        }
        if (lower.startsWith("0b"))
        {
            return new BigInteger(lower.substring(2), 2);
        }
        if (lower.length() > 1 && lower.startsWith("0"))
        {
            return new BigInteger(lower.substring(1), 8);
        }
        return new BigInteger(lower);
    }
}
