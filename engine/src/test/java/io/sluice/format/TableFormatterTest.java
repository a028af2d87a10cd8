package io.sluice.format;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.proto.EventProtoEncoder;
import io.sluice.codec.sbe.SockaddrBlob;
import io.sluice.proto.v1beta1.DnsQueryData;
import io.sluice.proto.v1beta1.DnsQuestions;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventId;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.Process;
import io.sluice.proto.v1beta1.SaFamilyT;
import io.sluice.proto.v1beta1.SockAddr;
import io.sluice.proto.v1beta1.StringArray;
import io.sluice.proto.v1beta1.Thread;
import io.sluice.proto.v1beta1.Timestamp;
import io.sluice.proto.v1beta1.UDP;
import io.sluice.proto.v1beta1.UInt32Value;
import io.sluice.proto.v1beta1.User;
import io.sluice.proto.v1beta1.Workload;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The table format prints current Tracee's columns: TIME (local HH:MM:SS:micros) UID COMM PID TID EVENT ARGS, with
 * arguments as {@code name: value} like Go's {@code %v}; in container mode CONTAINER_ID and PID/host, TID/host.
 */
class TableFormatterTest
{
    /** 1,732,454,400.123456789 s as the table prints it here. */
    static final String TIME = time(1_732_454_400L, 123_456);

    private final EventCatalog catalog = EventCatalog.standard();

    static String time(final long seconds, final int micros)
    {
        final LocalTime local = Instant.ofEpochSecond(seconds).atZone(ZoneId.systemDefault()).toLocalTime();
        return String.format("%02d:%02d:%02d:%06d", local.getHour(), local.getMinute(), local.getSecond(), micros);
    }

    @Test
    void headerIsTraceesColumns()
    {
        assertEquals("TIME             UID    COMM             PID     TID     EVENT                     ARGS\n",
            new String(new TableFormatter(catalog).preamble(), StandardCharsets.US_ASCII));
    }

    @Test
    void rowHasPaddedColumnsAndGoStyleArguments()
    {
        final long seconds = 1_732_454_400L;
        final Event event = Event.newBuilder()
            .setTimestamp(Timestamp.newBuilder().setSeconds(seconds).setNanos(123_456_789))
            .setId(EventId.connect)
            .setWorkload(Workload.newBuilder().setProcess(Process.newBuilder()
                .setThread(Thread.newBuilder().setName("curl").setTid(4321).setHostTid(4321))
                .setPid(UInt32Value.newBuilder().setValue(4321))
                .setRealUser(User.newBuilder().setId(UInt32Value.newBuilder().setValue(1000)))))
            .addData(EventValue.newBuilder().setName("sockfd").setInt32(-3))
            .addData(EventValue.newBuilder().setName("addr").setSockaddr(SockAddr.newBuilder()
                .setSaFamily(SaFamilyT.AF_INET).setSinAddr("127.0.0.1").setSinPort(8080)))
            .addData(EventValue.newBuilder().setName("argv").setStrArray(StringArray.newBuilder().addValue("a").addValue("b c")))
            .addData(EventValue.newBuilder().setName("big").setUInt64(-1L))
            .build();

        final String row = render(event);

        final LocalTime local = Instant.ofEpochSecond(seconds).atZone(ZoneId.systemDefault()).toLocalTime();
        final String time = String.format("%02d:%02d:%02d:%06d", local.getHour(), local.getMinute(), local.getSecond(), 123_456);
        assertEquals(String.format("%-16s %-6d %-16s %-7d %-7d %-25s %s", time, 1000, "curl", 4321, 4321, "connect",
            "sockfd: -3, addr: map[sa_family:AF_INET sin_addr:127.0.0.1 sin_port:8080], argv: [a b c], big: 18446744073709551615"),
            row);
    }

    @Test
    void ipv6AndUnixAddressesPrintLikeTraceesMaps()
    {
        final Event event = Event.newBuilder().setId(EventId.bind)
            .addData(EventValue.newBuilder().setName("a").setSockaddr(SockAddr.newBuilder()
                .setSaFamily(SaFamilyT.AF_INET6).setSin6Addr("fe80::1").setSin6Port(443).setSin6Scopeid(2)))
            .addData(EventValue.newBuilder().setName("u").setSockaddr(SockAddr.newBuilder()
                .setSaFamily(SaFamilyT.AF_UNIX).setSunPath("/run/x.sock")))
            .build();
        final String row = render(event);
        assertEquals("a: map[sa_family:AF_INET6 sin6_addr:fe80::1 sin6_flowinfo:0 sin6_port:443 sin6_scopeid:2], " +
            "u: map[sa_family:AF_UNIX sun_path:/run/x.sock]", row.substring(row.indexOf("a: ")));
        assertEquals(SockaddrBlob.AF_INET6, SaFamilyT.AF_INET6.getNumber());
    }

