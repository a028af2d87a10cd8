package io.sluice.filter.label;

import java.util.ArrayList;
import java.util.List;

/**
 * apimachinery's rules for label keys and values ({@code validation.IsQualifiedName} and {@code IsValidLabelValue}),
 * with its wording of what is wrong.
 */
final class LabelNames
{
    private static final int NAME_MAX_LENGTH = 63;
    private static final int PREFIX_MAX_LENGTH = 253;
    private static final int VALUE_MAX_LENGTH = 63;

    private LabelNames()
    {
    }

    /** @return what is wrong with a label key (an optional DNS subdomain prefix and '/', then a name); empty if valid. */
    static List<String> keyProblems(final String key)
    {
        final List<String> problems = new ArrayList<>();
        final int slash = key.indexOf('/');
        if (slash >= 0 && key.indexOf('/', slash + 1) >= 0)
        {
            problems.add("must be a name with an optional DNS subdomain prefix and one '/' (e.g. 'example.com/MyName')");
            return problems;
        }
        if (slash >= 0)
        {
            prefixProblems(key.substring(0, slash), problems);
        }
        final String name = slash >= 0 ? key.substring(slash + 1) : key;
        if (name.isEmpty())
        {
            problems.add("name part must be non-empty");
            return problems;
        }
        if (name.length() > NAME_MAX_LENGTH)
        {
            problems.add("name part must be no more than " + NAME_MAX_LENGTH + " characters");
        }
        if (!isQualifiedName(name))
        {
            problems.add("name part must consist of alphanumeric characters, '-', '_' or '.', " +
                "and must start and end with an alphanumeric character");
        }
        return problems;
    }

    private static void prefixProblems(final String prefix, final List<String> problems)
    {
        if (prefix.isEmpty())
        {
            problems.add("prefix part must be non-empty");
            return;
        }
        if (prefix.length() > PREFIX_MAX_LENGTH)
        {
            problems.add("prefix part must be no more than " + PREFIX_MAX_LENGTH + " characters");
        }
        if (!isDnsSubdomain(prefix))
        {
            problems.add("prefix part must be a lowercase RFC 1123 subdomain: lower case alphanumeric characters, " +
                "'-' or '.', each part starting and ending with an alphanumeric character");
        }
    }

    /** @return null for a valid label value (the empty one included), else what is wrong. */
    static String valueProblem(final String value)
    {
        final List<String> problems = new ArrayList<>();
        if (value.length() > VALUE_MAX_LENGTH)
        {
            problems.add("must be no more than " + VALUE_MAX_LENGTH + " characters");
        }
        if (!value.isEmpty() && !isQualifiedName(value))
        {
            problems.add("must be empty or consist of alphanumeric characters, '-', '_' or '.', " +
                "and must start and end with an alphanumeric character");
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /** {@code ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]} */
    private static boolean isQualifiedName(final String name)
    {
        if (name.isEmpty() || !isAlphanumeric(name.charAt(0)) || !isAlphanumeric(name.charAt(name.length() - 1)))
        {
            return false;
        }
        for (int i = 1; i < name.length() - 1; i++)
        {
            final char c = name.charAt(i);
            if (!isAlphanumeric(c) && c != '-' && c != '_' && c != '.')
            {
                return false;
            }
        }
        return true;
    }

    /** {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*} */
    private static boolean isDnsSubdomain(final String prefix)
    {
        int start = 0;
        while (true)
        {
            int end = prefix.indexOf('.', start);
            if (end < 0)
            {
                end = prefix.length();
            }
            if (end == start || !isLowerAlphanumeric(prefix.charAt(start)) || !isLowerAlphanumeric(prefix.charAt(end - 1)))
            {
                return false;
            }
            for (int i = start + 1; i < end - 1; i++)
            {
                if (!isLowerAlphanumeric(prefix.charAt(i)) && prefix.charAt(i) != '-')
                {
                    return false;
                }
            }
            if (end == prefix.length())
            {
                return true;
            }
            start = end + 1;
        }
    }

    private static boolean isAlphanumeric(final char c)
    {
        return c >= 'A' && c <= 'Z' || isLowerAlphanumeric(c);
    }

    private static boolean isLowerAlphanumeric(final char c)
    {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
