package io.sluice.codec.wire;

import static io.sluice.codec.wire.FieldKind.STRING;
import static io.sluice.codec.wire.FieldKind.UINT32;
import static io.sluice.codec.wire.WireField.scalar;

/**
 * Tracee's packet header messages ({@code IPv4}, {@code IPv6}, {@code TCP}, {@code UDP}, {@code ICMP}, {@code ICMPv6},
 * {@code PacketMetadata}), field for field as {@code api/v1beta1/event_data.proto} declares them.
 */
public final class PacketShapes
{
    /** {@code PacketDirection}'s names by number. */
    static final String[] PACKET_DIRECTION = {"INVALID", "INGRESS", null, "EGRESS"};

    /** {@code IPv4}. */
    public static final WireShape IPV4 = WireShape.of("IPv4",
        scalar(1, "version", UINT32), scalar(2, "ihl", UINT32), scalar(3, "tos", UINT32), scalar(4, "length", UINT32),
        scalar(5, "id", UINT32), scalar(6, "flags", UINT32), scalar(7, "frag_offset", UINT32), scalar(8, "ttl", UINT32),
        scalar(9, "protocol", STRING), scalar(10, "checksum", UINT32), scalar(11, "src_ip", STRING),
        scalar(12, "dst_ip", STRING));

    /** {@code IPv6}. */
    public static final WireShape IPV6 = WireShape.of("IPv6",
        scalar(1, "version", UINT32), scalar(2, "traffic_class", UINT32), scalar(3, "flow_label", UINT32),
        scalar(4, "length", UINT32), scalar(5, "next_header", STRING), scalar(6, "hop_limit", UINT32),
        scalar(7, "src_ip", STRING), scalar(8, "dst_ip", STRING));

    /** {@code TCP}. */
    public static final WireShape TCP = WireShape.of("TCP",
        scalar(1, "src_port", UINT32), scalar(2, "dst_port", UINT32), scalar(3, "seq", UINT32), scalar(4, "ack", UINT32),
        scalar(5, "data_offset", UINT32), scalar(6, "fin_flag", UINT32), scalar(7, "syn_flag", UINT32),
        scalar(8, "rst_flag", UINT32), scalar(9, "psh_flag", UINT32), scalar(10, "ack_flag", UINT32),
        scalar(11, "urg_flag", UINT32), scalar(12, "ece_flag", UINT32), scalar(13, "cwr_flag", UINT32),
        scalar(14, "ns_flag", UINT32), scalar(15, "window", UINT32), scalar(16, "checksum", UINT32),
        scalar(17, "urgent", UINT32));

    /** {@code UDP}. */
    public static final WireShape UDP = WireShape.of("UDP",
        scalar(1, "src_port", UINT32), scalar(2, "dst_port", UINT32), scalar(3, "length", UINT32),
        scalar(4, "checksum", UINT32));

    /** {@code ICMP}. */
    public static final WireShape ICMP = WireShape.of("ICMP",
        scalar(1, "type_code", STRING), scalar(2, "checksum", UINT32), scalar(3, "id", UINT32), scalar(4, "seq", UINT32));

    /** {@code ICMPv6}. */
    public static final WireShape ICMPV6 = WireShape.of("ICMPv6",
        scalar(1, "type_code", STRING), scalar(2, "checksum", UINT32));

    /** {@code PacketMetadata}. */
    public static final WireShape PACKET_METADATA = WireShape.of("PacketMetadata",
        scalar(1, "src_ip", STRING), scalar(2, "dst_ip", STRING), scalar(3, "src_port", UINT32),
        scalar(4, "dst_port", UINT32), scalar(5, "protocol", UINT32), scalar(6, "packet_len", UINT32),
        scalar(7, "iface", STRING), WireField.enumField(8, "direction", PACKET_DIRECTION, false));

    private PacketShapes()
    {
    }
}
