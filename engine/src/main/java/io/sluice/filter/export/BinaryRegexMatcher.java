package io.sluice.filter.export;

import io.sluice.filter.text.RegexList;
import io.sluice.policy.EventView;

/** {@code binary_regex}: an expression matches the process's executable path. */
final class BinaryRegexMatcher implements ExportMatcher
{
    private final RegexList regexes;

    /**
     * @param value RE2 expressions.
     * @throws io.sluice.config.ConfigException for a bad expression.
     */
    BinaryRegexMatcher(final FieldValue value)
    {
        regexes = value.regexes();
    }

    @Override
    public boolean matches(final EventView event)
    {
        return regexes.any(event.executable(), 0, event.executableLength());
    }
}
