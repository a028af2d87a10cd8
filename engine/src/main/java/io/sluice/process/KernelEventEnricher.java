package io.sluice.process;

import io.sluice.codec.catalog.ArgDefinition;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.codec.sbe.EventRecordWriter;
import io.sluice.codec.sbe.EventVarData;
import io.sluice.codec.sbe.FilterOnlyFields;
import io.sluice.codec.sbe.KernelEventDecoder;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.codec.sbe.UserStackBlob;
import io.sluice.codec.sbe.ValueType;
import io.sluice.process.packet.PacketArguments;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns the sensor's raw {@code KernelEvent} into an enriched {@code Event} record: keeps the process tree current
 * from fork, exec and exit, then adds what the kernel record lacks (executable path, unique ids, the parent as the
 * first ancestor, container id) and names the arguments from the catalog; the user stack addresses the sensor
 * captured (output option {@code stack-addresses}) become {@code thread.user_stack_trace}. Owned by the ingest thread;
 * nothing is allocated per event for processes the tree knows.
 */
public final class KernelEventEnricher
{
    /** Name of the data field carrying a syscall's return value (Tracee's name). */
    public static final String RETURN_VALUE = "returnValue";

    private static final int FORK = 1014;
    private static final int EXEC = 1015;
    private static final int EXIT = 1016;
    private static final byte[] EMPTY = new byte[0];
    private static final byte[] RETURN_VALUE_BYTES = RETURN_VALUE.getBytes(StandardCharsets.UTF_8);

    private final ProcessTree tree;
    private final byte[][][] argNames;
    private final boolean[] isSyscall;
    private final byte[][] eventNames;
    private final byte[][] syscallNames;
    private final int forkChildTid;
    private final int forkChildPid;
    private final int forkChildNsPid;
    private final int forkStartTime;
    private final int execPathname;
    private final int execArgv;
    private final int exitGroupExit;

    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final KernelEventDecoder kernel = new KernelEventDecoder();
    private final EventRecordWriter event = new EventRecordWriter();
    private final PacketArguments packets;
    private final UnsafeBuffer value = new UnsafeBuffer(0, 0);
    private final UnsafeBuffer name = new UnsafeBuffer(0, 0);
    private final UnsafeBuffer stack = new UnsafeBuffer(new byte[UserStackBlob.FRAME_HEAD * 32]);
    private final byte[] comm = new byte[16];
    private final byte[] utsName = new byte[FilterOnlyFields.UTS_NAME_LENGTH];
    private byte[] path = new byte[ProcessEntry.MAX_PATH];
    private byte[] argv = new byte[1024];
    private int exitedPid;

    /**
     * @param catalog the event catalog (argument names, syscall names).
     * @param tree    the process tree to keep and read.
     * @param arch    this machine's architecture ({@code os.arch} style or {@code uname -m}).
     */
    public KernelEventEnricher(final EventCatalog catalog, final ProcessTree tree, final String arch)
    {
        this.tree = tree;
        this.packets = new PacketArguments(catalog);
        final int maxId = catalog.maxId();
        argNames = new byte[maxId + 1][][];
        isSyscall = new boolean[maxId + 1];
        eventNames = new byte[maxId + 1][];
        int maxNr = 0;
        for (final EventDefinition definition : catalog.events())
        {
            final byte[][] names = new byte[definition.args().size()][];
            for (int i = 0; i < names.length; i++)
            {
                names[i] = definition.args().get(i).name().getBytes(StandardCharsets.UTF_8);
            }
            argNames[definition.id()] = names;
            isSyscall[definition.id()] = definition.isSyscall();
            eventNames[definition.id()] = definition.name().getBytes(StandardCharsets.UTF_8);
            maxNr = Math.max(maxNr, definition.syscallNumber(arch));
        }
        syscallNames = new byte[maxNr + 1][];
        for (final EventDefinition definition : catalog.events())
        {
            final int nr = definition.syscallNumber(arch);
            if (nr >= 0)
            {
                syscallNames[nr] = eventNames[definition.id()];
            }
        }
        final EventDefinition fork = catalog.byId(FORK);
        forkChildTid = index(fork, "child_tid");
        forkChildPid = index(fork, "child_pid");
        forkChildNsPid = index(fork, "child_ns_pid");
        forkStartTime = index(fork, "start_time");
        execPathname = index(catalog.byId(EXEC), "pathname");
        execArgv = index(catalog.byId(EXEC), "argv");
        exitGroupExit = index(catalog.byId(EXIT), "process_group_exit");
    }

