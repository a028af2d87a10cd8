package io.sluice.format.gotemplate;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.proto.EventProtoEncoder;
import io.sluice.proto.v1beta1.Ancestor;
import io.sluice.proto.v1beta1.Container;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventId;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.Executable;
import io.sluice.proto.v1beta1.Policies;
import io.sluice.proto.v1beta1.Process;
import io.sluice.proto.v1beta1.SaFamilyT;
import io.sluice.proto.v1beta1.SockAddr;
import io.sluice.proto.v1beta1.StackAddress;
import io.sluice.proto.v1beta1.StringArray;
import io.sluice.proto.v1beta1.Thread;
import io.sluice.proto.v1beta1.Timestamp;
import io.sluice.proto.v1beta1.UInt32Value;
import io.sluice.proto.v1beta1.User;
import io.sluice.proto.v1beta1.UserStackTrace;
import io.sluice.proto.v1beta1.Workload;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Seed 003's templates (Tracee's "Event Output Structure" page: the "After" template, the one with
 * {@code define}, the data-access one) rendered from an event record, the data being the event's message tree with
 * proto field names: {@code .workload.process.pid.value} is the pid as an integer, {@code .timestamp.seconds} a
 * 64-bit integer, {@code .value} of a data entry the member it holds.
 */
class SeedTemplatesTest
{
    private static final EventCatalog CATALOG = EventCatalog.standard();
    private static final String[] POLICIES = {"default-policy", "other"};

    /** The event of the seed's JSON example, with two more data entries for the data-access template. */
    private static final Event EXEC = Event.newBuilder()
        .setTimestamp(Timestamp.newBuilder().setSeconds(1732454400L).setNanos(123456789))
        .setId(EventId.sched_process_exec)
        .setName("sched_process_exec")
        .setPolicies(Policies.newBuilder().addMatched("default-policy"))
        .setWorkload(Workload.newBuilder().setProcess(Process.newBuilder()
            .setThread(Thread.newBuilder().setName("bash").setStartTime(Timestamp.newBuilder().setSeconds(1732454350L))
                .setUniqueId(1234567890L).setHostTid(12345).setTid(12345).setSyscall("execve"))
            .setPid(UInt32Value.newBuilder().setValue(12345))
            .setRealUser(User.newBuilder().setId(UInt32Value.newBuilder().setValue(1000)))
            .setExecutable(Executable.newBuilder().setPath("/usr/bin/bash"))
            .addAncestors(Ancestor.newBuilder().setUniqueId(9876543210L).setHostPid(1234).setPid(1234))))
        .addData(EventValue.newBuilder().setName("pathname").setStr("/usr/bin/ls"))
        .addData(EventValue.newBuilder().setName("argv").setStrArray(StringArray.newBuilder().addValue("ls").addValue("-la")
            .addValue("/tmp")))
        .addData(EventValue.newBuilder().setName("fd").setInt32(3))
        .addData(EventValue.newBuilder().setName("count").setUInt64(42))
        .build();

    private static final String AFTER = """
        Event: {{.name}}
        Process: {{if .workload}}{{if .workload.process}}{{if .workload.process.thread}}{{.workload.process.thread.name}}\
        {{end}}{{end}}{{end}} (PID: {{if .workload}}{{if .workload.process}}{{if .workload.process.pid}}\
        {{.workload.process.pid.value}}{{end}}{{end}}{{end}})
        Time: {{if .timestamp}}{{.timestamp.seconds}}{{end}}
        {{range .data}}
          {{.name}}: {{.value}}
        {{end}}
        """;

    private static final String DEFINE = """
        {{- define "processName" -}}
        {{- if and .workload .workload.process .workload.process.thread -}}
        {{.workload.process.thread.name}}
        {{- else -}}
        <unknown>
        {{- end -}}
        {{- end -}}

        {{- define "pid" -}}
        {{- if and .workload .workload.process .workload.process.pid -}}
        {{.workload.process.pid.value}}
        {{- else -}}
        0
        {{- end -}}
        {{- end -}}

        Event: {{.name}}
        Process: {{template "processName" .}} (PID: {{template "pid" .}})
        Time: {{.timestamp.seconds}}.{{.timestamp.nanos}}
        {{range .data}}
          {{.name}}: {{.value}}
        {{end}}
        """;

    private static final String DATA_ACCESS = """
        {{range .data}}
          {{if eq .name "pathname"}}
            File: {{.str}}
          {{else if eq .name "fd"}}
            FD: {{.int32}}
          {{else if eq .name "count"}}
            Count: {{.u_int64}}
          {{end}}
        {{end}}
        """;

