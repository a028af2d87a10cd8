package io.sluice.process;

import io.sluice.codec.catalog.ArgDefinition;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.codec.sbe.EventRecordWriter;
import io.sluice.codec.sbe.EventVarData;
import io.sluice.codec.sbe.FilterOnlyFields;
import io.sluice.codec.sbe.KernelEventDecoder;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.codec.sbe.PresenceEncoder;
import io.sluice.codec.sbe.UserStackBlob;
import io.sluice.codec.sbe.ValueType;
import io.sluice.process.packet.PacketArguments;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

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
    /** What every enriched kernel event has: the presence bits written at once, not one read-modify-write each. */
    private static final int BASE_PRESENCE = presenceBits(p -> p.timestamp(true).workload(true).process(true).thread(true)
        .threadStartTime(true).pid(true).realUser(true).realUserId(true).hostPid(true).user(true).userId(true));
    private static final int CONTEXT_PRESENCE = presenceBits(p -> p.processContext(true));
    private static final int EXECUTABLE_PRESENCE = presenceBits(p -> p.executable(true));
    private static final int CONTAINER_PRESENCE = presenceBits(p -> p.container(true));
    private static final int USER_STACK_PRESENCE = presenceBits(p -> p.userStackTrace(true));

    private final ProcessTree tree;
    private final UnsafeBuffer[][] argNames;
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
    private final KernelArgs args = new KernelArgs();
    private final UnsafeBuffer emptyName = new UnsafeBuffer(EMPTY);
    private final UnsafeBuffer returnValueName = new UnsafeBuffer(RETURN_VALUE_BYTES);
    private final UnsafeBuffer stack = new UnsafeBuffer(new byte[UserStackBlob.FRAME_HEAD * 32]);
    private final byte[] comm = new byte[16];
    private final byte[] utsName = new byte[FilterOnlyFields.UTS_NAME_LENGTH];
    private byte[] path = new byte[ProcessEntry.MAX_PATH];
    private byte[] argv = new byte[1024];
    private int exitedPid;
    private int eventId;

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
        argNames = new UnsafeBuffer[maxId + 1][];
        isSyscall = new boolean[maxId + 1];
        eventNames = new byte[maxId + 1][];
        int maxNr = 0;
        for (final EventDefinition definition : catalog.events())
        {
            final UnsafeBuffer[] names = new UnsafeBuffer[definition.args().size()];
            for (int i = 0; i < names.length; i++)
            {
                names[i] = new UnsafeBuffer(definition.args().get(i).name().getBytes(StandardCharsets.UTF_8));
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
        this.eventId = eventId;
        final int hostPid = (int)kernel.hostPid();
        final int hostPpid = (int)kernel.hostPpid();
        final int uid = (int)kernel.uid();
        final int commLength = commLength(kernel.getComm(comm, 0));

        // the arguments, read once: what will be printed, and what the process tree needs
        final int argsLimit = kernel.limit();
        args.read(buffer, argsLimit);
        final ProcessEntry process = tree.getOrCreate(hostPid, (int)kernel.pid(), hostPpid, kernel.processStartNanos(), uid,
            comm, commLength);
        final boolean groupExit = eventId == EXIT && exitGroupExit < args.count() && args.intValue(exitGroupExit) != 0;
        if (eventId == EXEC)
        {
            onExec(buffer, process, commLength);
        }
        else if (eventId == FORK)
        {
            onFork(hostPid, uid);
        }
        if (kernel.treeOnly() != 0)
        {
            // a fork/exec/exit the sensor sent for the tree alone: kept, not published
            if (groupExit)
            {
                exitedPid = hostPid;
            }
            return 0;
        }
        final ProcessEntry parent = hostPpid == 0 ? null : tree.getOrCreate(hostPpid, (int)kernel.ppid(), 0,
            kernel.parentStartNanos(), 0, EMPTY, 0);
        kernel.limit(args.limit());
        final int stackLength = userStack();
        block(eventId, hostPid, process, stackLength, out);

        event.ancestors(parent == null ? 0 : 1);
        if (parent != null)
        {
            event.ancestor(parent.uniqueId, hostPpid, kernel.ppid(), parent.exe, 0, parent.exeLength);
        }

        // a network event: the sensor's packet record, decoded into the event's own arguments
        final int packetArgs = packets.count(eventId);
        event.data(packetArgs >= 0 ? packetArgs : args.printed());
        if (packetArgs >= 0)
        {
            kernel.limit(argsLimit);
            packets.write(kernel, event, eventId);
        }
        else
        {
            copyArguments(buffer, eventId);
        }

        final byte[] syscall = syscallName(eventId, kernel.syscallNr());
        event.varData(EventVarData.THREAD_NAME, comm, 0, commLength)
            .varData(EventVarData.SYSCALL, syscall, 0, syscall.length)
            .varData(EventVarData.EXECUTABLE_PATH, process.exe, 0, process.exeLength)
            .varData(EventVarData.CONTAINER_ID, process.containerId, 0, process.containerId.length)
            .varData(EventVarData.USER_STACK, stack, 0, stackLength);
        final int length = event.finish();

        if (groupExit)
        {
            // forgotten when the next record comes, so filters judging this exit still see the process's lineage
            exitedPid = hostPid;
        }
        return length;
    }

    /** @return the event id of the record {@link #enrich} read last (the Event record's own). */
    public int eventId()
    {
        return eventId;
    }

    /** The Event's block: header fields of the kernel record, the process's ids, and every presence bit at once. */
    private void block(final int eventId, final int hostPid, final ProcessEntry process, final int stackLength,
        final MutableDirectBuffer out)
    {
        final boolean hasContext = kernel.actingVersion() >= 2;
        if (hasContext)
        {
            kernel.getUtsName(utsName, 0);
        }
        else
        {
            Arrays.fill(utsName, (byte)0);
        }
        final long timestamp = kernel.timestampNanos();
        final long threadStart = kernel.threadStartNanos();
        final boolean inContainer = process.containerId.length > 0;
        event.wrap(out, 0).block()
            .timestamp(Math.floorDiv(timestamp, 1_000_000_000L), (int)Math.floorMod(timestamp, 1_000_000_000L))
            .id(eventId, 0)
            .process(kernel.pid(), hostPid, process.uniqueId)
            .thread(kernel.tid(), kernel.hostTid(), ProcessEntry.uniqueId((int)kernel.hostTid(), threadStart), kernel.compat())
            .threadStart(Math.floorDiv(threadStart, 1_000_000_000L), (int)Math.floorMod(threadStart, 1_000_000_000L))
            .users(kernel.uid(), kernel.euid())
            .containerIsRunning((short)(inContainer ? 1 : 0))
            .kernelContext(kernel.gid(), kernel.cgroupId(), kernel.mntNsId(), kernel.pidNsId())
            // a loader older than schema version 2 sends none (SBE would answer its null values): no capabilities
            .processContext(hasContext ? kernel.capEffective() : 0, hasContext ? kernel.capPermitted() : 0,
                hasContext ? kernel.capInheritable() : 0, utsName)
            .containerNew((short)(process.containerNew ? 1 : 0))
            // as Tracee: a stack the kernel could not walk (or none asked for) is no user_stack_trace at all
            .presence(BASE_PRESENCE | (hasContext ? CONTEXT_PRESENCE : 0) | (process.exeLength > 0 ? EXECUTABLE_PRESENCE : 0)
                | (inContainer ? CONTAINER_PRESENCE : 0) | (stackLength > 0 ? USER_STACK_PRESENCE : 0));
    }

    /** An exec: the process's new image, and its arguments when the sensor sent them. */
    private void onExec(final DirectBuffer buffer, final ProcessEntry process, final int commLength)
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
    private void onFork(final int hostPid, final int uid)
    {
        final int childTid = (int)intArg(forkChildTid);
        final int childPid = (int)intArg(forkChildPid);
        if (childPid != 0 && childTid == childPid)
        {
            tree.onFork(hostPid, childPid, (int)intArg(forkChildNsPid), intArg(forkStartTime), uid);
        }
    }

    private long intArg(final int index)
    {
        return index < args.count() ? args.intValue(index) : 0;
    }

    /** The kernel record's arguments as they are, named from the catalog (the return value last for a syscall). */
    private void copyArguments(final DirectBuffer buffer, final int eventId)
    {
        final UnsafeBuffer[] names = eventId > 0 && eventId < argNames.length ? argNames[eventId] : null;
        final int count = args.count();
        for (int index = 0; index < count; index++)
        {
            final int type = args.type(index);
            if (type == KernelArgs.NONE || type == KernelArgs.NULL_VAL)
            {
                continue;
            }
            final UnsafeBuffer name = names != null && index < names.length ? names[index] :
                (names != null && isSyscall[eventId] && index == names.length ? returnValueName : emptyName);
            event.dataEntry(type, args.intValue(index), name, 0, name.capacity(), buffer, args.valueOffset(index),
                args.valueLength(index));
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

    private static int presenceBits(final Consumer<PresenceEncoder> set)
    {
        final UnsafeBuffer scratch = new UnsafeBuffer(new byte[PresenceEncoder.ENCODED_LENGTH]);
        set.accept(new PresenceEncoder().wrap(scratch, 0));
        return scratch.getInt(0, ByteOrder.LITTLE_ENDIAN);
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
