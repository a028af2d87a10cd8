package io.sluice.parse;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.json.EventJsonWriter;
import io.sluice.codec.proto.EventProtoDecoder;
import io.sluice.codec.proto.EventProtoEncoder;
import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.EventRecordWriter;
import io.sluice.codec.sbe.FilterOnlyFields;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.codec.sbe.ValueType;
import io.sluice.proto.v1beta1.Ancestor;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.Executable;
import io.sluice.proto.v1beta1.Policies;
import io.sluice.proto.v1beta1.Process;
import io.sluice.proto.v1beta1.Thread;
import io.sluice.proto.v1beta1.Threat;
import io.sluice.proto.v1beta1.Timestamp;
import io.sluice.proto.v1beta1.UInt32Value;
import io.sluice.proto.v1beta1.Workload;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parse-arguments stage on whole records: the arguments Tracee parses become strings (a new value type in the
 * record, so every format shows them), every other part of the record is kept, values of another type than the
 * catalog's stand, and events Tracee parses nothing of stand as they are.
 */
class ParsedArgumentsTest
{
    private static final EventCatalog CATALOG = EventCatalog.standard();
    private static final String[] POLICIES = {"opens"};

    private final ParsedArguments parsing = ParsedArguments.forArchitecture(CATALOG, "amd64");
    private final ExpandableArrayBuffer in = new ExpandableArrayBuffer(1024);
    private final ExpandableArrayBuffer out = new ExpandableArrayBuffer(1024);

    private static EventValue int32(final String name, final int value)
    {
        return EventValue.newBuilder().setName(name).setInt32(value).build();
    }

    private static EventValue int64(final String name, final long value)
    {
        return EventValue.newBuilder().setName(name).setInt64(value).build();
    }

    private static EventValue uint32(final String name, final int value)
    {
        return EventValue.newBuilder().setName(name).setUInt32(value).build();
    }

    private static EventValue uint64(final String name, final long value)
    {
        return EventValue.newBuilder().setName(name).setUInt64(value).build();
    }

    private static EventValue str(final String name, final String value)
    {
        return EventValue.newBuilder().setName(name).setStr(value).build();
    }

    /** An event as the sensor would give it: a workload, ancestors, matched policies, the given data. */
    private static Event event(final String name, final EventValue... data)
    {
        return Event.newBuilder()
            .setTimestamp(Timestamp.newBuilder().setSeconds(1_732_454_400L).setNanos(123_456_789))
            .setIdValue(CATALOG.byName(name).id())
            .setName(name)
            .setPolicies(Policies.newBuilder().addMatched("opens"))
            .setWorkload(Workload.newBuilder().setProcess(Process.newBuilder()
                .setThread(Thread.newBuilder().setName("cat").setTid(42).setHostTid(4242))
                .setPid(UInt32Value.newBuilder().setValue(42)).setHostPid(UInt32Value.newBuilder().setValue(4242))
                .setExecutable(Executable.newBuilder().setPath("/usr/bin/cat"))
                .addAncestors(Ancestor.newBuilder().setPid(1).setHostPid(1).setExecutable(Executable.newBuilder().setPath("/sbin/init")))))
            .addAllData(Arrays.asList(data))
            .build();
    }

    /** @return the event after the stage (decoded), or null when the stage left the record as it was. */
    private Event parsed(final Event event)
    {
        final EventProtoEncoder encoder = new EventProtoEncoder(CATALOG);
        encoder.policyNames(POLICIES);
        final int length = encoder.encode(event, in, 0);
        final int parsedLength = parsing.parse(event.getIdValue(), in, 0, length, out);
        if (parsedLength == 0)
        {
            return null;
        }
        final EventProtoDecoder decoder = new EventProtoDecoder(CATALOG);
        decoder.policyNames(POLICIES);
        return decoder.decode(out, 0, parsedLength);
    }

