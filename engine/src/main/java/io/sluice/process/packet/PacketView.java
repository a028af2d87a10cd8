package io.sluice.process.packet;

/**
 * One captured packet, from its IP header on: where the network, transport and application layers start and the
 * fields every network event reads (addresses, ports, protocol). Rewrapped per packet; owned by the ingest thread.
 */
final class PacketView
{
    static final int TCP = 6;
    static final int UDP = 17;
    static final int ICMP = 1;
    static final int ICMPV6 = 58;

    private final byte[] bytes;
    private int length;
    private int version;
    private int protocol;
    private int transport;
    private int payload;
    private final byte[] v4 = new byte[4];
    private final byte[] v6 = new byte[16];

    PacketView(final int capacity)
    {
        bytes = new byte[capacity];
    }

    byte[] bytes()
    {
        return bytes;
    }

    /**
     * @param captured bytes in {@link #bytes()}.
     * @return whether the packet is IPv4 or IPv6 with a whole IP header.
     */
    boolean wrap(final int captured)
    {
        length = captured;
        version = captured > 0 ? (bytes[0] & 0xff) >> 4 : 0;
        if (version == 4 && captured >= 20)
        {
            protocol = u8(9);
            transport = (bytes[0] & 15) * 4;
        }
        else if (version == 6 && captured >= 40)
        {
            protocol = u8(6);
            transport = 40;
        }
        else
        {
            return false;
        }
        payload = transport;
        if (protocol == TCP && transport + 20 <= length)
        {
            payload = transport + (u8(transport + 12) >> 4) * 4;
        }
        else if (protocol == UDP && transport + 8 <= length)
        {
            payload = transport + 8;
        }
        payload = Math.min(payload, length);
        return true;
    }

    int length()
    {
        return length;
    }

    int version()
    {
        return version;
    }

    int protocol()
    {
        return protocol;
    }

    int transport()
    {
        return transport;
    }

    int payload()
    {
        return payload;
    }

    boolean hasPorts()
    {
        return (protocol == TCP || protocol == UDP) && transport + 4 <= length;
    }

    int sourcePort()
    {
        return hasPorts() ? u16(transport) : 0;
    }

    int destinationPort()
    {
        return hasPorts() ? u16(transport + 2) : 0;
    }

    String source()
    {
        return address(version == 4 ? 12 : 8);
    }

    String destination()
    {
        return address(version == 4 ? 16 : 24);
    }

    int u8(final int offset)
    {
        return offset < length ? bytes[offset] & 0xff : 0;
    }

    int u16(final int offset)
    {
        return u8(offset) << 8 | u8(offset + 1);
    }

    long u32(final int offset)
    {
        return (long)u16(offset) << 16 | u16(offset + 2);
    }

    /** As Go's net.IP.String() prints it: dotted quad, or RFC 5952 text for IPv6. */
    private String address(final int offset)
    {
        final byte[] raw = version == 4 ? v4 : v6;
        System.arraycopy(bytes, offset, raw, 0, raw.length);
        if (version == 4)
        {
            return (raw[0] & 0xff) + "." + (raw[1] & 0xff) + "." + (raw[2] & 0xff) + "." + (raw[3] & 0xff);
        }
        return Ipv6Text.format(raw);
    }
}
