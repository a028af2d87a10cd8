package io.sluice.format;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.proto.v1beta1.DnsQueryData;
import io.sluice.proto.v1beta1.DnsQuestions;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventId;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.PacketMetadata;
import io.sluice.proto.v1beta1.Severity;
import io.sluice.proto.v1beta1.Threat;
import io.sluice.proto.v1beta1.UDP;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.sluice.format.Records.argv;
import static io.sluice.format.Records.event;
import static io.sluice.format.Records.int32;
import static io.sluice.format.Records.int64;
import static io.sluice.format.Records.ipv4;
import static io.sluice.format.Records.ipv6;
import static io.sluice.format.Records.record;
import static io.sluice.format.Records.str;
import static io.sluice.format.Records.uint32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code compact} format prints Tetragon's {@code tetra getevents -o compact} line, {@code <emoji> <label padded to
 * 7> <source> <binary> <details>}, for every kind of event of the catalog, with Tetragon's colour codes when colouring.
 */
class CompactFormatterTest
{
    private final CompactFormatter plain = new CompactFormatter(Records.CATALOG, false);
    private final CompactFormatter colored = new CompactFormatter(Records.CATALOG, true);

    private static Event exec()
    {
        return event("sched_process_exec", 52699, "curl", "/usr/bin/curl")
            .addData(str("pathname", "/usr/bin/curl")).addData(argv("curl", "https://ebpf.io/")).build();
    }

    private static Event exit(final long status, final int signal)
    {
        return event("sched_process_exit", 52699, "curl", "/usr/bin/curl")
            .addData(int64("exit_code", status)).addData(int32("signal_code", signal)).build();
    }

    private String line(final Event event)
    {
        return Records.render(plain, record(event));
    }

    @Test
    void execPrintsTheArgumentsAfterArgvZero()
    {
        assertEquals("🚀 process host /usr/bin/curl https://ebpf.io/", line(exec()));
    }

    @Test
    void argumentsWithASpaceAreQuotedAsTetragonQuotesThem()
    {
        // Tetragon's process.arguments wraps an argument holding a space in quotes; maybeQuote then quotes the text
        assertEquals("🚀 process host /bin/bash \"-c \\\"curl https://ebpf.io/\\\"\"", line(event("sched_process_exec", 7,
            "bash", "/bin/bash").addData(argv("bash", "-c", "curl https://ebpf.io/")).build()));
        // no arguments: an empty field after the binary, as Tetragon prints it
        assertEquals("🚀 process host /usr/bin/ls ", line(event("sched_process_exec", 7, "ls", "/usr/bin/ls")
            .addData(argv("ls")).build()));
    }

    @Test
    void exitPrintsTheStatusOrTheSignalByName()
    {
        assertEquals("💥 exit    host /usr/bin/curl 60", line(exit(60, 0)));
        assertEquals("💥 exit    host /usr/bin/curl SIGKILL", line(exit(0, 9)));
        // a real-time signal has no name: the status, as Tetragon
        assertEquals("💥 exit    host /usr/bin/curl 0", line(exit(0, 34)));
    }

    @Test
    void connectPrintsTheAddressAndPort()
    {
        assertEquals("🔌 connect host /usr/bin/curl 104.198.14.52:443", line(event("connect", 9, "curl", "/usr/bin/curl")
            .addData(int32("sockfd", 5)).addData(ipv4("addr", "104.198.14.52", 443)).addData(int32("addrlen", 16)).build()));
        assertEquals("🔌 connect host /usr/bin/curl [2606:4700::6810:84e5]:443", line(event("connect", 9, "curl",
            "/usr/bin/curl").addData(int32("sockfd", 5)).addData(ipv6("addr", "2606:4700::6810:84e5", 443)).build()));
    }

    @Test
    void networkEventsPrintTheirAddressesAndTheirMessages()
    {
        final EventValue metadata = EventValue.newBuilder().setName("metadata").setPacketMetadata(PacketMetadata.newBuilder()
            .setSrcIp("10.0.0.7").setDstIp("10.0.0.1").setSrcPort(40000).setDstPort(53).setProtocol(17)).build();
        assertEquals("🌐 dns     host /usr/bin/dig questions:{query:\"example.com\" query_type:\"A\" query_class:\"IN\"}",
            line(event("net_packet_dns_request", 3, "dig", "/usr/bin/dig").addData(metadata)
                .addData(EventValue.newBuilder().setName("dns_questions").setDnsQuestions(DnsQuestions.newBuilder()
                    .addQuestions(DnsQueryData.newBuilder().setQuery("example.com").setQueryType("A").setQueryClass("IN"))))
                .build()));
        assertEquals("📦 udp     host /usr/bin/dig src=10.0.0.7 src_port=40000 dst=10.0.0.1 dst_port=53",
            line(event("net_packet_udp", 3, "dig", "/usr/bin/dig").addData(str("src", "10.0.0.7"))
                .addData(str("dst", "10.0.0.1")).addData(uint32("src_port", 40000)).addData(uint32("dst_port", 53))
                .addData(metadata).addData(EventValue.newBuilder().setName("proto_udp").setUdp(UDP.newBuilder().setSrcPort(40000)))
                .build()));
    }

