package io.sluice.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * A filter as written, split into key, operator and comma-separated values: {@code uid>=1000},
 * {@code data.pathname=/etc/*}, {@code comm=bash,zsh}, or a bare key such as {@code follow}.
 *
 * @param key      the key ({@code comm}, {@code data.pathname}, {@code retval}).
 * @param operator the operator, or null for a bare key.
 * @param values   the values (empty for a bare key).
 * @param text     the expression as written.
 */
public record Expression(String key, Operator operator, List<String> values, String text)
{
    /**
     * @param text the expression.
     * @return it, split.
     * @throws IllegalArgumentException when the key or a value is missing.
     */
    public static Expression parse(final String text)
    {
        final String trimmed = text.trim();
        int at = -1;
        for (int i = 0; i < trimmed.length(); i++)
        {
            final char c = trimmed.charAt(i);
            if (c == '=' || c == '<' || c == '>' || (c == '!' && i + 1 < trimmed.length() && trimmed.charAt(i + 1) == '='))
            {
                at = i;
                break;
            }
        }
        if (at < 0)
        {
            return new Expression(trimmed, null, List.of(), trimmed);
        }
        final String key = trimmed.substring(0, at).trim();
        final Operator operator;
        final char c = trimmed.charAt(at);
        final boolean equalsNext = at + 1 < trimmed.length() && trimmed.charAt(at + 1) == '=';
        if (c == '!')
        {
            operator = Operator.NE;
        }
        else if (c == '<')
        {
            operator = equalsNext ? Operator.LE : Operator.LT;
        }
        else if (c == '>')
        {
            operator = equalsNext ? Operator.GE : Operator.GT;
        }
        else
        {
            operator = Operator.EQ;
        }
        final int valueAt = at + operator.symbol().length();
        if (key.isEmpty())
        {
            throw new IllegalArgumentException("no key before '" + operator.symbol() + "'");
        }
        final List<String> values = new ArrayList<>();
        for (final String value : trimmed.substring(valueAt).split(",", -1))
        {
            if (value.trim().isEmpty())
            {
                throw new IllegalArgumentException("empty value");
            }
            values.add(value.trim());
        }
        return new Expression(key, operator, List.copyOf(values), trimmed);
    }
}
