package io.sluice.filter.export;

import io.sluice.policy.EventView;

/** {@code container_id}: an expression matches the container's id. */
final class ContainerIdMatcher extends RegexMatcher
{
    /**
     * @param value RE2 expressions.
     * @throws io.sluice.config.ConfigException for a bad expression.
     */
    ContainerIdMatcher(final FieldValue value)
    {
        super(value);
    }

    @Override
    public boolean matches(final EventView event)
    {
        return regexes.any(event.containerId(), 0, event.containerIdLength());
    }
}