    /** The event with the named data entries now strings. */
    private static Event withStrings(final Event event, final Map<String, String> strings)
    {
        final Event.Builder expected = event.toBuilder();
        for (int i = 0; i < expected.getDataCount(); i++)
        {
            final String text = strings.get(expected.getData(i).getName());
            if (text != null)
            {
                expected.setData(i, str(expected.getData(i).getName(), text));
            }
        }
        return expected.build();
    }

    @Test
    void eachArgumentOfTheTableBecomesTraceesString()
    {
        final List<Object[]> cases = List.of(
            new Object[] {event("openat", int32("dirfd", -100), str("pathname", "/etc/passwd"), int32("flags", 02000000),
                uint32("mode", 0), int64("returnValue", 3)), Map.of("flags", "O_RDONLY|O_CLOEXEC")},
            new Object[] {event("socket", int32("domain", 2), int32("type", 02000001), int32("protocol", 6),
                int64("returnValue", 4)), Map.of("domain", "AF_INET", "type", "SOCK_STREAM|SOCK_CLOEXEC")},
            new Object[] {event("ptrace", int64("request", 16), int32("pid", 77), uint64("addr", 0), uint64("data", 0x7ffd0010L),
                int64("returnValue", 0)), Map.of("request", "PTRACE_ATTACH", "addr", "0x0", "data", "0x7ffd0010")},
            new Object[] {event("mount", str("source", "a"), str("target", "b"), str("filesystemtype", "tmpfs"),
                uint64("mountflags", 1), uint64("data", 0), int64("returnValue", -13)), Map.of("data", "0x0")},
            new Object[] {event("init_module", uint64("module_image", 0x7f0000001000L), uint64("len", 4096),
                str("param_values", "")), Map.of("module_image", "0x7f0000001000")},
            new Object[] {event("prctl", int32("option", 15), uint64("arg2", 0x7ffd0000L), uint64("arg3", 0), uint64("arg4", 0),
                uint64("arg5", 0), int64("returnValue", 0)), Map.of("option", "PR_SET_NAME")},
            new Object[] {event("fchmodat", int32("dirfd", -100), str("pathname", "x"), uint32("mode", 0100644),
                int32("flags", 0), int64("returnValue", 0)), Map.of("mode", "S_IFREG|S_IRUSR|S_IWUSR|S_IRGRP|S_IROTH", "flags", "")},
            new Object[] {event("bpf", int32("cmd", 5), uint64("attr", 0x1000), uint32("size", 128), int64("returnValue", 3)),
                Map.of("cmd", "BPF_PROG_LOAD", "attr", "0x1000")},
            new Object[] {event("execveat", int32("dirfd", 3), str("pathname", ""), int32("flags", 0x1000)),
                Map.of("flags", "AT_EMPTY_PATH")},
            new Object[] {event("sched_process_exec", str("cmdpath", "/bin/ls"), uint32("inode_mode", 0100755),
                uint32("stdin_type", 020620)), Map.of("stdin_type", "S_IFCHR|S_IRUSR|S_IWUSR|S_IWGRP")});
        for (final Object[] c : cases)
        {
            final Event event = (Event)c[0];
            @SuppressWarnings("unchecked")
            final Map<String, String> strings = (Map<String, String>)c[1];
            assertEquals(withStrings(event, strings), parsed(event), event.getId().name());
        }
    }

    @Test
    void theTableNamesOnlyArgumentsOfTheCatalogOnEveryArchitecture()
    {
        for (final String arch : List.of("amd64", "x86_64", "aarch64"))
        {
            assertEquals(15, ArgumentParsers.table(arch).size());
            ParsedArguments.forArchitecture(CATALOG, arch);
        }
        final IllegalArgumentException noEvent = assertThrows(IllegalArgumentException.class,
            () -> new ParsedArguments(CATALOG, List.of(new ArgumentParsers.Entry("no_such_event", "prot", MaskNames.MMAP_PROT))));
        assertEquals("parse-arguments: no event no_such_event in the catalog", noEvent.getMessage());
        final IllegalArgumentException noArgument = assertThrows(IllegalArgumentException.class,
            () -> new ParsedArguments(CATALOG, List.of(new ArgumentParsers.Entry("openat", "flag", MaskNames.MMAP_PROT))));
        assertEquals("parse-arguments: event openat has no argument flag", noArgument.getMessage());
    }

