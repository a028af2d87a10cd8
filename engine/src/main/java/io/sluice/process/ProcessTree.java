package io.sluice.process;

import org.agrona.collections.Int2ObjectHashMap;

import java.util.ArrayDeque;

/**
 * The live processes, keyed by host pid: seeded from {@code /proc} at start, then kept by the sensor's fork, exec
 * and exit events. Entries of exited processes go back to a pool, so memory stays bounded under fork storms and
 * steady state allocates nothing. Owned by the ingest thread.
 */
public final class ProcessTree
{
    private static final int MAX_POOLED = 4096;

    private final Int2ObjectHashMap<ProcessEntry> byPid = new Int2ObjectHashMap<>();
    private final ArrayDeque<ProcessEntry> pool = new ArrayDeque<>();
    private final ProcFs procFs;
    private final java.util.Set<String> containersAtStart = new java.util.HashSet<>();
    private boolean seeding;

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
                release(entry);
            }
        }
        seeding = false;
        return added;
    }

    /**
     * @param hostPid a host pid.
     * @return its entry, or null.
     */
    public ProcessEntry get(final int hostPid)
    {
        return byPid.get(hostPid);
    }

    /**
     * The entry of a process an event came from, created from what the event says when the tree missed it
     * (the process started before the sensor, or its fork was lost).
     */
    ProcessEntry getOrCreate(final int hostPid, final int nsPid, final int hostPpid, final long startNanos, final int uid,
        final byte[] comm, final int commLength)
    {
        ProcessEntry entry = byPid.get(hostPid);
        if (entry == null)
        {
            entry = take();
            if (!procFs.read(hostPid, entry))
            {
                entry.reset(hostPid, nsPid, hostPpid, startNanos, uid);
                entry.comm(comm, commLength);
            }
            entry.containerNew = isNewContainer(entry.containerId);
            entry.startNanos = startNanos;
            entry.uniqueId = ProcessEntry.uniqueId(hostPid, startNanos);
            put(entry);
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
        child.reset(childHostPid, childNsPid, parentHostPid, childStartNanos, uid);
        if (parent != null)
        {
            child.copyIdentityFrom(parent);
        }
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
        entry.argsLength = 0;
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
        final ProcessEntry entry = byPid.remove(hostPid);
        if (entry != null)
        {
            release(entry);
        }
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
        final ProcessEntry previous = byPid.put(hostPid, entry);
        if (previous != null && previous != entry)
        {
            release(previous);
        }
    }

    private ProcessEntry take()
    {
        final ProcessEntry entry = pool.pollFirst();
        return entry != null ? entry : new ProcessEntry();
    }

    private void release(final ProcessEntry entry)
    {
        if (pool.size() < MAX_POOLED)
        {
            pool.addFirst(entry);
        }
    }
}
