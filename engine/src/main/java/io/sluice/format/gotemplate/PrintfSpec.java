package io.sluice.format.gotemplate;

import org.agrona.DirectBuffer;

/**
 * One {@code %} directive of a format being read: its flags, width, precision and argument index, reused for every
 * directive.
 */
final class PrintfSpec
{
    boolean minus;
    boolean plus;
    boolean sharp;
    boolean space;
    boolean zero;
    boolean hasWidth;
    int width;
    int precision = -1;
    boolean badWidth;
    boolean badPrecision;
    boolean indexed;
    boolean goodArgNum = true;
    int argNum;

    void clear()
    {
        minus = false;
        plus = false;
        sharp = false;
        space = false;
        zero = false;
        hasWidth = false;
        width = 0;
        precision = -1;
        badWidth = false;
        badPrecision = false;
        indexed = false;
        goodArgNum = true;
    }

    int flags(final DirectBuffer format, final int from, final int end)
    {
        int at = from;
        while (at < end)
        {
            switch (format.getByte(at))
            {
                case '#' -> sharp = true;
                case '0' -> zero = !minus;
                case '+' -> plus = true;
                case '-' ->
                {
                    minus = true;
                    zero = false;
                }
                case ' ' -> space = true;
                default ->
                {
                    return at;
                }
            }
            at++;
        }
        return at;
    }

    int width(final DirectBuffer format, final int from, final int end)
    {
        int at = from;
        while (at < end && format.getByte(at) >= '0' && format.getByte(at) <= '9')
        {
            width = Math.min(width * 10 + format.getByte(at) - '0', 1_000_000);
            hasWidth = true;
            at++;
        }
        return at;
    }

    int precision(final DirectBuffer format, final int from, final int end)
    {
        int at = from;
        precision = 0;
        while (at < end && format.getByte(at) >= '0' && format.getByte(at) <= '9')
        {
            precision = Math.min(precision * 10 + format.getByte(at) - '0', 1_000_000);
            at++;
        }
        return at;
    }

    /**
     * Reads an explicit argument index {@code [n]} if there is one.
     */
    int argIndex(final DirectBuffer format, final int from, final int end, final int current, final int count)
    {
        indexed = false;
        if (from >= end || format.getByte(from) != '[')
        {
            argNum = current;
            return from;
        }
        indexed = true;
        int at = from + 1;
        int n = 0;
        boolean digits = false;
        while (at < end && format.getByte(at) >= '0' && format.getByte(at) <= '9')
        {
            n = Math.min(n * 10 + format.getByte(at) - '0', 1_000_000);
            digits = true;
            at++;
        }
        if (at >= end || format.getByte(at) != ']' || !digits || n < 1 || n > count)
        {
            goodArgNum = false;
            argNum = current;
            while (at < end && format.getByte(at) != ']')
            {
                at++;
            }
            return Math.min(at + 1, end);
        }
        argNum = n - 1;
        return at + 1;
    }
}
