package io.sluice.policy;

import io.sluice.process.ProcessEntry;

/**
 * The scope {@code tree=PID[,PID...]}: the process is one of these or descends from one of them (through the
 * process tree); {@code tree!=} the opposite.
 */
public final class TreeCondition implements Condition
{
    private static final int MAX_DEPTH = 256;

    private final int[] roots;
    private final boolean negated;

    /**
     * @param roots   host pids of the subtrees' roots.
     * @param negated true for {@code tree!=}.
     */
    public TreeCondition(final int[] roots, final boolean negated)
    {
        this.roots = roots.clone();
        this.negated = negated;
    }

    @Override
    public boolean test(final EventView event)
    {
        if (isRoot(event.hostPid()))
        {
            return !negated;
        }
        ProcessEntry entry = event.processEntry();
        for (int depth = 0; depth < MAX_DEPTH && entry != null; depth++)
        {
            entry = entry.parent();
            if (entry != null && isRoot(entry.hostPid()))
            {
                return !negated;
            }
        }
        return negated;
    }

    private boolean isRoot(final int hostPid)
    {
        for (final int root : roots)
        {
            if (hostPid == root)
            {
                return true;
            }
        }
        return false;
    }
}
