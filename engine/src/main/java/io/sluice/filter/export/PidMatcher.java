package io.sluice.filter.export;

import io.sluice.policy.EventView;
import io.sluice.process.ProcessTree;

/** {@code pid}: the process's host pid is one of these (its ancestors' are {@code pid_set}'s business). */
final class PidMatcher implements ExportMatcher
{
    private final int[] pids;

    /**
     * @param value the pids.
     * @throws io.sluice.config.ConfigException for a value that is not a pid.
     */
    PidMatcher(final FieldValue value)
    {
        pids = value.pids();
    }

    @Override
    public boolean matches(final EventView event)
    {
        return ProcessTree.contains(pids, event.hostPid());
    }
}
