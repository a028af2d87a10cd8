package io.sluice.codec.sbe;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * The layout of a SOCKADDR data value (see {@code sluice-sbe.xml}), in one place for everyone who reads or writes it:
 * <pre>
 *   [uint16 family] then
 *     AF_UNIX:  path bytes (the rest of the value)
 *     AF_INET:  [uint16 port][4 address bytes]
 *     AF_INET6: [uint16 port][uint32 flowinfo][16 address bytes][uint32 scope id]
 *     other:    nothing
 * </pre>
 * Numbers are little-endian like every SBE field; addresses are in network order, as in {@code struct in_addr}.
 * A value shorter than its family needs carries the family only (it reads as an "other" family), and a value shorter
 * than two bytes reads as family 0.
 */
public final class SockaddrBlob
{
    /** {@code AF_UNIX}. */
    public static final int AF_UNIX = 1;
    /** {@code AF_INET}. */
    public static final int AF_INET = 2;
    /** {@code AF_INET6}. */
    public static final int AF_INET6 = 10;

    /** Offset of the AF_UNIX path. */
    public static final int UNIX_PATH_OFFSET = 2;
    /** Offset of the port (AF_INET and AF_INET6). */
    public static final int PORT_OFFSET = 2;
    /** Offset of the AF_INET address. */
    public static final int INET_ADDRESS_OFFSET = 4;
    /** Length of an AF_INET value. */
    public static final int INET_LENGTH = 8;
    /** Offset of the AF_INET6 flow info. */
    public static final int INET6_FLOWINFO_OFFSET = 4;
    /** Offset of the AF_INET6 address. */
    public static final int INET6_ADDRESS_OFFSET = 8;
    /** Offset of the AF_INET6 scope id. */
    public static final int INET6_SCOPE_ID_OFFSET = 24;
    /** Length of an AF_INET6 value. */
    public static final int INET6_LENGTH = 28;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private SockaddrBlob()
    {
    }

    /**
     * @param value  the bytes.
     * @param offset where the value starts.
     * @param length its length.
     * @return the family field, 0 when the value has fewer than two bytes.
     */
    public static int family(final DirectBuffer value, final int offset, final int length)
    {
        return length < 2 ? 0 : value.getShort(offset, ORDER) & 0xFFFF;
    }

    /**
     * @param value  the bytes.
     * @param offset where the value starts.
     * @param length its length.
     * @return the family whose fields the value really carries: {@link #family} unless the value is too short for
     *         AF_INET or AF_INET6, in which case -1 (print the family only).
     */
    public static int layout(final DirectBuffer value, final int offset, final int length)
    {
        final int family = family(value, offset, length);
        if (family == AF_INET && length < INET_LENGTH || family == AF_INET6 && length < INET6_LENGTH)
        {
            return -1;
        }
        return family;
    }

    /**
     * @param value  the bytes.
     * @param offset where the value starts.
     * @return the port of an AF_INET or AF_INET6 value.
     */
    public static int port(final DirectBuffer value, final int offset)
    {
        return value.getShort(offset + PORT_OFFSET, ORDER) & 0xFFFF;
    }

    /**
     * @param value  the bytes.
     * @param offset where the value starts.
     * @return the flow info of an AF_INET6 value, unsigned.
     */
    public static long flowInfo(final DirectBuffer value, final int offset)
    {
        return value.getInt(offset + INET6_FLOWINFO_OFFSET, ORDER) & 0xFFFF_FFFFL;
    }

    /**
     * @param value  the bytes.
     * @param offset where the value starts.
     * @return the scope id of an AF_INET6 value, unsigned.
     */
    public static long scopeId(final DirectBuffer value, final int offset)
    {
        return value.getInt(offset + INET6_SCOPE_ID_OFFSET, ORDER) & 0xFFFF_FFFFL;
    }

    /**
     * @param path the path bytes.
     * @return an AF_UNIX value.
     */
    public static byte[] unix(final byte[] path)
    {
        final UnsafeBuffer out = new UnsafeBuffer(new byte[UNIX_PATH_OFFSET + path.length]);
        out.putShort(0, (short)AF_UNIX, ORDER);
        out.putBytes(UNIX_PATH_OFFSET, path);
        return out.byteArray();
    }

    /**
     * @param port    the port.
     * @param address 4 bytes in network order.
     * @return an AF_INET value.
     */
    public static byte[] inet(final int port, final byte[] address)
    {
        checkUnsigned16(port, "port");
        if (address.length != 4)
        {
            throw new IllegalArgumentException("AF_INET address needs 4 bytes, got " + address.length);
        }
        final UnsafeBuffer out = new UnsafeBuffer(new byte[INET_LENGTH]);
        out.putShort(0, (short)AF_INET, ORDER);
        out.putShort(PORT_OFFSET, (short)port, ORDER);
        out.putBytes(INET_ADDRESS_OFFSET, address);
        return out.byteArray();
    }

    /**
     * @param port     the port.
     * @param flowInfo the flow info (unsigned 32 bits).
     * @param address  16 bytes in network order.
     * @param scopeId  the scope id (unsigned 32 bits).
     * @return an AF_INET6 value.
     */
    public static byte[] inet6(final int port, final int flowInfo, final byte[] address, final int scopeId)
    {
        checkUnsigned16(port, "port");
        if (address.length != 16)
        {
            throw new IllegalArgumentException("AF_INET6 address needs 16 bytes, got " + address.length);
        }
        final UnsafeBuffer out = new UnsafeBuffer(new byte[INET6_LENGTH]);
        out.putShort(0, (short)AF_INET6, ORDER);
        out.putShort(PORT_OFFSET, (short)port, ORDER);
        out.putInt(INET6_FLOWINFO_OFFSET, flowInfo, ORDER);
        out.putBytes(INET6_ADDRESS_OFFSET, address);
        out.putInt(INET6_SCOPE_ID_OFFSET, scopeId, ORDER);
        return out.byteArray();
    }

    /**
     * @param family any family number.
     * @return a value that carries the family only.
     */
    public static byte[] familyOnly(final int family)
    {
        checkUnsigned16(family, "family");
        final UnsafeBuffer out = new UnsafeBuffer(new byte[2]);
        out.putShort(0, (short)family, ORDER);
        return out.byteArray();
    }

    private static void checkUnsigned16(final int value, final String what)
    {
        if (value < 0 || value > 0xFFFF)
        {
            throw new IllegalArgumentException("sockaddr " + what + " does not fit 16 bits: " + value);
        }
    }
}
