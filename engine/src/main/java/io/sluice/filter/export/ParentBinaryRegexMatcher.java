package io.sluice.filter.export;

import io.sluice.policy.EventView;

/** {@code parent_binary_regex}: an expression matches the parent's executable (the record's first ancestor). */
final class ParentBinaryRegexMatcher extends RegexMatcher
{
    /**
     * @param value RE2 expressions.
     * @throws io.sluice.config.ConfigException for a bad expression.
     */
    ParentBinaryRegexMatcher(final FieldValue value)
    {
        super(value);
    }

    @Override
    public boolean matches(final EventView event)
    {
        return event.ancestorCount() != 0 && regexes.any(event.ancestorExe(0), 0, event.ancestorExeLength(0));
    }
}