    /**
     * @param buffer where the KernelEvent record (SBE header + message) is.
     * @param offset its offset.
     * @param out    where to encode the Event record (SBE header + message), from index 0; must be expandable.
     * @return the Event record's length, or 0 for a record the sensor sent for the process tree alone (not to be
     *         published).
     */
    public int enrich(final DirectBuffer buffer, final int offset, final MutableDirectBuffer out)
    {
        if (exitedPid != 0)
        {
            // the previous record was a process's exit: its event has been judged and published by now
            tree.onExit(exitedPid);
            exitedPid = 0;
        }
        headerDecoder.wrap(buffer, offset);
        kernel.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, headerDecoder.blockLength(), headerDecoder.version());
        final int eventId = kernel.eventId();
        final boolean hasContext = kernel.actingVersion() >= 2;
        final int hostPid = (int)kernel.hostPid();
        final int hostPpid = (int)kernel.hostPpid();
        final int uid = (int)kernel.uid();
        final long timestamp = kernel.timestampNanos();
        final long threadStart = kernel.threadStartNanos();
        final int commLength = commLength(kernel.getComm(comm, 0));

        // first pass over the arguments: count what will be printed, pick what the process tree needs
        final int argsLimit = kernel.limit();
        int printed = 0;
        int childTid = 0;
        int childPid = 0;
        int childNsPid = 0;
        long childStart = 0;
        int pathLength = -1;
        int argvLength = -1;
        boolean groupExit = false;
        int index = 0;
        for (final KernelEventDecoder.ArgsDecoder arg : kernel.args())
        {
            final ValueType type = arg.valueType();
            if (type != ValueType.NONE && type != ValueType.NULL_VAL)
            {
                printed++;
            }
            final long intValue = arg.intValue();
            if (eventId == FORK)
            {
                if (index == forkChildTid)
                {
                    childTid = (int)intValue;
                }
                else if (index == forkChildPid)
                {
                    childPid = (int)intValue;
                }
                else if (index == forkChildNsPid)
                {
                    childNsPid = (int)intValue;
                }
                else if (index == forkStartTime)
                {
                    childStart = intValue;
                }
            }
            else if (eventId == EXIT && index == exitGroupExit)
            {
                groupExit = intValue != 0;
            }
            if (eventId == EXEC && index == execArgv && type == ValueType.STR_ARRAY)
            {
                argvLength = arg.valueLength();
                if (argv.length < argvLength)
                {
                    argv = new byte[argvLength];
                }
                arg.getValue(argv, 0, argvLength);
            }
            else if (eventId == EXEC && index == execPathname && type == ValueType.STR)
            {
                pathLength = arg.valueLength();
                if (path.length < pathLength)
                {
                    path = new byte[pathLength];
                }
                arg.getValue(path, 0, pathLength);
            }
            else
            {
                arg.skipValue();
            }
            index++;
        }

        final ProcessEntry process = tree.getOrCreate(hostPid, (int)kernel.pid(), hostPpid, kernel.processStartNanos(), uid,
            comm, commLength);
        if (eventId == EXEC && pathLength >= 0)
        {
            tree.onExec(process, path, pathLength, comm, commLength);
            if (argvLength >= 0)
            {
                process.arguments(argv, argvLength);
            }
        }
        else if (eventId == FORK && childPid != 0 && childTid == childPid)
        {
            tree.onFork(hostPid, childPid, childNsPid, childStart, uid);
        }
        if (kernel.treeOnly() != 0)
        {
            // a fork/exec/exit the sensor sent for the tree alone: kept, not published
            if (eventId == EXIT && groupExit)
            {
                exitedPid = hostPid;
            }
            return 0;
        }
        final ProcessEntry parent = hostPpid == 0 ? null : tree.getOrCreate(hostPpid, (int)kernel.ppid(), 0,
            kernel.parentStartNanos(), 0, EMPTY, 0);

