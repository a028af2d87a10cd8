package io.sluice.policy;

/**
 * A filter operator of Tracee's grammar: {@code = != < > <= >=}.
 */
public enum Operator
{
    /** Any value equals. */
    EQ("="),
    /** No value equals. */
    NE("!="),
    /** Less than. */
    LT("<"),
    /** Greater than. */
    GT(">"),
    /** Less or equal. */
    LE("<="),
    /** Greater or equal. */
    GE(">=");

    private final String symbol;

    Operator(final String symbol)
    {
        this.symbol = symbol;
    }

    /** @return the operator as written. */
    public String symbol()
    {
        return symbol;
    }

    /**
     * @param actual the event's value.
     * @param values the filter's values (one for the ordering operators).
     * @return true when the value passes.
     */
    public boolean test(final long actual, final long[] values)
    {
        switch (this)
        {
            case EQ:
                for (final long value : values)
                {
                    if (actual == value)
                    {
                        return true;
                    }
                }
                return false;
            case NE:
                for (final long value : values)
                {
                    if (actual == value)
                    {
                        return false;
                    }
                }
                return true;
            case LT:
                return actual < values[0];
            case GT:
                return actual > values[0];
            case LE:
                return actual <= values[0];
            default:
                return actual >= values[0];
        }
    }

    /**
     * @param actual the event's value, an unsigned 64-bit number.
     * @param values the filter's values, unsigned.
     * @return true when the value passes, ordering compared unsigned.
     */
    public boolean testUnsigned(final long actual, final long[] values)
    {
        if (this == EQ || this == NE)
        {
            return test(actual, values);
        }
        final int order = Long.compareUnsigned(actual, values[0]);
        switch (this)
        {
            case LT:
                return order < 0;
            case GT:
                return order > 0;
            case LE:
                return order <= 0;
            default:
                return order >= 0;
        }
    }
}
