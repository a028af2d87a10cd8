package io.sluice.filter.export;

import io.sluice.policy.EventView;

/** {@code container_name_regex}: an expression matches the container's name. */
final class ContainerNameRegexMatcher extends RegexMatcher
{
    /**
     * @param value RE2 expressions.
     * @throws io.sluice.config.ConfigException for a bad expression.
     */
    ContainerNameRegexMatcher(final FieldValue value)
    {
        super(value);
    }

    @Override
    public boolean matches(final EventView event)
    {
        return regexes.any(event.containerName(), 0, event.containerNameLength());
    }
}
