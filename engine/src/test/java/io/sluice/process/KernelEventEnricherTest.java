package io.sluice.process;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.proto.EventProtoDecoder;
import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.FilterOnlyFields;
import io.sluice.codec.sbe.KernelEventEncoder;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.codec.sbe.MessageHeaderEncoder;
import io.sluice.codec.sbe.SockaddrBlob;
import io.sluice.codec.sbe.StringArrayBlob;
import io.sluice.codec.sbe.ValueType;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.StackAddress;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Raw kernel records become events: the process tree follows fork, exec and exit; events carry the executable,
 * the parent as first ancestor, unique ids, named arguments and a syscall's return value.
 */
class KernelEventEnricherTest
{
    private static final int PARENT = (int)ProcessHandle.current().pid();
    private static final int CHILD = 3_999_991;
    private static final long T0 = 1_732_454_400_000_000_000L;
    private static final long CAP_EFFECTIVE = 1L << 21;
    private static final long CAP_PERMITTED = (1L << 21) | (1L << 39);

    private final EventCatalog catalog = EventCatalog.standard();
    private final ProcessTree tree = ProcessTree.system();
    private final KernelEventEnricher enricher = new KernelEventEnricher(catalog, tree, "x86_64");
    private final EventProtoDecoder decoder = new EventProtoDecoder(catalog);
    private final ExpandableArrayBuffer raw = new ExpandableArrayBuffer();
    private final ExpandableArrayBuffer out = new ExpandableArrayBuffer();
    private short treeOnly;
    private byte[] userStack = new byte[0];

    @Test
    void followsAProcessFromForkThroughExecToExit()
    {
        final Event fork = enrich(record(1014, PARENT, PARENT, 1, "java", 0, args -> args
            .arg(ValueType.INT32, PARENT).arg(ValueType.INT32, PARENT).arg(ValueType.INT32, PARENT).arg(ValueType.INT32, PARENT)
            .arg(ValueType.UINT64, T0 - 5).arg(ValueType.INT32, CHILD).arg(ValueType.INT32, CHILD).arg(ValueType.INT32, CHILD)
            .arg(ValueType.INT32, CHILD).arg(ValueType.UINT64, T0)));
        assertEquals("sched_process_fork", fork.getName());
        final ProcessEntry child = tree.get(CHILD);
        assertNotNull(child, "fork adds the child");
        assertEquals(PARENT, child.hostPpid());
        assertEquals(tree.get(PARENT).exeString(), child.exeString(), "the child runs the parent's image until it execs");

        final Event exec = enrich(record(1015, CHILD, PARENT, 59, "echo", 0, args -> args
            .str("/bin/echo").str("/usr/bin/echo").arg(ValueType.UINT32, 2049).arg(ValueType.UINT64, 1234)
            .arg(ValueType.UINT64, 99).arg(ValueType.UINT32, 0100755).none().none().none().none()
            .blob(ValueType.STR_ARRAY, StringArrayBlob.encode(List.of("echo", "hello")))));
        assertEquals("/usr/bin/echo", tree.get(CHILD).exeString());
        assertEquals("/usr/bin/echo", exec.getWorkload().getProcess().getExecutable().getPath());
        assertEquals("echo", exec.getWorkload().getProcess().getThread().getName());
        assertEquals("execve", exec.getWorkload().getProcess().getThread().getSyscall(), "the syscall in progress");
        assertEquals(CHILD, exec.getWorkload().getProcess().getHostPid().getValue());
        assertEquals(child.uniqueId(), exec.getWorkload().getProcess().getUniqueId());
        assertEquals(1, exec.getWorkload().getProcess().getAncestorsCount());
        assertEquals(PARENT, exec.getWorkload().getProcess().getAncestors(0).getHostPid());
        assertEquals(tree.get(PARENT).uniqueId(), exec.getWorkload().getProcess().getAncestors(0).getUniqueId());
        assertEquals(List.of("cmdpath", "pathname", "dev", "inode", "ctime", "inode_mode", "argv"),
            exec.getDataList().stream().map(EventValue::getName).toList(), "unread arguments are left out");
        assertEquals(List.of("echo", "hello"), exec.getData(6).getStrArray().getValueList());
        assertEquals("hello", arguments(tree.get(CHILD)), "the tree keeps the arguments after argv[0]");

        final Event connect = enrich(record(43, CHILD, PARENT, 42, "echo", -111, args -> args
            .arg(ValueType.INT32, 3).blob(ValueType.SOCKADDR, SockaddrBlob.inet(8080, new byte[] {127, 0, 0, 1}))
            .arg(ValueType.INT32, 16).arg(ValueType.INT64, -111)));
        assertEquals("connect", connect.getWorkload().getProcess().getThread().getSyscall());
        assertEquals(List.of("sockfd", "addr", "addrlen", "returnValue"),
            connect.getDataList().stream().map(EventValue::getName).toList());
        assertEquals("127.0.0.1", connect.getData(1).getSockaddr().getSinAddr());
        assertEquals(8080, connect.getData(1).getSockaddr().getSinPort());
        assertEquals(-111, connect.getData(3).getInt64());

        enrich(record(1016, CHILD, PARENT, -1, "echo", 0, args -> args
            .arg(ValueType.INT64, 0).arg(ValueType.INT32, 0).arg(ValueType.BOOL, 1)));
        assertNotNull(tree.get(CHILD), "kept while its exit is judged (filters on its lineage)");
        enrich(record(258, PARENT, 1, 257, "java", 3, args -> args
            .arg(ValueType.INT32, -100).str("/etc/hostname").arg(ValueType.INT32, 0).arg(ValueType.UINT32, 0)
            .arg(ValueType.INT64, 3)));
        assertNull(tree.get(CHILD), "an exited process is released with the next record");
    }