    @Test
    void messageArgumentsPrintAsGoPrintsTheProtobufMessage()
    {
        final Event event = Event.newBuilder().setId(EventId.bind)
            .addData(EventValue.newBuilder().setName("udp").setUdp(UDP.newBuilder().setSrcPort(40000).setDstPort(53).setLength(37)))
            .addData(EventValue.newBuilder().setName("dns_questions").setDnsQuestions(DnsQuestions.newBuilder()
                .addQuestions(DnsQueryData.newBuilder().setQuery("example.com").setQueryType("A").setQueryClass("IN"))))
            .addData(EventValue.newBuilder().setName("at").setPointer(0x7f12_3456_0000L))
            .build();
        final String row = render(event);
        assertEquals("udp: src_port:40000 dst_port:53 length:37, "
            + "dns_questions: questions:{query:\"example.com\" query_type:\"A\" query_class:\"IN\"}, at: 139716164190208",
            row.substring(row.indexOf("udp: ")));
    }

    @Test
    void containerModeHeaderAndRowsHaveTheContainerAndHostIds()
    {
        final TableFormatter table = new TableFormatter(catalog, TableLayout.table(true));
        assertEquals(String.format("%-16s %-13s %-6s %-16s %-15s %-15s %-25s %s%n", "TIME", "CONTAINER_ID", "UID", "COMM",
            "PID/host", "TID/host", "EVENT", "ARGS"), new String(table.preamble(), StandardCharsets.US_ASCII));
        final Event open = open(Records.event("openat", 77, "nginx", "/usr/sbin/nginx")).build();
        assertEquals(String.format("%-16s %-13s %-6s %-16s %-7d/%-7d %-7d/%-7d %-25s %s", TIME, "3f1c2a9b8d7e", "1000", "nginx",
            77, 100_077, 77, 100_077, "openat", "dirfd: -100, pathname: /etc/nginx/nginx.conf, flags: 0, returnValue: 7"),
            Records.render(table, Records.record(Records.inContainer(open.toBuilder()).build())));
        // a host process in container mode: an empty container id
        assertEquals(String.format("%-16s %-13s %-6s %-16s %-7d/%-7d %-7d/%-7d %-25s %s", TIME, "", "1000", "nginx",
            77, 100_077, 77, 100_077, "openat", "dirfd: -100, pathname: /etc/nginx/nginx.conf, flags: 0, returnValue: 7"),
            Records.render(table, Records.record(open)));
    }

    @Test
    void aWideValuePushesOnlyItsOwnRowAndALongEventNameIsCut()
    {
        final TableFormatter table = new TableFormatter(catalog);
        final Event.Builder wide = Records.event("a_rather_long_event_name_for_tests", 12_345_678, "fifteen-chars-x", "/x");
        wide.getWorkloadBuilder().getProcessBuilder().getRealUserBuilder().getIdBuilder().setValue(-2);
        final String wideRow = Records.render(table, Records.record(wide.setIdValue(5000).build()));
        assertEquals(String.format("%-16s %-6s %-16s %-7d %-7d %-25s ", TIME, "4294967294", "fifteen-chars-x", 12_345_678,
            12_345_678, "a_rather_long_event_na..."), wideRow);
        final String next = Records.render(table, Records.record(open(Records.event("openat", 77, "cat", "/bin/cat")).build()));
        final String header = new String(table.preamble(), StandardCharsets.US_ASCII);
        for (final String column : new String[] {"UID", "COMM", "PID", "TID", "EVENT", "ARGS"})
        {
            final int at = header.indexOf(column);
            assertEquals(' ', next.charAt(at - 1), column);
            assertTrue(next.charAt(at) != ' ', column + " in " + next);
        }
        assertEquals(header.indexOf("ARGS"), next.indexOf("dirfd: "));
    }

    @Test
    void aDetectionNamesTheEventItWasDetectedFromAndControlCharactersAreEscaped()
    {
        final Event detection = Records.event("anti_debugging", 9, "strace", "/usr/bin/strace")
            .setThreat(io.sluice.proto.v1beta1.Threat.newBuilder().setName("Anti-Debugging detected"))
            .setDetectedFrom(Event.newBuilder().setId(EventId.ptrace)
                .addData(Records.int64("request", 0)).addData(Records.int64("returnValue", -1)))
            .build();
        final String row = render(detection);
        assertEquals("detectedFrom: ptrace", row.substring(row.indexOf("detectedFrom")));
        final String escaped = render(open(Records.event("openat", 7, "bad\ncomm", "/x")).setData(1,
            Records.str("pathname", "/tmp/a\nb\tc\u001b[2J")).build());
        assertTrue(escaped.contains("bad\\ncomm"), escaped);
        assertTrue(escaped.contains("pathname: /tmp/a\\nb\\tc\\x1b[2J,"), escaped);
        assertEquals(-1, escaped.indexOf('\n'));
    }

    static Event.Builder open(final Event.Builder event)
    {
        return event.addData(Records.int32("dirfd", -100)).addData(Records.str("pathname", "/etc/nginx/nginx.conf"))
            .addData(Records.int32("flags", 0)).addData(Records.int64("returnValue", 7));
    }

    private String render(final Event event)
    {
        final ExpandableArrayBuffer record = new ExpandableArrayBuffer();
        final int length = new EventProtoEncoder(catalog).encode(event, record, 0);
        final ExpandableArrayBuffer out = new ExpandableArrayBuffer();
        final int written = new TableFormatter(catalog).format(record, 0, length, out, 0);
        return out.getStringWithoutLengthUtf8(0, written);
    }
}
