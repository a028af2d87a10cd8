package io.sluice.filter.export;

import io.sluice.policy.EventView;

/** {@code pod_regex}: an expression matches the pod's name; never a host process (no pod). */
final class PodRegexMatcher extends RegexMatcher
{
    /**
     * @param value RE2 expressions.
     * @throws io.sluice.config.ConfigException for a bad expression.
     */
    PodRegexMatcher(final FieldValue value)
    {
        super(value);
    }

    @Override
    public boolean matches(final EventView event)
    {
        return event.podNameLength() != 0 && regexes.any(event.podName(), 0, event.podNameLength());
    }
}