    @Test
    void keepsTheTreeFromRecordsSentForItAloneWithoutPublishingThem()
    {
        treeOnly = 1;
        final int forkLength = record(1014, PARENT, PARENT, -1, "java", 0, args -> args
            .arg(ValueType.INT32, PARENT).arg(ValueType.INT32, PARENT).arg(ValueType.INT32, PARENT).arg(ValueType.INT32, PARENT)
            .arg(ValueType.UINT64, T0 - 5).arg(ValueType.INT32, CHILD).arg(ValueType.INT32, CHILD).arg(ValueType.INT32, CHILD)
            .arg(ValueType.INT32, CHILD).arg(ValueType.UINT64, T0));
        assertEquals(0, enricher.enrich(raw, 0, out), "nothing to publish");
        assertTrue(forkLength > 0);
        assertNotNull(tree.get(CHILD), "fork adds the child");

        // the sensor sends only the path of a tree-only exec, and with --tree-argv its argv at its catalog index
        record(1015, CHILD, PARENT, -1, "victim", 0, args -> args.none().str("/opt/victim"));
        assertEquals(0, enricher.enrich(raw, 0, out));
        assertEquals("/opt/victim", tree.get(CHILD).exeString());
        assertEquals("", arguments(tree.get(CHILD)), "an exec without argv leaves no stale arguments");
        record(1015, CHILD, PARENT, -1, "victim", 0, args -> args.none().str("/opt/victim").none().none().none().none()
            .none().none().none().none().blob(ValueType.STR_ARRAY, StringArrayBlob.encode(List.of("victim", "-c", "x y"))));
        assertEquals(0, enricher.enrich(raw, 0, out));
        assertEquals("-c \"x y\"", arguments(tree.get(CHILD)), "as Tetragon joins them");

        treeOnly = 0;
        final Event open = enrich(record(258, CHILD, PARENT, 257, "victim", 3, args -> args
            .arg(ValueType.INT32, -100).str("/etc/hostname").arg(ValueType.INT32, 0).arg(ValueType.UINT32, 0)
            .arg(ValueType.INT64, 3)));
        assertEquals("/opt/victim", open.getWorkload().getProcess().getExecutable().getPath(),
            "a selected event sees the exec it was not selected with");

        treeOnly = 1;
        record(1016, CHILD, PARENT, -1, "victim", 0, args -> args
            .arg(ValueType.INT64, 0).arg(ValueType.INT32, 0).arg(ValueType.BOOL, 1));
        assertEquals(0, enricher.enrich(raw, 0, out));
        record(1016, PARENT, 1, -1, "java", 0, args -> args
            .arg(ValueType.INT64, 0).arg(ValueType.INT32, 0).arg(ValueType.BOOL, 0));
        assertEquals(0, enricher.enrich(raw, 0, out));
        assertNull(tree.get(CHILD), "an exited process is released, selected or not");
    }

    @Test
    void capabilitiesAndTheUtsNameReachTheEventForFilters()
    {
        tree.seed();
        record(258, PARENT, 1, 257, "java", 3, args -> args
            .arg(ValueType.INT32, -100).str("/etc/hostname").arg(ValueType.INT32, 0).arg(ValueType.UINT32, 0)
            .arg(ValueType.INT64, 3));
        final int length = enricher.enrich(raw, 0, out);
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(out, 0);
        final EventDecoder event = new EventDecoder().wrap(out, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(),
            header.version());
        assertTrue(length > 0);
        assertEquals(CAP_EFFECTIVE, FilterOnlyFields.capEffective(event));
        assertEquals(CAP_PERMITTED, FilterOnlyFields.capPermitted(event));
        assertEquals(0, FilterOnlyFields.capInheritable(event));
        final byte[] uts = new byte[FilterOnlyFields.UTS_NAME_LENGTH];
        assertEquals("web-1", new String(uts, 0, FilterOnlyFields.utsName(event, uts), StandardCharsets.US_ASCII));
        assertEquals(0, FilterOnlyFields.lineageMarks(event), "marks are the ingest thread's to write");
        assertFalse(FilterOnlyFields.containerNew(event), "a host process");
    }

