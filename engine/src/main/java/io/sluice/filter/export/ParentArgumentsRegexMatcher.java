package io.sluice.filter.export;

import io.sluice.filter.text.RegexList;
import io.sluice.policy.EventView;
import io.sluice.process.ProcessEntry;

/**
 * {@code parent_arguments_regex}: an expression matches the parent's arguments, joined as for
 * {@code arguments_regex}. Only the process tree knows them: without one it never matches.
 */
final class ParentArgumentsRegexMatcher extends LineageMatcher
{
    private final RegexList regexes;

    /**
     * @param value RE2 expressions.
     * @throws io.sluice.config.ConfigException for a bad expression.
     */
    ParentArgumentsRegexMatcher(final FieldValue value)
    {
        super(value);
        regexes = value.regexes();
    }

    @Override
    boolean inTree(final EventView event, final ProcessEntry self)
    {
        final ProcessEntry parent = self == null ? null : self.parent();
        return parent != null && regexes.any(parent.argumentsBytes(), 0, parent.argumentsLength());
    }

    /** Only the process tree knows a parent's arguments. */
    @Override
    boolean inRecord(final EventView event)
    {
        return false;
    }
}
