package io.sluice.format;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.proto.EventProtoEncoder;
import io.sluice.codec.sbe.SockaddrBlob;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventId;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.Process;
import io.sluice.proto.v1beta1.SaFamilyT;
import io.sluice.proto.v1beta1.SockAddr;
import io.sluice.proto.v1beta1.StringArray;
import io.sluice.proto.v1beta1.Thread;
import io.sluice.proto.v1beta1.Timestamp;
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

/**
 * The table format prints Tracee's columns: TIME (local HH:MM:SS:micros) UID COMM PID TID EVENT ARGS, with
 * arguments as {@code name: value} like Go's {@code %v}.
 */
class TableFormatterTest
{
    private final EventCatalog catalog = EventCatalog.standard();

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

    private String render(final Event event)
    {
        final ExpandableArrayBuffer record = new ExpandableArrayBuffer();
        final int length = new EventProtoEncoder(catalog).encode(event, record, 0);
        final ExpandableArrayBuffer out = new ExpandableArrayBuffer();
        final int written = new TableFormatter(catalog).format(record, 0, length, out, 0);
        return out.getStringWithoutLengthUtf8(0, written);
    }
}