    @Test
    void theSensorsUserStackAddressesBecomeTheThreadsUserStackTrace()
    {
        tree.seed();
        final ByteBuffer packed = ByteBuffer.allocate(3 * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN)
            .putLong(0x7f3a_1c2b_4d5eL).putLong(0x5555_5555_9abcL).putLong(0x7ffd_0000_0010L);
        userStack = packed.array();
        final Event traced = enrich(record(1016, PARENT, 1, -1, "java", 0, args -> args
            .arg(ValueType.INT64, 0).arg(ValueType.INT32, 0).arg(ValueType.BOOL, 0)));
        final io.sluice.proto.v1beta1.Thread thread = traced.getWorkload().getProcess().getThread();
        assertTrue(thread.hasUserStackTrace());
        assertEquals(List.of(0x7f3a_1c2b_4d5eL, 0x5555_5555_9abcL, 0x7ffd_0000_0010L),
            thread.getUserStackTrace().getAddressesList().stream().map(StackAddress::getAddress).toList(),
            "innermost first");
        assertTrue(thread.getUserStackTrace().getAddressesList().stream()
            .allMatch(frame -> frame.getSymbol().isEmpty()));
        assertEquals(List.of("exit_code", "signal_code", "process_group_exit"),
            traced.getDataList().stream().map(EventValue::getName).toList(),
            "the arguments before the stack read as ever");

        userStack = new byte[0];
        final Event untraced = enrich(record(1016, PARENT, 1, -1, "java", 0, args -> args
            .arg(ValueType.INT64, 0).arg(ValueType.INT32, 0).arg(ValueType.BOOL, 0)));
        assertFalse(untraced.getWorkload().getProcess().getThread().hasUserStackTrace(),
            "no addresses: no user_stack_trace");
    }

    @Test
    void aThreadExitKeepsTheProcess()
    {
        tree.seed();
        assertNotNull(tree.get(PARENT));
        enrich(record(1016, PARENT, 1, -1, "java", 0, args -> args
            .arg(ValueType.INT64, 0).arg(ValueType.INT32, 0).arg(ValueType.BOOL, 0)));
        assertNotNull(tree.get(PARENT));
    }

    @Test
    void seedsFromProcWithExecutableAndParent()
    {
        assertTrue(tree.seed() > 1);
        final ProcessEntry self = tree.get(PARENT);
        assertTrue(self.exeString().endsWith("/java"), self.exeString());
        assertEquals(ProcessHandle.current().parent().orElseThrow().pid(), self.hostPpid());
        assertFalse(self.exeString().isEmpty());
    }

    private static String arguments(final ProcessEntry entry)
    {
        return new String(entry.argumentsBytes(), 0, entry.argumentsLength(), StandardCharsets.UTF_8);
    }

    private Event enrich(final int length)
    {
        final int written = enricher.enrich(raw, 0, out);
        return decoder.decode(out, 0, written);
    }

    private int record(final int eventId, final int hostPid, final int hostPpid, final int syscallNr, final String comm,
        final long retval, final java.util.function.Consumer<Args> args)
    {
        final KernelEventEncoder encoder = new KernelEventEncoder().wrapAndApplyHeader(raw, 0, new MessageHeaderEncoder())
            .timestampNanos(T0 + 1000).eventId(eventId).hostPid(hostPid).hostTid(hostPid).hostPpid(hostPpid)
            .pid(hostPid).tid(hostPid).ppid(hostPpid).uid(1000).gid(1000).euid(1000).cgroupId(1).mntNsId(1).pidNsId(1)
            .threadStartNanos(T0).processStartNanos(T0).parentStartNanos(T0 - 5).syscallNr(syscallNr).retval(retval)
            .compat((short)0).comm(comm).treeOnly(treeOnly)
            .capEffective(CAP_EFFECTIVE).capPermitted(CAP_PERMITTED).capInheritable(0).utsName("web-1");
        final Args collected = new Args();
        args.accept(collected);
        final KernelEventEncoder.ArgsEncoder group = encoder.argsCount(collected.types.size());
        for (int i = 0; i < collected.types.size(); i++)
        {
            final byte[] value = collected.values.get(i);
            group.next().valueType(collected.types.get(i)).intValue(collected.ints.get(i)).putValue(value, 0, value.length);
        }
        encoder.putUserStack(userStack, 0, userStack.length);
        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }

    private static final class Args
    {
        final java.util.ArrayList<ValueType> types = new java.util.ArrayList<>();
        final java.util.ArrayList<Long> ints = new java.util.ArrayList<>();
        final java.util.ArrayList<byte[]> values = new java.util.ArrayList<>();

        Args arg(final ValueType type, final long value)
        {
            types.add(type);
            ints.add(value);
            values.add(new byte[0]);
            return this;
        }

        Args str(final String value)
        {
            return blob(ValueType.STR, value.getBytes(StandardCharsets.UTF_8));
        }

        Args blob(final ValueType type, final byte[] value)
        {
            types.add(type);
            ints.add(0L);
            values.add(value);
            return this;
        }

        Args none()
        {
            return arg(ValueType.NONE, 0);
        }
    }
}
