package io.sluice.process;

import org.agrona.collections.Int2ObjectHashMap;

import java.util.ArrayDeque;

/**
 * The live processes, keyed by host pid: seeded from {@code /proc} at start, then kept by the sensor's fork, exec
 * and exit events. Each entry links to its parent's entry, so a lineage is walked by reference: an exited process
 * leaves the pid map but stays as an ancestor while it has live descendants (a double fork does not cut a daemon off
 * its lineage, and a reused pid does not graft it onto a stranger's). Entries no one needs go back to a pool, so
 * memory stays bounded under fork storms and steady state allocates nothing. Owned by the ingest thread.
 */
public final class ProcessTree
{
    /** Deepest lineage any walk follows (a cycle in a damaged tree cannot loop forever). */
    public static final int MAX_LINEAGE_DEPTH = 256;

    private static final int MAX_POOLED = 4096;

    private final Int2ObjectHashMap<ProcessEntry> byPid = new Int2ObjectHashMap<>();
    private final ArrayDeque<ProcessEntry> pool = new ArrayDeque<>();
    private final ProcFs procFs;
    private final java.util.Set<String> containersAtStart = new java.util.HashSet<>();
    private boolean seeding;
    /**
     * The two pids looked up last and their entries (an event's process and its parent, the same for many events in a
     * row): answered without hashing. Cleared whenever the pid map changes, so they never answer what the map would not.
     */
    private int recentPid;
    private ProcessEntry recentEntry;
    private int olderPid;
    private ProcessEntry olderEntry;

    /**
     * @param procFs where to read processes from.
     */
    ProcessTree(final ProcFs procFs)
    {
        this.procFs = procFs;
    }

    /**
     * @return a tree over this machine's {@code /proc}, not yet seeded.
     */
    public static ProcessTree system()
    {
        return new ProcessTree(ProcFs.system());
    }

    /**
     * Add every process now in {@code /proc}.
     *
     * @return how many processes were added.
     */
    public int seed()
    {
        int added = 0;
        seeding = true;
        for (final int pid : procFs.pids())
        {
            final ProcessEntry entry = take();
            if (procFs.read(pid, entry))
            {
                isNewContainer(entry.containerId);
                put(entry);
                added++;
            }
            else
            {
                free(entry);
            }
        }
        seeding = false;
        for (final ProcessEntry entry : byPid.values())
        {
            if (entry.parent == null)
            {
                link(entry, byPid.get(entry.hostPpid));
            }
        }
        return added;
    }

    /**
     * @param hostPid a host pid.
     * @return its entry, or null.
     */
    public ProcessEntry get(final int hostPid)
    {
        if (recentEntry != null && recentPid == hostPid)
        {
            return recentEntry;
        }
        if (olderEntry != null && olderPid == hostPid)
        {
            final ProcessEntry entry = olderEntry;
            olderPid = recentPid;
            olderEntry = recentEntry;
            recentPid = hostPid;
            recentEntry = entry;
            return entry;
        }
        final ProcessEntry entry = byPid.get(hostPid);
        if (entry != null)
        {
            olderPid = recentPid;
            olderEntry = recentEntry;
            recentPid = hostPid;
            recentEntry = entry;
        }
        return entry;
    }

    /**
     * The entry of a process an event came from, created from what the event says when the tree missed it
     * (the process started before the sensor, or its fork was lost).
     */
    ProcessEntry getOrCreate(final int hostPid, final int nsPid, final int hostPpid, final long startNanos, final int uid,
        final byte[] comm, final int commLength)
    {
        ProcessEntry entry = get(hostPid);
        if (entry == null)
        {
            entry = take();
            if (!procFs.read(hostPid, entry))
            {
                entry.reset(hostPid, nsPid, hostPpid, startNanos, uid);
                entry.comm(comm, commLength);
            }
            entry.containerNew = isNewContainer(entry.containerId);
            entry.uniqueId = ProcessEntry.uniqueId(hostPid, startNanos);
            put(entry);
            link(entry, byPid.get(entry.hostPpid));
        }
        return entry;
    }

    /**
     * A new process: the child inherits the parent's executable, name and container.
     */
    ProcessEntry onFork(final int parentHostPid, final int childHostPid, final int childNsPid, final long childStartNanos,
        final int uid)
    {
        final ProcessEntry parent = byPid.get(parentHostPid);
        ProcessEntry child = byPid.get(childHostPid);
        if (child == null)
        {
            child = take();
            put(childHostPid, child);
        }
        unlink(child);
        child.reset(childHostPid, childNsPid, parentHostPid, childStartNanos, uid);
        if (parent != null)
        {
            child.copyIdentityFrom(parent);
        }
        link(child, parent);
        return child;
    }

