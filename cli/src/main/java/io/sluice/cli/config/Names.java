package io.sluice.cli.config;

import java.util.regex.Pattern;

/**
 * The rule for destination and stream names: non-empty, made of letters, digits, {@code _}, {@code .} and {@code -}.
 */
final class Names
{
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.-]+");

    private Names()
    {
    }

    /**
     * @param name   a destination or stream name.
     * @param source where it is written.
     * @param what   {@code destination} or {@code stream}, for the message.
     * @throws io.sluice.config.ConfigException when the name breaks the rule.
     */
    static void check(final String name, final Source source, final String what)
    {
        if (name.isEmpty())
        {
            throw source.error(name, "empty " + what + " name");
        }
        if (!VALID.matcher(name).matches())
        {
            throw source.error(name, "invalid " + what + " name (use letters, digits, '_', '.' and '-')");
        }
    }
}
