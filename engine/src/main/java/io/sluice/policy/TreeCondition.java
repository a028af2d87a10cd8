package io.sluice.policy;

import io.sluice.process.ProcessTree;

/**
 * The scope {@code tree=PID[,PID...]}: the process is one of these or descends from one of them (through the
 * process tree); {@code tree!=} the opposite.
 */
public final class TreeCondition implements Condition
{

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
        return ProcessTree.inLineage(event.hostPid(), event.processEntry(), roots) != negated;
    }
}
