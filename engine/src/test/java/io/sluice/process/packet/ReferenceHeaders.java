package io.sluice.process.packet;

import io.sluice.proto.v1beta1.ICMP;
import io.sluice.proto.v1beta1.ICMPv6;
import io.sluice.proto.v1beta1.IPv4;
import io.sluice.proto.v1beta1.IPv6;
import io.sluice.proto.v1beta1.PacketDirection;
import io.sluice.proto.v1beta1.PacketMetadata;
import io.sluice.proto.v1beta1.TCP;
import io.sluice.proto.v1beta1.UDP;

/**
 * The header messages through protobuf's own builders, field for field as Tracee's {@code getProtoIPv4},
 * {@code getProtoTCP}, ... fill them from gopacket's layers: what {@link HeaderWire}'s bytes must equal.
 */
final class ReferenceHeaders
{
    private ReferenceHeaders()
    {
    }

    static PacketMetadata packetMetadata(final PacketView packet, final String iface)
    {
        return PacketMetadata.newBuilder().setSrcIp(packet.source()).setDstIp(packet.destination())
            .setSrcPort(packet.sourcePort()).setDstPort(packet.destinationPort()).setProtocol(packet.protocol())
            .setPacketLen(packet.u16(packet.version() == 4 ? 2 : 4)).setIface(iface).build();
    }

    static PacketMetadata directionMetadata(final int direction)
    {
        return PacketMetadata.newBuilder().setDirection(direction == 1 ? PacketDirection.INGRESS : PacketDirection.EGRESS)
            .build();
    }

    static IPv4 ipv4(final PacketView p)
    {
        final int flagsAndOffset = p.u16(6);
        return IPv4.newBuilder().setVersion(4).setIhl(p.u8(0) & 15).setTos(p.u8(1)).setLength(p.u16(2)).setId(p.u16(4))
            .setFlags(flagsAndOffset >> 13).setFragOffset(flagsAndOffset & 0x1fff).setTtl(p.u8(8))
            .setProtocol(HeaderWire.protocolName(p.protocol())).setChecksum(p.u16(10)).setSrcIp(p.source()).setDstIp(p.destination())
            .build();
    }

    static IPv6 ipv6(final PacketView p)
    {
        return IPv6.newBuilder().setVersion(6).setTrafficClass((p.u8(0) & 15) << 4 | p.u8(1) >> 4)
            .setFlowLabel((p.u8(1) & 15) << 16 | p.u16(2)).setLength(p.u16(4)).setNextHeader(HeaderWire.protocolName(p.protocol()))
            .setHopLimit(p.u8(7)).setSrcIp(p.source()).setDstIp(p.destination()).build();
    }

    static TCP tcp(final PacketView p)
    {
        final int t = p.transport();
        final int offsetAndNs = p.u8(t + 12);
        final int flags = p.u8(t + 13);
        return TCP.newBuilder().setSrcPort(p.u16(t)).setDstPort(p.u16(t + 2)).setSeq((int)p.u32(t + 4))
            .setAck((int)p.u32(t + 8)).setDataOffset(offsetAndNs >> 4).setFinFlag(flags & 1).setSynFlag(flags >> 1 & 1)
            .setRstFlag(flags >> 2 & 1).setPshFlag(flags >> 3 & 1).setAckFlag(flags >> 4 & 1).setUrgFlag(flags >> 5 & 1)
            .setEceFlag(flags >> 6 & 1).setNsFlag(offsetAndNs & 1).setWindow(p.u16(t + 14)).setChecksum(p.u16(t + 16))
            .setUrgent(p.u16(t + 18)).build();
    }

    static UDP udp(final PacketView p)
    {
        final int t = p.transport();
        return UDP.newBuilder().setSrcPort(p.u16(t)).setDstPort(p.u16(t + 2)).setLength(p.u16(t + 4))
            .setChecksum(p.u16(t + 6)).build();
    }

    static ICMP icmp(final PacketView p)
    {
        final int t = p.transport();
        return ICMP.newBuilder().setTypeCode(IcmpNames.v4(p.u8(t), p.u8(t + 1))).setChecksum(p.u16(t + 2))
            .setId(p.u16(t + 4)).setSeq(p.u16(t + 6)).build();
    }

    static ICMPv6 icmpv6(final PacketView p)
    {
        final int t = p.transport();
        return ICMPv6.newBuilder().setTypeCode(IcmpNames.v6(p.u8(t), p.u8(t + 1))).setChecksum(p.u16(t + 2)).build();
    }
}