    @Test
    void oneLinePerKindOfEvent()
    {
        assertEquals("📬 open    host /usr/bin/cat /etc/passwd", line(event("openat", 3, "cat", "/usr/bin/cat")
            .addData(int32("dirfd", -100)).addData(str("pathname", "/etc/passwd")).addData(int32("flags", 0)).build()));
        assertEquals("🔑 setuid  host /usr/bin/sudo 0", line(event("setuid", 3, "sudo", "/usr/bin/sudo")
            .addData(uint32("uid", 0)).addData(int64("returnValue", 0)).build()));
        assertEquals("🐝 bpf     host /usr/sbin/bpftool BPF_PROG_LOAD", line(event("bpf", 3, "bpftool", "/usr/sbin/bpftool")
            .addData(int32("cmd", 5)).addData(int64("returnValue", 3)).build()));
        assertEquals("💾 mount   host /usr/bin/mount tmpfs /mnt/scratch", line(event("mount", 3, "mount", "/usr/bin/mount")
            .addData(str("source", "tmpfs")).addData(str("target", "/mnt/scratch")).addData(str("filesystemtype", "tmpfs"))
            .build()));
        assertEquals("💀 kill    host /usr/bin/kill 4321 SIGTERM", line(event("kill", 3, "kill", "/usr/bin/kill")
            .addData(int32("pid", 4321)).addData(int32("sig", 15)).build()));
        assertEquals("🔐 chmod   host /usr/bin/chmod /tmp/x 0755", line(event("fchmodat", 3, "chmod", "/usr/bin/chmod")
            .addData(int32("dirfd", -100)).addData(str("pathname", "/tmp/x")).addData(uint32("mode", 0755)).build()));
        assertEquals("🔍 ptrace  host /usr/bin/strace request=0 pid=0", line(event("ptrace", 3, "strace", "/usr/bin/strace")
            .addData(int64("request", 0)).addData(int32("pid", 0)).build()));
        assertEquals("🚀 execve  host /bin/bash /usr/bin/env -i", line(event("execve", 3, "bash", "/bin/bash")
            .addData(str("pathname", "/usr/bin/env")).addData(argv("env", "-i")).build()));
    }

    @Test
    void aDetectionPrintsItsSeverityAndThreat()
    {
        final Event detection = event("anti_debugging", 3, "strace", "/usr/bin/strace")
            .setThreat(Threat.newBuilder().setName("Anti-Debugging detected").setSeverity(Severity.LOW))
            .setDetectedFrom(Event.newBuilder().setId(EventId.ptrace)).build();
        assertEquals("⚠️ LOW     host /usr/bin/strace anti_debugging \"Anti-Debugging detected\"", line(detection));
        // a detector the table does not know yet prints as a detection too, with its severity
        final Event later = event("future_detector", 3, "x", "/x").setIdValue(6199)
            .setThreat(Threat.newBuilder().setName("Something").setSeverity(Severity.CRITICAL)).build();
        assertEquals("⚠️ CRITICAL host /x future_detector Something", line(later));
    }

    @Test
    void anEventTheTableLacksPrintsItsNameAndEveryArgument()
    {
        final EventCatalog catalog = EventCatalog.parse(new ByteArrayInputStream(("events:\n"
            + "  - {id: 1, name: write, sets: [fs], syscall: {x86_64: 1}, args: [{name: fd, type: int32}, {name: buf, type: str}]}\n"
            + "  - {id: 2000, name: magic_event, sets: [misc]}\n").getBytes(StandardCharsets.UTF_8)));
        final CompactFormatter formatter = new CompactFormatter(catalog, false);
        final Event write = event("x", 3, "echo", "/usr/bin/echo").setIdValue(1).setName("")
            .addData(int32("fd", 1)).addData(str("buf", "hi there")).addData(int64("returnValue", 9)).build();
        assertEquals("⚙️ syscall host /usr/bin/echo write fd=1 buf=\"hi there\" returnValue=9",
            Records.render(formatter, record(write, catalog)));
        final Event magic = event("x", 3, "echo", "/usr/bin/echo").setIdValue(2000).setName("").build();
        assertEquals("❓ event   host /usr/bin/echo magic_event", Records.render(formatter, record(magic, catalog)));
        // an id no catalog knows: the record's own name
        assertEquals("❓ event   host /usr/bin/echo brand_new n=1", line(event("brand_new", 3, "echo", "/usr/bin/echo")
            .setIdValue(777).addData(int32("n", 1)).build()));
    }

