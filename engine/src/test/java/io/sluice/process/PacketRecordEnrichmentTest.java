package io.sluice.process;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.proto.EventProtoDecoder;
import io.sluice.codec.sbe.KernelEventEncoder;
import io.sluice.codec.sbe.MessageHeaderEncoder;
import io.sluice.codec.sbe.ValueType;
import io.sluice.proto.v1beta1.DnsQueryData;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.PacketDirection;
import io.sluice.proto.v1beta1.PacketMetadata;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The sensor's packet record (length, direction, interface padded to 16 bytes, the packet from its IP header on)
 * becomes the network event's own arguments: a DNS query sent on {@code lo} as {@code net_packet_dns_request} and as
 * {@code net_packet_udp}, attributed to the socket's owner the record carries; the metadata as Tracee fills it (the
 * request's addresses without direction, the header event's direction alone).
 */
class PacketRecordEnrichmentTest
{
    private static final int OWNER = (int)ProcessHandle.current().pid();
    private static final byte[] QUERY = bytes(
        0x45, 0, 0, 49, 0, 1, 0x40, 0, 64, 17, 0, 0, 127, 0, 0, 1, 127, 0, 0, 53,
        0x9c, 0x40, 0, 53, 0, 29, 0, 0,
        0x12, 0x34, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 3, 'f', 'o', 'o', 0, 0, 28, 0, 1);

    private final EventCatalog catalog = EventCatalog.standard();
    private final KernelEventEnricher enricher = new KernelEventEnricher(catalog, ProcessTree.system(), "x86_64");
    private final EventProtoDecoder decoder = new EventProtoDecoder(catalog);
    private final ExpandableArrayBuffer raw = new ExpandableArrayBuffer();
    private final ExpandableArrayBuffer out = new ExpandableArrayBuffer();

    @Test
    void aDnsQueryRecordBecomesTheRequestsQuestionsAndMetadata()
    {
        final Event event = enrich(2007);
        assertEquals("net_packet_dns_request", event.getName());
        assertEquals(OWNER, event.getWorkload().getProcess().getPid().getValue());
        assertEquals(List.of("metadata", "dns_questions"), event.getDataList().stream().map(EventValue::getName).toList());
        assertEquals(PacketMetadata.newBuilder().setSrcIp("127.0.0.1").setDstIp("127.0.0.53").setSrcPort(40_000)
            .setDstPort(53).setProtocol(17).setPacketLen(49).setIface("lo").build(),
            event.getData(0).getPacketMetadata());
        assertEquals(List.of(DnsQueryData.newBuilder().setQuery("foo").setQueryType("AAAA").setQueryClass("IN").build()),
            event.getData(1).getDnsQuestions().getQuestionsList());
    }

    @Test
    void theSameRecordAsAUdpEventHasAddressesAndPorts()
    {
        final Event event = enrich(2003);
        assertEquals(List.of("src", "dst", "src_port", "dst_port", "metadata", "proto_udp"),
            event.getDataList().stream().map(EventValue::getName).toList());
        assertEquals("127.0.0.53", event.getData(1).getStr());
        assertEquals(53, event.getData(3).getUInt32());
        assertEquals(29, event.getData(5).getUdp().getLength());
        assertEquals(PacketMetadata.newBuilder().setDirection(PacketDirection.EGRESS).build(), event.getData(4).getPacketMetadata());
    }

    private Event enrich(final int eventId)
    {
        final KernelEventEncoder encoder = new KernelEventEncoder().wrapAndApplyHeader(raw, 0, new MessageHeaderEncoder())
            .timestampNanos(1_000).eventId(eventId).hostPid(OWNER).hostTid(OWNER).hostPpid(1).pid(OWNER).tid(OWNER).ppid(1)
            .uid(0).gid(0).euid(0).cgroupId(1).mntNsId(1).pidNsId(1).threadStartNanos(0).processStartNanos(0)
            .parentStartNanos(0).syscallNr(-1).retval(0).compat((short)0).comm("dig").treeOnly((short)0)
            .capEffective(0).capPermitted(0).capInheritable(0).utsName("host");
        final byte[] iface = Arrays.copyOf("lo".getBytes(StandardCharsets.US_ASCII), 16);
        final KernelEventEncoder.ArgsEncoder args = encoder.argsCount(4);
        args.next().valueType(ValueType.UINT32).intValue(QUERY.length).putValue(new byte[0], 0, 0);
        args.next().valueType(ValueType.UINT32).intValue(3).putValue(new byte[0], 0, 0);
        args.next().valueType(ValueType.STR).intValue(1).putValue(iface, 0, iface.length);
        args.next().valueType(ValueType.BYTES).intValue(0).putValue(QUERY, 0, QUERY.length);
        encoder.putUserStack(new byte[0], 0, 0);
        final int written = enricher.enrich(raw, 0, out);
        return decoder.decode(out, 0, written);
    }

    private static byte[] bytes(final int... values)
    {
        final byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++)
        {
            bytes[i] = (byte)values[i];
        }
        return bytes;
    }
}