    /**
     * A process replaced its image: new executable and name; its container is read again (runtimes move a
     * process into the container's cgroup between fork and exec), unless the process is already gone.
     */
    void onExec(final ProcessEntry entry, final byte[] path, final int pathLength, final byte[] comm, final int commLength)
    {
        entry.exe(path, 0, pathLength);
        entry.comm(comm, commLength);
        entry.args.clear();
        final byte[] containerId = procFs.containerIdIfReadable(entry.hostPid);
        if (containerId == null)
        {
            // gone already: it keeps the container it inherited at fork
            return;
        }
        if (containerId.length == 0 || !java.util.Arrays.equals(containerId, entry.containerId))
        {
            entry.containerId = containerId;
            entry.containerNew = isNewContainer(containerId);
        }
    }

    /**
     * A container is new when no process was in it when the tree was seeded (Tracee's {@code container=new}: started
     * after the tracer).
     */
    private boolean isNewContainer(final byte[] containerId)
    {
        if (containerId.length == 0)
        {
            return false;
        }
        final String id = new String(containerId, java.nio.charset.StandardCharsets.US_ASCII);
        if (seeding)
        {
            containersAtStart.add(id);
            return false;
        }
        return !containersAtStart.contains(id);
    }

    /**
     * The whole thread group exited: forget it.
     */
    void onExit(final int hostPid)
    {
        forgetRecent();
        final ProcessEntry entry = byPid.remove(hostPid);
        if (entry != null)
        {
            retire(entry);
        }
    }

    /**
     * The lineage test of {@code tree=} and {@code pid_set}: is the process, or any of its ancestors, one of these?
     *
     * @param hostPid the process's host pid.
     * @param entry   its entry, or null when the tree does not know it (then only its own pid is judged).
     * @param pids    host pids.
     * @return true when the process or an ancestor has one of them.
     */
    public static boolean inLineage(final int hostPid, final ProcessEntry entry, final int[] pids)
    {
        if (contains(pids, hostPid))
        {
            return true;
        }
        ProcessEntry ancestor = entry;
        for (int depth = 0; depth < MAX_LINEAGE_DEPTH && ancestor != null; depth++)
        {
            ancestor = ancestor.parent;
            if (ancestor != null && contains(pids, ancestor.hostPid))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * @param values some ints.
     * @param value  one.
     * @return true when it is among them.
     */
    public static boolean contains(final int[] values, final int value)
    {
        for (final int candidate : values)
        {
            if (candidate == value)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * @return live processes known.
     */
    public int size()
    {
        return byPid.size();
    }

    private void put(final ProcessEntry entry)
    {
        put(entry.hostPid, entry);
    }

    private void put(final int hostPid, final ProcessEntry entry)
    {
        forgetRecent();
        final ProcessEntry previous = byPid.put(hostPid, entry);
        if (previous != null && previous != entry)
        {
            retire(previous);
        }
    }

    private static void link(final ProcessEntry child, final ProcessEntry parent)
    {
        if (parent != null && parent != child)
        {
            child.parent = parent;
            parent.children++;
        }
    }

    private void unlink(final ProcessEntry child)
    {
        final ProcessEntry parent = child.parent;
        child.parent = null;
        if (parent != null)
        {
            parent.children--;
            if (parent.exited && parent.children == 0)
            {
                free(parent);
            }
        }
    }

    /** A process left the pid map: kept as an ancestor while it has live descendants, else freed. */
    private void retire(final ProcessEntry entry)
    {
        entry.exited = true;
        if (entry.children == 0)
        {
            free(entry);
        }
    }

    /** Back to the pool, and its parent too when that was kept only for it (iteratively: lineages can be deep). */
    private void free(final ProcessEntry first)
    {
        ProcessEntry entry = first;
        while (entry != null)
        {
            final ProcessEntry parent = entry.parent;
            entry.parent = null;
            entry.children = 0;
            if (pool.size() < MAX_POOLED)
            {
                pool.addFirst(entry);
            }
            entry = null;
            if (parent != null)
            {
                parent.children--;
                if (parent.exited && parent.children == 0)
                {
                    entry = parent;
                }
            }
        }
    }

    private void forgetRecent()
    {
        recentEntry = null;
        olderEntry = null;
    }

    private ProcessEntry take()
    {
        final ProcessEntry entry = pool.pollFirst();
        return entry != null ? entry : new ProcessEntry();
    }


}
