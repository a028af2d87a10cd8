package io.sluice.format;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Renders a SOCKADDR value blob (see {@code sluice-sbe.xml}) as the body of Go's {@code %v} of Tracee's
 * sockaddr map: keys in sorted order, {@code AF_INET sin_addr:127.0.0.1 sin_port:8080}.
 */
final class SockaddrText
{
    private static final int AF_UNIX = 1;
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final byte[] UNIX = "AF_UNIX sun_path:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INET = "AF_INET sin_addr:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INET_PORT = " sin_port:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INET6 = "AF_INET6 sin6_addr:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INET6_FLOW = " sin6_flowinfo:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INET6_PORT = " sin6_port:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INET6_SCOPE = " sin6_scopeid:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final int[] groups = new int[8];

    int putGoMapBody(final DirectBuffer value, final MutableDirectBuffer out, final int start)
    {
        int p = start;
        final int size = value.capacity();
        if (size < 2)
        {
            return p + out.putIntAscii(p, 0);
        }
        final int family = value.getShort(0, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        if (family == AF_UNIX)
        {
            out.putBytes(p, UNIX);
            p += UNIX.length;
            out.putBytes(p, value, 2, size - 2);
            return p + size - 2;
        }
        if (family == AF_INET && size >= 8)
        {
            out.putBytes(p, INET);
            p += INET.length;
            for (int i = 0; i < 4; i++)
            {
                if (i > 0)
                {
                    out.putByte(p++, (byte)'.');
                }
                p += out.putIntAscii(p, value.getByte(4 + i) & 0xFF);
            }
            out.putBytes(p, INET_PORT);
            p += INET_PORT.length;
            return p + out.putIntAscii(p, value.getShort(2, ByteOrder.LITTLE_ENDIAN) & 0xFFFF);
        }
        if (family == AF_INET6 && size >= 28)
        {
            out.putBytes(p, INET6);
            p += INET6.length;
            p = putIpv6(value, 8, out, p);
            out.putBytes(p, INET6_FLOW);
            p += INET6_FLOW.length;
            p += out.putLongAscii(p, value.getInt(4, ByteOrder.LITTLE_ENDIAN) & 0xFFFF_FFFFL);
            out.putBytes(p, INET6_PORT);
            p += INET6_PORT.length;
            p += out.putIntAscii(p, value.getShort(2, ByteOrder.LITTLE_ENDIAN) & 0xFFFF);
            out.putBytes(p, INET6_SCOPE);
            p += INET6_SCOPE.length;
            return p + out.putLongAscii(p, value.getInt(24, ByteOrder.LITTLE_ENDIAN) & 0xFFFF_FFFFL);
        }
        return p + out.putIntAscii(p, family);
    }

    /**
     * RFC 5952 text of 16 address bytes: lowercase hex, the longest run of two or more zero groups as {@code ::}.
     */
    private int putIpv6(final DirectBuffer value, final int offset, final MutableDirectBuffer out, final int start)
    {
        for (int i = 0; i < 8; i++)
        {
            groups[i] = ((value.getByte(offset + 2 * i) & 0xFF) << 8) | (value.getByte(offset + 2 * i + 1) & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++)
        {
            int j = i;
            while (j < 8 && groups[j] == 0)
            {
                j++;
            }
            if (j - i > bestLength)
            {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        int p = start;
        for (int i = 0; i < 8; i++)
        {
            if (i == bestStart)
            {
                out.putByte(p++, (byte)':');
                out.putByte(p++, (byte)':');
                i += bestLength - 1;
                continue;
            }
            if (i > 0 && i != bestStart + bestLength)
            {
                out.putByte(p++, (byte)':');
            }
            p = putHex(out, p, groups[i]);
        }
        return p;
    }

    private static int putHex(final MutableDirectBuffer out, final int start, final int group)
    {
        int p = start;
        boolean leading = true;
        for (int shift = 12; shift >= 0; shift -= 4)
        {
            final int digit = (group >>> shift) & 0xF;
            if (digit != 0 || !leading || shift == 0)
            {
                out.putByte(p++, HEX[digit]);
                leading = false;
            }
        }
        return p;
    }
}