    @Test
    void argumentsTraceeDoesNotParseStandAsNumbers()
    {
        assertEquals(null, parsed(event("kill", int32("pid", 1), int32("sig", 9), int64("returnValue", -1))), "kill's sig");
        assertEquals(null, parsed(event("mount", str("source", "a"), str("target", "b"), str("filesystemtype", "tmpfs"),
            uint64("mountflags", 1), int64("returnValue", -13))), "mount flags, errno");
        assertEquals(null, parsed(event("accept4", int32("sockfd", 3), int32("addrlen", 16), int32("flags", 0x80000))),
            "accept4: no flags parser in Tracee, addrlen a pointer there");
        assertEquals(null, parsed(event("openat2", int32("dirfd", -100), str("pathname", "/x"), uint64("flags", 0),
            uint64("mode", 0), uint64("resolve", 0))), "openat2");
        assertEquals(null, parsed(event("connect", int32("sockfd", 3))), "an event with no parsed argument");
    }

    @Test
    void aValueOfAnotherTypeThanTraceeExpectsStands()
    {
        // a journal written with parse-arguments on already holds the strings: replaying it parses nothing again
        assertEquals(null, parsed(event("openat", int32("dirfd", -100), str("flags", "O_RDONLY"))));
        assertEquals(null, parsed(event("openat", int64("flags", 0))));
        final Event once = parsed(event("openat", str("pathname", "/a"), int32("flags", 1), int32("flags", 2)));
        assertEquals(List.of(str("pathname", "/a"), str("flags", "O_WRONLY"), int32("flags", 2)), once.getDataList(),
            "as Tracee's GetFieldValue, the first entry of a name");
    }

    @Test
    void aDetectionsTriggeringEventIsNotParsed()
    {
        final Event trigger = event("ptrace", int64("request", 0), int32("pid", 0));
        final Event detection = Event.newBuilder().setIdValue(CATALOG.byName("anti_debugging").id()).setName("anti_debugging")
            .setThreat(Threat.newBuilder().setName("Anti-Debugging detected")).setDetectedFrom(trigger).build();
        assertEquals(null, parsed(detection));
    }

    @Test
    void jsonShowsTheStringsAndKeepsEverythingElse()
    {
        final Event event = event("fchmodat", int32("dirfd", -100), str("pathname", "x"), uint32("mode", 0100600), int32("flags", 0));
        final EventProtoEncoder encoder = new EventProtoEncoder(CATALOG);
        encoder.policyNames(POLICIES);
        final int length = encoder.encode(event, in, 0);
        final EventJsonWriter json = new EventJsonWriter(CATALOG);
        json.policyNames(POLICIES);
        final ExpandableArrayBuffer text = new ExpandableArrayBuffer(1024);
        final String before = text.getStringWithoutLengthUtf8(0, json.write(in, 0, length, text, 0));
        final String after = text.getStringWithoutLengthUtf8(0, json.write(out, 0, parsing.parse(event.getIdValue(), in, 0, length, out),
            text, 0));
        assertEquals(before.replace("{\"name\":\"mode\",\"u_int32\":33152}", "{\"name\":\"mode\",\"str\":\"S_IFREG|S_IRUSR|S_IWUSR\"}")
            .replace("{\"name\":\"flags\",\"int32\":0}", "{\"name\":\"flags\",\"str\":\"\"}"), after);
        assertTrue(after.contains("\"data\":[{\"name\":\"dirfd\",\"int32\":-100},{\"name\":\"pathname\",\"str\":\"x\"},"
            + "{\"name\":\"mode\",\"str\":\"S_IFREG|S_IRUSR|S_IWUSR\"},{\"name\":\"flags\",\"str\":\"\"}]"), after);
    }