    @Test
    void theSourceIsThePodElseTheShortContainerIdElseHost()
    {
        assertEquals("🚀 process 3f1c2a9b8d7e /usr/bin/curl https://ebpf.io/", line(Records.inContainer(exec().toBuilder()).build()));
        assertEquals("🚀 process default/xwing /usr/bin/curl https://ebpf.io/", line(Records.inPod(exec().toBuilder()).build()));
        final Event.Builder prefixed = exec().toBuilder();
        prefixed.getWorkloadBuilder().getContainerBuilder().setId("containerd://551e161c47d8ff0eb665438a7bcd5b4e3ef5a297");
        assertEquals("🚀 process 551e161c47d8 /usr/bin/curl https://ebpf.io/", line(prefixed.build()));
    }

    @Test
    void textThatCouldMoveTheCursorIsQuoted()
    {
        assertEquals("📬 open    host /usr/bin/cat \"/tmp/a\\nb\\x1b[2J\\u00a0c\"", line(event("openat", 3, "cat", "/usr/bin/cat")
            .addData(str("pathname", "/tmp/a\nb\u001b[2J\u00a0c")).build()));
        // printable text beyond ASCII is not quoted
        assertEquals("📬 open    host /usr/bin/cat /tmp/café", line(event("openat", 3, "cat", "/usr/bin/cat")
            .addData(str("pathname", "/tmp/café")).build()));
        // the thread's name stands in for an unknown executable
        assertEquals("📬 open    host kworker/0:1 /x", line(event("openat", 3, "kworker/0:1", "").addData(str("pathname", "/x"))
            .build()));
    }

    @Test
    void colourCodesAreTetragons()
    {
        final String blue = "\u001b[34m";
        final String green = "\u001b[32m";
        final String magenta = "\u001b[35m";
        final String cyan = "\u001b[36m";
        final String red = "\u001b[31m";
        final String reset = "\u001b[0m";
        assertEquals(blue + "🚀 process" + reset + " " + green + "host" + reset + " " + magenta + "/usr/bin/curl" + reset
            + " " + cyan + "https://ebpf.io/" + reset, Records.render(colored, record(exec())));
        assertEquals(blue + "💥 exit   " + reset + " " + green + "default/xwing" + reset + " " + magenta + "/usr/bin/curl"
            + reset + " " + red + "SIGKILL" + reset, Records.render(colored, record(Records.inPod(exit(0, 9).toBuilder()).build())));
    }

    @Test
    void capSysAdminIsShownAtColumn120AsTetragonShowsIt()
    {
        final String line = "🚀 process host /usr/bin/curl https://ebpf.io/";
        // Tetragon: fmt.Sprintf("%s %*s", line, 120 - len(line), caps), len counting bytes (🚀 is 4)
        final int padding = 120 - line.getBytes(StandardCharsets.UTF_8).length;
        final String caps = "🛑 CAP_SYS_ADMIN";
        final String expected = line + " " + " ".repeat(padding - (int)caps.codePoints().count()) + caps;
        assertEquals(expected, Records.render(plain, Records.withKernelContext(record(exec()), 1L << 21, "", 0, 0)));
        // capabilities without CAP_SYS_ADMIN: nothing
        assertEquals(line, Records.render(plain, Records.withKernelContext(record(exec()), (1L << 21) - 1, "", 0, 0)));
        // coloured: the same spaces, the trailer in magenta
        assertTrue(Records.render(colored, Records.withKernelContext(record(exec()), 1L << 21, "", 0, 0))
            .endsWith(" ".repeat(padding - 15) + "\u001b[35m🛑 CAP_SYS_ADMIN\u001b[0m"));
    }

    @Test
    void everyEventBeyondSyscallsHasARowAndEveryRowAnEvent()
    {
        // a syscall without a row prints as "⚙️ syscall" with every argument; any other event needs its own row
        final List<String> missing = new ArrayList<>();
        for (final EventDefinition event : Records.CATALOG.events())
        {
            if (!event.isSyscall() && !CompactTable.names().contains(event.name()))
            {
                missing.add(event.name());
            }
        }
        assertEquals(List.of(), missing);
        final List<String> unknown = new ArrayList<>(CompactTable.names());
        unknown.removeIf(name -> Records.CATALOG.byName(name) != null);
        assertEquals(List.of(), unknown);
    }
}
