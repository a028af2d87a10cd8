package io.sluice.filter.export;

import io.sluice.policy.EventView;

/** {@code namespace_regex}: an expression matches the pod's namespace; never a host process (no pod), as in Tetragon. */
final class NamespaceRegexMatcher extends RegexMatcher
{
    /**
     * @param value RE2 expressions.
     * @throws io.sluice.config.ConfigException for a bad expression.
     */
    NamespaceRegexMatcher(final FieldValue value)
    {
        super(value);
    }

    @Override
    public boolean matches(final EventView event)
    {
        return event.podNamespaceLength() != 0 && regexes.any(event.podNamespace(), 0, event.podNamespaceLength());
    }
}
