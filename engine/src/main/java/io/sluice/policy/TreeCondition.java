package io.sluice.policy;

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
        int pid = event.hostPid();
        for (int depth = 0; depth < MAX_DEPTH && pid > 0; depth++)
        {
            for (final int root : roots)
            {
                if (pid == root)
                {
                    return !negated;
                }
            }
            final int parent = event.parentOf(pid);
            if (parent == pid)
            {
                break;
            }
            pid = parent;
        }
        return negated;
    }
}