    @Test
    void theFieldsOnlyFiltersReadAreKept()
    {
        final byte[] uts = Arrays.copyOf("node-7".getBytes(StandardCharsets.US_ASCII), FilterOnlyFields.UTS_NAME_LENGTH);
        final EventRecordWriter writer = new EventRecordWriter();
        writer.wrap(in, 0).block().id(CATALOG.byName("openat").id(), 1).kernelContext(1000, 77, 4026531841L, 4026531836L)
            .processContext(0x3L, 0x7L, 0x1L, uts).lineageMarks(0b101).containerNew((short)1);
        writer.block().presence().processContext(true);
        final int length = writer.data(1).dataEntry(ValueType.INT32.value(), 0, "flags".getBytes(StandardCharsets.UTF_8), new byte[0])
            .finish();
        final int parsedLength = parsing.parse(CATALOG.byName("openat").id(), in, 0, length, out);
        assertTrue(parsedLength > 0);
        final EventDecoder decoded = new EventDecoder().wrap(out, MessageHeaderDecoder.ENCODED_LENGTH, EventDecoder.BLOCK_LENGTH,
            EventDecoder.SCHEMA_VERSION);
        assertEquals(List.of(1000L, 77L, 4026531841L, 4026531836L, 0x3L, 0x7L, 0x1L, 0b101L, 1L, 1L),
            List.of(decoded.gid(), decoded.cgroupId(), decoded.mntNsId(), decoded.pidNsId(), FilterOnlyFields.capEffective(decoded),
                FilterOnlyFields.capPermitted(decoded), FilterOnlyFields.capInheritable(decoded), FilterOnlyFields.lineageMarks(decoded),
                FilterOnlyFields.containerNew(decoded) ? 1L : 0L, decoded.policiesMatched()));
        final byte[] utsOut = new byte[FilterOnlyFields.UTS_NAME_LENGTH];
        assertEquals("node-7", new String(utsOut, 0, FilterOnlyFields.utsName(decoded, utsOut), StandardCharsets.US_ASCII));
        assertTrue(FilterOnlyFields.hasProcessContext(decoded));
    }

    @Test
    void parsingAllocatesNothingPerEvent()
    {
        final EventProtoEncoder encoder = new EventProtoEncoder(CATALOG);
        encoder.policyNames(POLICIES);
        final int socketLength = encoder.encode(event("socket", int32("domain", 10), int32("type", 02004002), int32("protocol", 0)), in, 0);
        final ExpandableArrayBuffer open = new ExpandableArrayBuffer(1024);
        final int openLength = encoder.encode(event("openat", int32("dirfd", -100), str("pathname", "/etc/ld.so.cache"),
            int32("flags", 0x80000), uint32("mode", 0)), open, 0);
        final int socketId = CATALOG.byName("socket").id();
        final int openId = CATALOG.byName("openat").id();
        long checksum = 0;
        for (int i = 0; i < 100_000; i++)
        {
            checksum += parsing.parse(socketId, in, 0, socketLength, out) + parsing.parse(openId, open, 0, openLength, out);
        }
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long before = threads.getThreadAllocatedBytes(java.lang.Thread.currentThread().getId());
        for (int i = 0; i < 100_000; i++)
        {
            checksum += parsing.parse(socketId, in, 0, socketLength, out) + parsing.parse(openId, open, 0, openLength, out);
        }
        final long allocated = threads.getThreadAllocatedBytes(java.lang.Thread.currentThread().getId()) - before;
        assertTrue(checksum > 0);
        assertTrue(allocated < 4096, "allocated " + allocated + " bytes over 200000 events");
    }
}
