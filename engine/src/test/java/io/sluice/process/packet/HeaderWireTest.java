package io.sluice.process.packet;

import com.google.protobuf.MessageLite;
import io.sluice.codec.wire.WireCanonical;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The header messages written without protobuf are byte for byte what protobuf's deterministic serialization writes
 * for the same fields ({@link ReferenceHeaders}), for IPv4 and IPv6 packets of every transport, and the addresses as
 * Go prints them.
 */
class HeaderWireTest
{
    private static final byte[] TCP_V4 = bytes(
        0x45, 0x10, 0, 40, 0x12, 0x34, 0x40, 0, 64, 6, 0xbe, 0xef, 10, 0, 0, 7, 93, 184, 216, 34,
        0x9c, 0x40, 1, 0xbb, 0xff, 0, 0, 1, 0, 0, 0, 0, 0xa1, 0xd3, 0xfa, 0xf0, 0x1c, 0x46, 0, 9);
    private static final byte[] UDP_V6 = bytes(
        0x60, 0x0a, 0xbc, 0xde, 0, 8, 17, 64,
        0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
        0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x35,
        0x9c, 0x40, 0, 53, 0, 8, 0x12, 0x34);
    private static final byte[] ICMP_V4 = bytes(
        0x45, 0, 0, 28, 0, 1, 0, 0, 64, 1, 0, 0, 127, 0, 0, 1, 127, 0, 0, 1, 3, 3, 0xf7, 0xfd, 0, 1, 0, 7);
    private static final byte[] ICMP_V6 = bytes(
        0x60, 0, 0, 0, 0, 8, 58, 255, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 128, 0, 0x8a, 0x2b, 0, 1, 0, 1);

    private final HeaderWire wire = new HeaderWire();

    @Test
    void everyHeaderMessageIsProtobufsOwnBytes()
    {
        final byte[] iface = "eth0".getBytes(StandardCharsets.US_ASCII);
        for (final byte[] raw : List.of(TCP_V4, UDP_V6, ICMP_V4, ICMP_V6))
        {
            final PacketView p = view(raw);
            same(ReferenceHeaders.packetMetadata(p, "eth0"), q -> wire.packetMetadata(q, iface, iface.length), p);
            same(ReferenceHeaders.directionMetadata(3), q -> wire.directionMetadata(3), p);
            same(ReferenceHeaders.directionMetadata(1), q -> wire.directionMetadata(1), p);
            if (p.version() == 4)
            {
                same(ReferenceHeaders.ipv4(p), wire::ipv4, p);
            }
            else
            {
                same(ReferenceHeaders.ipv6(p), wire::ipv6, p);
            }
        }
        same(ReferenceHeaders.tcp(view(TCP_V4)), wire::tcp, view(TCP_V4));
        same(ReferenceHeaders.udp(view(UDP_V6)), wire::udp, view(UDP_V6));
        same(ReferenceHeaders.icmp(view(ICMP_V4)), wire::icmp, view(ICMP_V4));
        same(ReferenceHeaders.icmpv6(view(ICMP_V6)), wire::icmpv6, view(ICMP_V6));
    }

    @Test
    void addressesAsGoPrintsThem()
    {
        final PacketView v4 = view(TCP_V4);
        assertEquals("10.0.0.7", text(v4, true));
        assertEquals("93.184.216.34", text(v4, false));
        final PacketView v6 = view(UDP_V6);
        assertEquals("fe80::1", text(v6, true));
        assertEquals("2001:db8::35", text(v6, false));
        assertEquals("DestinationUnreachable(Port)", ReferenceHeaders.icmp(view(ICMP_V4)).getTypeCode());
    }

    private String text(final PacketView p, final boolean source)
    {
        return new String(wire.text(), 0, wire.addressText(p, source), StandardCharsets.US_ASCII);
    }

    private void same(final MessageLite expected, final ToIntFunction<PacketView> write, final PacketView p)
    {
        final int length = write.applyAsInt(p);
        final byte[] written = Arrays.copyOf(wire.buffer().byteArray(), length);
        assertArrayEquals(WireCanonical.bytes(expected), written, expected.getClass().getSimpleName() + " " + expected);
    }

    private static PacketView view(final byte[] raw)
    {
        final PacketView view = new PacketView(64);
        System.arraycopy(raw, 0, view.bytes(), 0, raw.length);
        view.wrap(raw.length);
        return view;
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
