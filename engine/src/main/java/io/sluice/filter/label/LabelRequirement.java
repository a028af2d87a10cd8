package io.sluice.filter.label;

/**
 * One requirement of a label selector: a key, an operator and its values (sorted, without duplicates), checked when
 * parsed. Matching does not allocate.
 */
final class LabelRequirement
{
    /** What {@link #compareInteger} returns for text that is not an integer. */
    static final int NOT_AN_INTEGER = Integer.MIN_VALUE;
    static final String[] NO_VALUES = new String[0];

    private final String key;
    private final LabelOperator operator;
    private final String[] values;
    private final long bound;

    LabelRequirement(final String key, final LabelOperator operator, final String[] values, final long bound)
    {
        this.key = key;
        this.operator = operator;
        this.values = values;
        this.bound = bound;
    }

    String key()
    {
        return key;
    }

    /** @param value the label's value, null when absent. */
    boolean matches(final CharSequence value)
    {
        return switch (operator)
        {
            case EXISTS -> value != null;
            case DOES_NOT_EXIST -> value == null;
            case EQUALS, DOUBLE_EQUALS, IN -> value != null && hasValue(value);
            case NOT_EQUALS, NOT_IN -> value == null || !hasValue(value);
            case GREATER_THAN -> value != null && compareInteger(value, bound) > 0;
            case LESS_THAN ->
            {
                final int comparison = value == null ? NOT_AN_INTEGER : compareInteger(value, bound);
                yield comparison != NOT_AN_INTEGER && comparison < 0;
            }
        };
    }

    private boolean hasValue(final CharSequence value)
    {
        for (final String candidate : values)
        {
            if (candidate.contentEquals(value))
            {
                return true;
            }
        }
        return false;
    }

    /** Appends the requirement in apimachinery's canonical form. */
    void appendTo(final StringBuilder text)
    {
        if (operator == LabelOperator.DOES_NOT_EXIST)
        {
            text.append('!');
        }
        text.append(key).append(operator.text());
        if (operator.takesSet())
        {
            text.append('(').append(String.join(",", values)).append(')');
        }
        else if (values.length == 1)
        {
            text.append(values[0]);
        }
    }

    /**
     * @param text  text, for instance a label's value.
     * @param bound the requirement's integer.
     * @return {@link Long#compare} of the text's value with the bound, or {@link #NOT_AN_INTEGER} when the text is not
     *         what Go's {@code strconv.ParseInt(text, 10, 64)} accepts (an optional sign, ASCII digits, 64 bits).
     */
    static int compareInteger(final CharSequence text, final long bound)
    {
        final int length = text.length();
        int i = 0;
        boolean negative = false;
        if (length > 0 && (text.charAt(0) == '+' || text.charAt(0) == '-'))
        {
            negative = text.charAt(0) == '-';
            i = 1;
        }
        if (i == length)
        {
            return NOT_AN_INTEGER;
        }
        // accumulated negatively, as Long.parseLong does, so that Long.MIN_VALUE fits
        final long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        final long lastBeforeOverflow = limit / 10;
        long value = 0;
        for (; i < length; i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return NOT_AN_INTEGER;
            }
            final int digit = c - '0';
            if (value < lastBeforeOverflow)
            {
                return NOT_AN_INTEGER;
            }
            value *= 10;
            if (value < limit + digit)
            {
                return NOT_AN_INTEGER;
            }
            value -= digit;
        }
        return Long.compare(negative ? value : -value, bound);
    }
}
