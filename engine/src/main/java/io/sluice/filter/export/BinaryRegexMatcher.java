package io.sluice.filter.export;

import io.sluice.policy.EventView;

/** {@code binary_regex}: an expression matches the process's executable path. */
final class BinaryRegexMatcher extends RegexMatcher
{
    /**
     * @param value RE2 expressions.
     * @throws io.sluice.config.ConfigException for a bad expression.
     */
    BinaryRegexMatcher(final FieldValue value)
    {
        super(value);
    }

    @Override
    public boolean matches(final EventView event)
    {
        return regexes.any(event.executable(), 0, event.executableLength());
    }
}
