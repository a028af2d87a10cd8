package io.sluice.filter.export;

import io.sluice.filter.route.PolicyFilter;
import io.sluice.policy.EventView;

/**
 * {@code policy_names}: the event matched one of these policies (an empty list: none can match). A name no loaded policy
 * has is accepted with a warning and matches nothing, as Tetragon accepts it.
 */
final class PolicyNamesMatcher implements ExportMatcher
{
    private final long mask;

    /**
     * @param value the policy names.
     */
    PolicyNamesMatcher(final FieldValue value)
    {
        final String[] policyNames = value.policyNames();
        long bits = 0;
        for (final String name : value.strings())
        {
            final int bit = PolicyFilter.bitOf(policyNames, name);
            if (bit < 0)
            {
                value.warn("'" + name + "' is not a loaded policy: it matches no event");
                continue;
            }
            bits |= 1L << bit;
        }
        mask = bits;
    }

    @Override
    public boolean matches(final EventView event)
    {
        // all 64 policies named gives the mask -1, which stood for "not given" before this field had a class: kept
        return mask == -1 || (event.policiesMatched() & mask) != 0;
    }
}