    @Test
    void theAfterTemplate()
    {
        assertEquals("Event: sched_process_exec\n"
            + "Process: bash (PID: 12345)\n"
            + "Time: 1732454400\n"
            + "\n  pathname: /usr/bin/ls\n"
            + "\n  argv: [ls -la /tmp]\n"
            + "\n  fd: 3\n"
            + "\n  count: 42\n"
            + "\n", render(AFTER, EXEC));
    }

    @Test
    void theAfterTemplateWithoutAWorkload()
    {
        assertEquals("Event: openat\nProcess:  (PID: )\nTime: \n\n",
            render(AFTER, Event.newBuilder().setId(EventId.openat).build()));
    }

    @Test
    void theDefineTemplate()
    {
        assertEquals("Event: sched_process_exec\n"
            + "Process: bash (PID: 12345)\n"
            + "Time: 1732454400.123456789\n"
            + "\n  pathname: /usr/bin/ls\n"
            + "\n  argv: [ls -la /tmp]\n"
            + "\n  fd: 3\n"
            + "\n  count: 42\n"
            + "\n", render(DEFINE, EXEC));
        assertEquals("Event: openat\nProcess: <unknown> (PID: 0)\nTime: 1.0\n\n", render(DEFINE, Event.newBuilder()
            .setId(EventId.openat).setTimestamp(Timestamp.newBuilder().setSeconds(1)).build()));
    }

    @Test
    void theDataAccessTemplate()
    {
        assertEquals("\n  \n    File: /usr/bin/ls\n  \n"
            + "\n  \n"
            + "\n  \n    FD: 3\n  \n"
            + "\n  \n    Count: 42\n  \n"
            + "\n", render(DATA_ACCESS, EXEC));
    }

    @Test
    void theMessageTreeReadsAsProtoNames()
    {
        assertEquals("sched_process_exec 12345 1732454400", render("{{.name}} {{.workload.process.pid.value}} {{.timestamp.seconds}}",
            EXEC));
        assertEquals("sched_process_exec [default-policy] 1234 /usr/bin/bash 1000 execve", render("{{.id}} {{.policies.matched}}"
            + " {{(index .workload.process.ancestors 0).pid}} {{.workload.process.executable.path}}"
            + " {{.workload.process.real_user.id.value}} {{.workload.process.thread.syscall}}", EXEC));
        assertEquals("value:12345|seconds:1732454400 nanos:123456789|<nil>", render("{{.workload.process.pid}}|{{.timestamp}}"
            + "|{{.workload.container}}", EXEC));
        assertEquals("ls,-la,/tmp", render("{{range .data}}{{if .str_array}}{{join \",\" .str_array.value}}{{end}}{{end}}", EXEC));
        assertEquals("[ls -la /tmp] 3 <nil> 0", render("{{$a := index .data 1}}{{$a.value}} {{len $a.value}} {{$a.sockaddr}}"
            + " {{$a.int32}}", EXEC));
        assertEquals("{\"seconds\":1732454400,\"nanos\":123456789} 2024-11-24", render("{{toJson .timestamp}}"
            + " {{date \"2006-01-02\" .timestamp.seconds}}", EXEC));
        assertEquals("{\"name\":\"argv\",\"str_array\":{\"value\":[\"ls\",\"-la\",\"/tmp\"]}}", render("{{toJson (index .data 1)}}",
            EXEC));
    }

    /** Go's error context is the node's text cut to 20 characters. */
    @Test
    void absentSubMessagesAreNilPointers()
    {
        final TemplateExecutionException ex = assertThrows(TemplateExecutionException.class,
            () -> render("{{.workload.container.id}}", EXEC));
        assertEquals("template: t:1:2: executing \"t\" at <.workload.container....>: nil pointer evaluating"
            + " *v1beta1.Container.id", ex.getMessage());
    }

    @Test
    void theUserStackIsAListOfAddressesAndNilWhenNotCaptured()
    {
        final Event withStack = Event.newBuilder().setId(EventId.openat)
            .setWorkload(Workload.newBuilder().setProcess(Process.newBuilder().setThread(Thread.newBuilder().setName("cat")
                .setUserStackTrace(UserStackTrace.newBuilder()
                    .addAddresses(StackAddress.newBuilder().setAddress(94557828469602L))
                    .addAddresses(StackAddress.newBuilder().setAddress(140379113652810L).setSymbol("main"))))))
            .build();
        assertEquals("2: 94557828469602 <> 140379113652810 <main> ", render("{{with .workload.process.thread.user_stack_trace}}"
            + "{{len .addresses}}: {{range .addresses}}{{.address}} <{{.symbol}}> {{end}}{{end}}", withStack));
        assertEquals("0x55fff5c6d362", render("{{printf \"%#x\" (index .workload.process.thread.user_stack_trace.addresses 0)"
            + ".address}}", withStack));
        assertEquals("none", render("{{if .workload.process.thread.user_stack_trace}}some{{else}}none{{end}}", EXEC));
    }

