package io.sluice.process;

import io.sluice.codec.catalog.ArgDefinition;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.codec.sbe.ValueType;
import org.agrona.DirectBuffer;

/**
 * Keeps the process tree current from the sensor's fork, exec and exit records: a forked process is added, an exec
 * gives its process a new image (and its arguments when the sensor sent them), and a process group's exit removes the
 * process when the next record comes, so that the filters judging the exit still see its lineage. Owned by the ingest
 * thread, beside the {@link KernelEventEnricher} that reads each record once and hands it the arguments.
 */
final class ProcessLifecycle
{
    private static final int FORK = 1014;
    private static final int EXEC = 1015;
    private static final int EXIT = 1016;

    private final ProcessTree tree;
    private final int forkChildTid;
    private final int forkChildPid;
    private final int forkChildNsPid;
    private final int forkStartTime;
    private final int execPathname;
    private final int execArgv;
    private final int exitGroupExit;
    private byte[] path = new byte[ProcessEntry.MAX_PATH];
    private byte[] argv = new byte[1024];
    /** The process whose group exit the last record was, forgotten at the next record; 0 for none. */
    private int exitedPid;

    ProcessLifecycle(final EventCatalog catalog, final ProcessTree tree)
    {
        this.tree = tree;
        final EventDefinition fork = catalog.byId(FORK);
        forkChildTid = index(fork, "child_tid");
        forkChildPid = index(fork, "child_pid");
        forkChildNsPid = index(fork, "child_ns_pid");
        forkStartTime = index(fork, "start_time");
        execPathname = index(catalog.byId(EXEC), "pathname");
        execArgv = index(catalog.byId(EXEC), "argv");
        exitGroupExit = index(catalog.byId(EXIT), "process_group_exit");
    }

    /** Before a record: the process whose group exit the last record was leaves the tree (its event is judged). */
    void beforeRecord()
    {
        if (exitedPid != 0)
        {
            tree.onExit(exitedPid);
            exitedPid = 0;
        }
    }

    /**
     * The record's effect on the tree, once its process is in it.
     *
     * @param eventId    the record's event.
     * @param buffer     where the record is.
     * @param args       its arguments, read.
     * @param process    its process's entry.
     * @param hostPid    its process's host pid.
     * @param uid        its real user id.
     * @param comm       its thread's command name.
     * @param commLength the name's length.
     */
    void onRecord(final int eventId, final DirectBuffer buffer, final KernelArgs args, final ProcessEntry process,
        final int hostPid, final int uid, final byte[] comm, final int commLength)
    {
        if (eventId == EXEC)
        {
            onExec(buffer, args, process, comm, commLength);
        }
        else if (eventId == FORK)
        {
            onFork(args, hostPid, uid);
        }
        else if (eventId == EXIT && intArg(args, exitGroupExit) != 0)
        {
            // kept until the next record, so the filters judging this exit still see the process's lineage
            exitedPid = hostPid;
        }
    }

    private void onExec(final DirectBuffer buffer, final KernelArgs args, final ProcessEntry process, final byte[] comm,
        final int commLength)
    {
        if (execPathname >= args.count() || args.type(execPathname) != ValueType.STR.value())
        {
            return;
        }
        final int pathLength = args.valueLength(execPathname);
        if (path.length < pathLength)
        {
            path = new byte[pathLength];
        }
        buffer.getBytes(args.valueOffset(execPathname), path, 0, pathLength);
        tree.onExec(process, path, pathLength, comm, commLength);
        if (execArgv < args.count() && args.type(execArgv) == ValueType.STR_ARRAY.value())
        {
            final int argvLength = args.valueLength(execArgv);
            if (argv.length < argvLength)
            {
                argv = new byte[argvLength];
            }
            buffer.getBytes(args.valueOffset(execArgv), argv, 0, argvLength);
            process.arguments(argv, argvLength);
        }
    }

    /** A fork of a new process (not a thread: its child's tid is its pid). */
    private void onFork(final KernelArgs args, final int hostPid, final int uid)
    {
        final int childTid = (int)intArg(args, forkChildTid);
        final int childPid = (int)intArg(args, forkChildPid);
        if (childPid != 0 && childTid == childPid)
        {
            tree.onFork(hostPid, childPid, (int)intArg(args, forkChildNsPid), intArg(args, forkStartTime), uid);
        }
    }

    private static long intArg(final KernelArgs args, final int index)
    {
        return index < args.count() ? args.intValue(index) : 0;
    }

    private static int index(final EventDefinition definition, final String argName)
    {
        int i = 0;
        for (final ArgDefinition arg : definition.args())
        {
            if (arg.name().equals(argName))
            {
                return i;
            }
            i++;
        }
        throw new IllegalStateException("events.yaml: " + definition.name() + " has no argument " + argName);
    }
}
