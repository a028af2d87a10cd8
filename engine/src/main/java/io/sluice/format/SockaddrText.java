package io.sluice.format;

import io.sluice.codec.sbe.SockaddrBlob;
import io.sluice.codec.text.InetText;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Renders a SOCKADDR value blob (see {@code sluice-sbe.xml}) as the body of Go's {@code %v} of Tracee's
 * sockaddr map: keys in sorted order, {@code AF_INET sin_addr:127.0.0.1 sin_port:8080}.
 */
final class SockaddrText
{
    private static final byte[] UNIX = "AF_UNIX sun_path:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INET = "AF_INET sin_addr:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INET_PORT = " sin_port:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INET6 = "AF_INET6 sin6_addr:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INET6_FLOW = " sin6_flowinfo:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INET6_PORT = " sin6_port:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INET6_SCOPE = " sin6_scopeid:".getBytes(StandardCharsets.US_ASCII);

    private final byte[] address = new byte[InetText.MAX_IPV6_LENGTH];

    int putGoMapBody(final DirectBuffer value, final MutableDirectBuffer out, final int start)
    {
        int p = start;
        final int size = value.capacity();
        switch (SockaddrBlob.layout(value, 0, size))
        {
            case SockaddrBlob.AF_UNIX ->
            {
                p = put(out, p, UNIX);
                out.putBytes(p, value, SockaddrBlob.UNIX_PATH_OFFSET, size - SockaddrBlob.UNIX_PATH_OFFSET);
                return p + size - SockaddrBlob.UNIX_PATH_OFFSET;
            }
            case SockaddrBlob.AF_INET ->
            {
                p = put(out, p, INET);
                final int length = InetText.formatIpv4(value, SockaddrBlob.INET_ADDRESS_OFFSET, address, 0);
                out.putBytes(p, address, 0, length);
                p = put(out, p + length, INET_PORT);
                return p + out.putIntAscii(p, SockaddrBlob.port(value, 0));
            }
            case SockaddrBlob.AF_INET6 ->
            {
                p = put(out, p, INET6);
                final int length = InetText.formatIpv6(value, SockaddrBlob.INET6_ADDRESS_OFFSET, address, 0);
                out.putBytes(p, address, 0, length);
                p = put(out, p + length, INET6_FLOW);
                p += out.putLongAscii(p, SockaddrBlob.flowInfo(value, 0));
                p = put(out, p, INET6_PORT);
                p += out.putIntAscii(p, SockaddrBlob.port(value, 0));
                p = put(out, p, INET6_SCOPE);
                return p + out.putLongAscii(p, SockaddrBlob.scopeId(value, 0));
            }
            default ->
            {
                return p + out.putIntAscii(p, SockaddrBlob.family(value, 0, size));
            }
        }
    }

    private static int put(final MutableDirectBuffer out, final int p, final byte[] bytes)
    {
        out.putBytes(p, bytes);
        return p + bytes.length;
    }
}