    @Test
    void socketAddressesAndTheirValue()
    {
        final Event connect = Event.newBuilder().setId(EventId.connect)
            .addData(EventValue.newBuilder().setName("addr").setSockaddr(SockAddr.newBuilder()
                .setSaFamily(SaFamilyT.AF_INET).setSinAddr("10.0.0.7").setSinPort(443)))
            .setWorkload(Workload.newBuilder().setContainer(Container.newBuilder().setId("abc")))
            .build();
        assertEquals("AF_INET 10.0.0.7:443 sa_family:AF_INET sin_addr:\"10.0.0.7\" sin_port:443 abc",
            render("{{with index .data 0}}{{.sockaddr.sa_family}} {{.sockaddr.sin_addr}}:{{.sockaddr.sin_port}} {{.value}}{{end}}"
                + " {{.workload.container.id}}", connect));
    }

    @Test
    void oneBadEventAmongGoodOnesFailsAloneAndTheFormatterGoesOn()
    {
        final GoTemplateFormatter formatter = formatter("{{.name}}:{{.workload.process.pid.value}}");
        final Event noWorkload = Event.newBuilder().setId(EventId.openat)
            .setWorkload(Workload.newBuilder().setContainer(Container.newBuilder().setId("c"))).build();
        assertEquals("sched_process_exec:12345", format(formatter, EXEC));
        final TemplateExecutionException ex = assertThrows(TemplateExecutionException.class, () -> format(formatter, noWorkload));
        assertEquals("template: t:1:12: executing \"t\" at <.workload.process.pi...>: nil pointer evaluating"
            + " *v1beta1.Process.pid", ex.getMessage());
        assertEquals("sched_process_exec:12345", format(formatter, EXEC));
    }

    @Test
    void renderingAllocatesNothingOnceWarm()
    {
        final GoTemplateFormatter formatter = formatter(DEFINE + DATA_ACCESS + AFTER + "{{if eq .name \"x\"}}{{end}}"
            + "{{upper .name}} {{len .data}} {{html .name}} {{printf \"%s|%v\" .name .data}} {{default \"d\" .name}}"
            + " {{join \",\" .policies.matched}} {{(split \"_\" .name)._0}} {{quote .name}} {{replace \"_\" \"-\" .name}}"
            + " {{printf \"%d|%5x|%-8.3d|%#o|%+d\" 5 255 7 8 .timestamp.seconds}} {{trim .name}} {{contains \"exec\" .name}} {{index .data 1}} {{slice .name 0 5}} {{.workload}}");
        final ExpandableArrayBuffer record = new ExpandableArrayBuffer();
        final EventProtoEncoder encoder = new EventProtoEncoder(CATALOG);
        encoder.policyNames(POLICIES);
        final int length = encoder.encode(EXEC, record, 0);
        final ExpandableArrayBuffer out = new ExpandableArrayBuffer(64 * 1024);
        for (int i = 0; i < 1000; i++)
        {
            formatter.format(record, 0, length, out, 0);
        }
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)java.lang.management.ManagementFactory.getThreadMXBean();
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++)
        {
            formatter.format(record, 0, length, out, 0);
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(0, allocated / 10_000, () -> allocated + " bytes allocated by 10,000 renderings");
    }

    private static String render(final String template, final Event event)
    {
        return format(formatter(template), event);
    }

    private static GoTemplateFormatter formatter(final String template)
    {
        return new GoTemplateFormatter(GoTemplate.parse("t", template.getBytes(StandardCharsets.UTF_8)), CATALOG, POLICIES,
            ZoneOffset.UTC);
    }

    private static String format(final GoTemplateFormatter formatter, final Event event)
    {
        final ExpandableArrayBuffer record = new ExpandableArrayBuffer();
        final EventProtoEncoder encoder = new EventProtoEncoder(CATALOG);
        encoder.policyNames(POLICIES);
        final int length = encoder.encode(event, record, 0);
        final ExpandableArrayBuffer out = new ExpandableArrayBuffer();
        final int written = formatter.format(record, 0, length, out, 0);
        return new String(out.byteArray(), 0, written, StandardCharsets.UTF_8);
    }
}
