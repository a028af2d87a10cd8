package io.sluice.policy;

import io.sluice.config.ConfigException;

/**
 * The values of one written filter, checked and converted once at start-up: text patterns for string keys,
 * integers for numeric keys, and the operators each accepts. Every refusal names the file, the field and the value.
 */
final class FilterValues
{
    private FilterValues()
    {
    }

    static Operator textOperator(final String origin, final String field, final Expression expression)
    {
        if (expression.operator() != Operator.EQ && expression.operator() != Operator.NE)
        {
            throw new ConfigException(origin, field, expression.text(), "'" + expression.key() + "' takes = or != only");
        }
        return expression.operator();
    }

    static boolean negated(final String origin, final String field, final Expression expression)
    {
        return textOperator(origin, field, expression) == Operator.NE;
    }

    static TextPattern[] patterns(final String origin, final String field, final Expression expression)
    {
        textOperator(origin, field, expression);
        final TextPattern[] patterns = new TextPattern[expression.values().size()];
        for (int i = 0; i < patterns.length; i++)
        {
            try
            {
                patterns[i] = TextPattern.compile(expression.values().get(i));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new ConfigException(origin, field, expression.text(), ex.getMessage());
            }
        }
        return patterns;
    }

    static long[] numbers(final String origin, final String field, final Expression expression)
    {
        if (expression.operator() == null)
        {
            throw new ConfigException(origin, field, expression.text(), "'" + expression.key() + "' needs an operator and a value");
        }
        if (expression.operator() != Operator.EQ && expression.operator() != Operator.NE && expression.values().size() != 1)
        {
            throw new ConfigException(origin, field, expression.text(), "'" + expression.operator().symbol() + "' takes one value");
        }
        final long[] values = new long[expression.values().size()];
        for (int i = 0; i < values.length; i++)
        {
            final String value = expression.values().get(i);
            try
            {
                values[i] = value.equalsIgnoreCase("true") ? 1 : value.equalsIgnoreCase("false") ? 0 : decode(value);
            }
            catch (final NumberFormatException ex)
            {
                throw new ConfigException(origin, field, expression.text(), "'" + value + "' is not an integer");
            }
        }
        return values;
    }

    /** Decimal or hexadecimal; unsigned 64-bit values (cgroup ids) above {@code Long.MAX_VALUE} are kept as their bits. */
    private static long decode(final String value)
    {
        try
        {
            return Long.decode(value);
        }
        catch (final NumberFormatException ex)
        {
            if (value.startsWith("0x") || value.startsWith("0X"))
            {
                return Long.parseUnsignedLong(value.substring(2), 16);
            }
            if (!value.isEmpty() && Character.isDigit(value.charAt(0)))
            {
                return Long.parseUnsignedLong(value);
            }
            throw ex;
        }
    }

    /** Tracee's {@code mntns} and {@code pidns} scopes take {@code =} and {@code !=} only. */
    static void noOrdering(final String origin, final String field, final Expression expression)
    {
        if (expression.operator() != null && expression.operator() != Operator.EQ && expression.operator() != Operator.NE)
        {
            throw new ConfigException(origin, field, expression.text(), "'" + expression.key() + "' takes = or != only (as in Tracee)");
        }
    }
}
