package io.sluice.process.packet;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * Tracee's packet header messages ({@code PacketMetadata}, {@code IPv4}, {@code IPv6}, {@code TCP}, {@code UDP},
 * {@code ICMP}, {@code ICMPv6}) written straight from a {@link PacketView} in the canonical wire form (fields in
 * number order, defaults left out, minimal varints), into one reused buffer: nothing is allocated per packet except an
 * ICMP type code with a numbered code. Field for field as Tracee's {@code getProtoIPv4}, {@code getProtoTCP}, ... fill
 * them from gopacket's layers (TCP's CWR flag, which Tracee does not copy, stays 0).
 */
final class HeaderWire
{
    private static final int CAPACITY = 256;

    private final byte[] bytes = new byte[CAPACITY];
    private final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
    private final byte[] address = new byte[16];
    private final byte[] text = new byte[48];
    private int position;

    /** @return the buffer the last message was written to, from index 0. */
    UnsafeBuffer buffer()
    {
        return buffer;
    }

    /** @return the address text's length in {@link #text()}: the packet's source or destination as Go prints it. */
    int addressText(final PacketView p, final boolean source)
    {
        final boolean v4 = p.version() == 4;
        final int offset = v4 ? source ? 12 : 16 : source ? 8 : 24;
        System.arraycopy(p.bytes(), offset, address, 0, v4 ? 4 : 16);
        return v4 ? Ipv6Text.writeV4(address, 0, text, 0) : Ipv6Text.write(address, text);
    }

    byte[] text()
    {
        return text;
    }

    /**
     * Tracee's metadata of the DNS and HTTP request and response events ({@code trace.PktMeta}): addresses, ports,
     * protocol, the IP header's length field, the interface; no direction.
     */
    int packetMetadata(final PacketView p, final byte[] iface, final int ifaceLength)
    {
        position = 0;
        address(1, p, true);
        address(2, p, false);
        varint(3, p.sourcePort());
        varint(4, p.destinationPort());
        varint(5, p.protocol());
        varint(6, p.u16(p.version() == 4 ? 2 : 4));
        bytes(7, iface, ifaceLength);
        return position;
    }

    /** Tracee's metadata of the header events ({@code trace.PacketMetadata}): the direction alone. */
    int directionMetadata(final int direction)
    {
        position = 0;
        varint(8, direction);
        return position;
    }

    int ipv4(final PacketView p)
    {
        position = 0;
        final int flagsAndOffset = p.u16(6);
        varint(1, 4);
        varint(2, p.u8(0) & 15);
        varint(3, p.u8(1));
        varint(4, p.u16(2));
        varint(5, p.u16(4));
        varint(6, flagsAndOffset >> 13);
        varint(7, flagsAndOffset & 0x1fff);
        varint(8, p.u8(8));
        ascii(9, protocolName(p.protocol()));
        varint(10, p.u16(10));
        address(11, p, true);
        address(12, p, false);
        return position;
    }

    int ipv6(final PacketView p)
    {
        position = 0;
        varint(1, 6);
        varint(2, (p.u8(0) & 15) << 4 | p.u8(1) >> 4);
        varint(3, (p.u8(1) & 15) << 16 | p.u16(2));
        varint(4, p.u16(4));
        ascii(5, protocolName(p.protocol()));
        varint(6, p.u8(7));
        address(7, p, true);
        address(8, p, false);
        return position;
    }

    int tcp(final PacketView p)
    {
        position = 0;
        final int t = p.transport();
        final int offsetAndNs = p.u8(t + 12);
        final int flags = p.u8(t + 13);
        varint(1, p.u16(t));
        varint(2, p.u16(t + 2));
        varint(3, p.u32(t + 4));
        varint(4, p.u32(t + 8));
        varint(5, offsetAndNs >> 4);
        for (int bit = 0; bit < 7; bit++)
        {
            varint(6 + bit, flags >> bit & 1); // fin, syn, rst, psh, ack, urg, ece; cwr (13) as Tracee: never copied
        }
        varint(14, offsetAndNs & 1);
        varint(15, p.u16(t + 14));
        varint(16, p.u16(t + 16));
        varint(17, p.u16(t + 18));
        return position;
    }

    int udp(final PacketView p)
    {
        position = 0;
        final int t = p.transport();
        varint(1, p.u16(t));
        varint(2, p.u16(t + 2));
        varint(3, p.u16(t + 4));
        varint(4, p.u16(t + 6));
        return position;
    }

    int icmp(final PacketView p)
    {
        position = 0;
        final int t = p.transport();
        ascii(1, IcmpNames.v4(p.u8(t), p.u8(t + 1)));
        varint(2, p.u16(t + 2));
        varint(3, p.u16(t + 4));
        varint(4, p.u16(t + 6));
        return position;
    }

    int icmpv6(final PacketView p)
    {
        position = 0;
        final int t = p.transport();
        ascii(1, IcmpNames.v6(p.u8(t), p.u8(t + 1)));
        varint(2, p.u16(t + 2));
        return position;
    }

    /** gopacket's IPProtocol names. */
    static String protocolName(final int protocol)
    {
        return switch (protocol)
        {
            case 0 -> "IPv6HopByHop";
            case 1 -> "ICMPv4";
            case 2 -> "IGMP";
            case 4 -> "IPv4";
            case 6 -> "TCP";
            case 17 -> "UDP";
            case 41 -> "IPv6";
            case 43 -> "IPv6Routing";
            case 44 -> "IPv6Fragment";
            case 47 -> "GRE";
            case 50 -> "IPSecESP";
            case 51 -> "IPSecAH";
            case 58 -> "ICMPv6";
            case 59 -> "IPv6NoNextHeader";
            case 60 -> "IPv6Destination";
            case 132 -> "SCTP";
            case 136 -> "UDPLite";
            default -> "Unknown";
        };
    }

    private void address(final int field, final PacketView p, final boolean source)
    {
        bytes(field, text, addressText(p, source));
    }

    private void ascii(final int field, final String value)
    {
        if (value.isEmpty())
        {
            return;
        }
        raw(field << 3 | 2);
        raw(value.length());
        for (int i = 0; i < value.length(); i++)
        {
            bytes[position++] = (byte)value.charAt(i);
        }
    }

    private void bytes(final int field, final byte[] value, final int length)
    {
        if (length == 0)
        {
            return;
        }
        raw(field << 3 | 2);
        raw(length);
        System.arraycopy(value, 0, bytes, position, length);
        position += length;
    }

    private void varint(final int field, final long value)
    {
        if (value == 0)
        {
            return;
        }
        raw(field << 3);
        raw(value);
    }

    private void raw(final long value)
    {
        long v = value;
        while ((v & ~0x7FL) != 0)
        {
            bytes[position++] = (byte)(v & 0x7F | 0x80);
            v >>>= 7;
        }
        bytes[position++] = (byte)v;
    }
}
