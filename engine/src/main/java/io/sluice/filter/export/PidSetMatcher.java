package io.sluice.filter.export;

import io.sluice.policy.EventView;
import io.sluice.process.ProcessEntry;
import io.sluice.process.ProcessTree;

/**
 * {@code pid_set}: the process or any of its ancestors has one of these pids (the whole lineage, from the process
 * tree; without one, the record's own pid and ancestors).
 */
final class PidSetMatcher extends LineageMatcher
{
    private final int[] pids;

    /**
     * @param value the pids.
     * @throws io.sluice.config.ConfigException for a value that is not a pid.
     */
    PidSetMatcher(final FieldValue value)
    {
        super(value);
        pids = value.pids();
    }

    @Override
    boolean inTree(final EventView event, final ProcessEntry self)
    {
        return ProcessTree.inLineage(event.hostPid(), self, pids);
    }

    @Override
    boolean inRecord(final EventView event)
    {
        if (ProcessTree.contains(pids, event.hostPid()))
        {
            return true;
        }
        for (int i = 0; i < event.ancestorCount(); i++)
        {
            if (ProcessTree.contains(pids, event.ancestorPid(i)))
            {
                return true;
            }
        }
        return false;
    }
}
