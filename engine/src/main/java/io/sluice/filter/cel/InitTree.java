package io.sluice.filter.cel;

import io.sluice.policy.EventView;
import io.sluice.process.ProcessEntry;

/**
 * Tetragon's {@code in_init_tree}: the process is its container's init process or a descendant of it (not, for
 * example, a shell {@code kubectl exec} started beside it). Sluice knows no container's init by name, so it reads it
 * from pids: in a container, the init is pid 1 of the container's pid namespace; walking up from the process (its own
 * pid first, then its parents in the process tree, or else the ancestors its event carries) the process is in the init
 * tree when it reaches a process whose namespace pid is 1 before one whose namespace pid is its host pid (a process of
 * the host's pid namespace: the container runtime that started an exec'd process). A process outside containers, or
 * whose ancestry is unknown, is not in an init tree (Tetragon: false when unknown). Allocates nothing.
 */
public final class InitTree
{
    private static final int MAX_DEPTH = 64;

    private InitTree()
    {
    }

    /**
     * @param event a decoded event.
     * @return true when its process is in its container's init tree.
     */
    public static boolean contains(final EventView event)
    {
        if (event.containerIdLength() == 0)
        {
            return false;
        }
        final int verdict = verdict(event.pid(), event.hostPid());
        if (verdict >= 0)
        {
            return verdict == 1;
        }
        final ProcessEntry own = event.processEntry();
        if (own != null)
        {
            ProcessEntry entry = own.parent();
            for (int depth = 0; entry != null && depth < MAX_DEPTH; depth++)
            {
                final int step = verdict(entry.nsPid(), entry.hostPid());
                if (step >= 0)
                {
                    return step == 1;
                }
                entry = entry.parent();
            }
            return false;
        }
        for (int i = 0; i < event.ancestorCount(); i++)
        {
            final int step = verdict(event.ancestorNsPid(i), event.ancestorPid(i));
            if (step >= 0)
            {
                return step == 1;
            }
        }
        return false;
    }

    /** @return 1: the container's init; 0: a host process (left the container); -1: go on up. */
    private static int verdict(final int nsPid, final int hostPid)
    {
        if (nsPid == 1 && hostPid != 1)
        {
            return 1;
        }
        return nsPid == hostPid ? 0 : -1;
    }
}
