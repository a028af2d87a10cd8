package io.sluice.process;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.sbe.EventRecordWriter;
import io.sluice.codec.sbe.EventVarData;
import io.sluice.codec.sbe.FilterOnlyFields;
import io.sluice.codec.sbe.KernelEventDecoder;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.codec.sbe.PresenceEncoder;
import io.sluice.codec.sbe.UserStackBlob;
import io.sluice.process.packet.PacketArguments;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Turns the sensor's raw {@code KernelEvent} into an enriched {@code Event} record: keeps the process tree current
 * from fork, exec and exit ({@link ProcessLifecycle}), then adds what the kernel record lacks (executable path, unique
 * ids, the parent as the first ancestor, container id) and names the arguments and the syscall from the catalog
 * ({@link KernelEventNames}); the user stack addresses the sensor captured (output option {@code stack-addresses})
 * become {@code thread.user_stack_trace}. Owned by the ingest thread; nothing is allocated per event for processes the
 * tree knows.
 */
public final class KernelEventEnricher
{
    /** Name of the data field carrying a syscall's return value (Tracee's name). */
    public static final String RETURN_VALUE = "returnValue";

    private static final byte[] EMPTY = new byte[0];
    /** What every enriched kernel event has: the presence bits written at once, not one read-modify-write each. */
    private static final int BASE_PRESENCE = presenceBits(p -> p.timestamp(true).workload(true).process(true).thread(true)
        .threadStartTime(true).pid(true).realUser(true).realUserId(true).hostPid(true).user(true).userId(true));
    private static final int CONTEXT_PRESENCE = presenceBits(p -> p.processContext(true));
    private static final int EXECUTABLE_PRESENCE = presenceBits(p -> p.executable(true));
    private static final int CONTAINER_PRESENCE = presenceBits(p -> p.container(true));
    private static final int USER_STACK_PRESENCE = presenceBits(p -> p.userStackTrace(true));

    private final ProcessTree tree;
    private final KernelEventNames names;
    private final ProcessLifecycle lifecycle;

    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final KernelEventDecoder kernel = new KernelEventDecoder();
    private final EventRecordWriter event = new EventRecordWriter();
    private final PacketArguments packets;
    private final UnsafeBuffer value = new UnsafeBuffer(0, 0);
    private final KernelArgs args = new KernelArgs();
    private final UnsafeBuffer stack = new UnsafeBuffer(new byte[UserStackBlob.FRAME_HEAD * 32]);
    private final byte[] comm = new byte[16];
    private final byte[] utsName = new byte[FilterOnlyFields.UTS_NAME_LENGTH];
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
        this.names = new KernelEventNames(catalog, arch);
        this.lifecycle = new ProcessLifecycle(catalog, tree);
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
        // the previous record's exit, if it was one: its event has been judged and published by now
        lifecycle.beforeRecord();
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
        lifecycle.onRecord(eventId, buffer, args, process, hostPid, uid, comm, commLength);
        if (kernel.treeOnly() != 0)
        {
            // a fork/exec/exit the sensor sent for the tree alone: kept, not published
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

        final byte[] syscall = names.syscall(eventId, kernel.syscallNr());
        event.varData(EventVarData.THREAD_NAME, comm, 0, commLength)
            .varData(EventVarData.SYSCALL, syscall, 0, syscall.length)
            .varData(EventVarData.EXECUTABLE_PATH, process.exe, 0, process.exeLength)
            .varData(EventVarData.CONTAINER_ID, process.containerId, 0, process.containerId.length)
            .varData(EventVarData.USER_STACK, stack, 0, stackLength);
        return event.finish();
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

    /** The kernel record's arguments as they are, named from the catalog (the return value last for a syscall). */
    private void copyArguments(final DirectBuffer buffer, final int eventId)
    {
        final UnsafeBuffer[] argNames = names.argumentsOf(eventId);
        final int count = args.count();
        for (int index = 0; index < count; index++)
        {
            final int type = args.type(index);
            if (type == KernelArgs.NONE || type == KernelArgs.NULL_VAL)
            {
                continue;
            }
            final UnsafeBuffer name = names.argument(argNames, eventId, index);
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
}
