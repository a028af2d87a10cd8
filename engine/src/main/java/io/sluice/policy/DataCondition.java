package io.sluice.policy;

import io.sluice.codec.sbe.ValueType;

import java.nio.charset.StandardCharsets;

/**
 * A rule filter on an event argument: {@code data.pathname=/etc/*} (strings: {@code =}/{@code !=} with wildcards)
 * or {@code data.flags>0} (integers: every operator). An event without the argument does not pass.
 */
public final class DataCondition implements Condition
{
    private final byte[] name;
    private final Operator operator;
    private final TextPattern[] patterns;
    private final long[] numbers;

    private DataCondition(final String name, final Operator operator, final TextPattern[] patterns, final long[] numbers)
    {
        this.name = name.getBytes(StandardCharsets.UTF_8);
        this.operator = operator;
        this.patterns = patterns;
        this.numbers = numbers;
    }

    /**
     * @param name     the argument's name.
     * @param negated  true for {@code !=}.
     * @param patterns the values.
     * @return a string filter.
     */
    public static DataCondition text(final String name, final boolean negated, final TextPattern[] patterns)
    {
        return new DataCondition(name, negated ? Operator.NE : Operator.EQ, patterns.clone(), null);
    }

    /**
     * @param name     the argument's name.
     * @param operator the operator.
     * @param values   the values.
     * @return an integer filter.
     */
    public static DataCondition number(final String name, final Operator operator, final long[] values)
    {
        return new DataCondition(name, operator, null, values.clone());
    }

    @Override
    public boolean test(final EventView event)
    {
        final int i = event.dataIndex(name);
        if (i < 0)
        {
            return false;
        }
        if (numbers != null)
        {
            return operator.test(event.dataInt(i), numbers);
        }
        if (event.dataType(i) != ValueType.STR)
        {
            return false;
        }
        final byte[] value = event.dataValue(i);
        final int length = event.dataValueLength(i);
        for (final TextPattern pattern : patterns)
        {
            if (pattern.matches(value, length))
            {
                return operator == Operator.EQ;
            }
        }
        return operator == Operator.NE;
    }
}