        if (hasContext)
        {
            kernel.getUtsName(utsName, 0);
        }
        else
        {
            Arrays.fill(utsName, (byte)0);
        }
        event.wrap(out, 0).block()
            .timestamp(Math.floorDiv(timestamp, 1_000_000_000L), (int)Math.floorMod(timestamp, 1_000_000_000L))
            .id(eventId, 0)
            .process(kernel.pid(), hostPid, process.uniqueId)
            .thread(kernel.tid(), kernel.hostTid(), ProcessEntry.uniqueId((int)kernel.hostTid(), threadStart), kernel.compat())
            .threadStart(Math.floorDiv(threadStart, 1_000_000_000L), (int)Math.floorMod(threadStart, 1_000_000_000L))
            .users(kernel.uid(), kernel.euid())
            .containerIsRunning((short)(process.containerId.length > 0 ? 1 : 0))
            .kernelContext(kernel.gid(), kernel.cgroupId(), kernel.mntNsId(), kernel.pidNsId())
            // a loader older than schema version 2 sends none (SBE would answer its null values): no capabilities
            .processContext(hasContext ? kernel.capEffective() : 0, hasContext ? kernel.capPermitted() : 0,
                hasContext ? kernel.capInheritable() : 0, utsName)
            .containerNew((short)(process.containerNew ? 1 : 0));
        event.block().presence()
            .timestamp(true).workload(true).process(true).thread(true).threadStartTime(true).pid(true)
            .realUser(true).realUserId(true).hostPid(true).user(true).userId(true)
            .processContext(hasContext)
            .executable(process.exeLength > 0)
            .container(process.containerId.length > 0);

        event.ancestors(parent == null ? 0 : 1);
        if (parent != null)
        {
            event.ancestor(parent.uniqueId, hostPpid, kernel.ppid(), parent.exe, 0, parent.exeLength);
        }

        kernel.limit(argsLimit);
        final byte[][] names = eventId > 0 && eventId < argNames.length ? argNames[eventId] : null;
        // a network event: the sensor's packet record, decoded into the event's own arguments
        final int packetArgs = packets.count(eventId);
        event.data(packetArgs >= 0 ? packetArgs : printed);
        if (packetArgs >= 0)
        {
            packets.write(kernel, event, eventId);
        }
        else
        {
            copyArguments(eventId, names);
        }

        final int stackLength = userStack();
        // as Tracee: a stack the kernel could not walk (or none asked for) is no user_stack_trace at all
        event.block().presence().userStackTrace(stackLength > 0);
        final byte[] syscall = syscallName(eventId, kernel.syscallNr());
        event.varData(EventVarData.THREAD_NAME, comm, 0, commLength)
            .varData(EventVarData.SYSCALL, syscall, 0, syscall.length)
            .varData(EventVarData.EXECUTABLE_PATH, process.exe, 0, process.exeLength)
            .varData(EventVarData.CONTAINER_ID, process.containerId, 0, process.containerId.length)
            .varData(EventVarData.USER_STACK, stack, 0, stackLength);
        final int length = event.finish();

        if (eventId == EXIT && groupExit)
        {
            // forgotten when the next record comes, so filters judging this exit still see the process's lineage
            exitedPid = hostPid;
        }
        return length;
    }

    /** The kernel record's arguments as they are, named from the catalog (the return value last for a syscall). */
    private void copyArguments(final int eventId, final byte[][] names)
    {
        int index = 0;
        for (final KernelEventDecoder.ArgsDecoder arg : kernel.args())
        {
            final ValueType type = arg.valueType();
            if (type == ValueType.NONE || type == ValueType.NULL_VAL)
            {
                arg.skipValue();
                index++;
                continue;
            }
            final byte[] name = names != null && index < names.length ? names[index] :
                (names != null && isSyscall[eventId] && index == names.length ? RETURN_VALUE_BYTES : EMPTY);
            final long intValue = arg.intValue();
            arg.wrapValue(value);
            this.name.wrap(name);
            event.dataEntry(type.value(), intValue, this.name, 0, name.length, value, 0, value.capacity());
            index++;
        }
    }

    /**
     * The kernel record's user stack (after its arguments: read them first) as frames in {@link #stack}.
     *
     * @return the frames' length, 0 for none.
     */
    private int userStack()
    {
        kernel.wrapUserStack(value);
        final int length = UserStackBlob.lengthFromAddresses(value.capacity());
        if (length > stack.capacity())
        {
            stack.wrap(new byte[length]);
        }
        return UserStackBlob.fromAddresses(value, 0, value.capacity(), stack, 0);
    }

    private byte[] syscallName(final int eventId, final int syscallNr)
    {
        if (eventId > 0 && eventId < isSyscall.length && isSyscall[eventId])
        {
            return eventNames[eventId];
        }
        if (syscallNr >= 0 && syscallNr < syscallNames.length && syscallNames[syscallNr] != null)
        {
            return syscallNames[syscallNr];
        }
        return EMPTY;
    }

    private int commLength(final int copied)
    {
        for (int i = 0; i < copied; i++)
        {
            if (comm[i] == 0)
            {
                return i;
            }
        }
        return copied;
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
