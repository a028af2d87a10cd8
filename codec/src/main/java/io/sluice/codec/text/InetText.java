package io.sluice.codec.text;

import org.agrona.DirectBuffer;

/**
 * IP addresses as text, both ways: IPv4 as a dotted quad, IPv6 as RFC 5952 recommends (lowercase hex without leading
 * zeros, the longest run of two or more zero groups as {@code ::}, the first on ties, IPv4-mapped addresses as
 * {@code ::ffff:a.b.c.d}).
 * <p>
 * Formatting writes ASCII into a caller's array and allocates nothing, so the JSON writer and the reference decoder
 * print sockaddrs identically. Parsing (for the encoder and tests) allocates and throws on anything that is not an
 * address literal; it never resolves names.
 */
public final class InetText
{
    /** Longest text {@link #formatIpv6(DirectBuffer, int, byte[], int)} writes. */
    public static final int MAX_IPV6_LENGTH = 45;
    /** Longest text {@link #formatIpv4(DirectBuffer, int, byte[], int)} writes. */
    public static final int MAX_IPV4_LENGTH = 15;

    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

    private InetText()
    {
    }

    /**
     * @param address  4 address bytes in network order (as in {@code struct in_addr}).
     * @param offset   where they start.
     * @param dst      where the text goes; needs {@link #MAX_IPV4_LENGTH} bytes from {@code dstOffset}.
     * @param dstOffset where it starts.
     * @return the number of bytes written.
     */
    public static int formatIpv4(final DirectBuffer address, final int offset, final byte[] dst, final int dstOffset)
    {
        int p = dstOffset;
        for (int i = 0; i < 4; i++)
        {
            if (i > 0)
            {
                dst[p++] = '.';
            }
            p = putDecimal(address.getByte(offset + i) & 0xFF, dst, p);
        }
        return p - dstOffset;
    }

    /**
     * @param address  16 address bytes in network order (as in {@code struct in6_addr}).
     * @param offset   where they start.
     * @param dst      where the text goes; needs {@link #MAX_IPV6_LENGTH} bytes from {@code dstOffset}.
     * @param dstOffset where it starts.
     * @return the number of bytes written.
     */
    public static int formatIpv6(final DirectBuffer address, final int offset, final byte[] dst, final int dstOffset)
    {
        if (isIpv4Mapped(address, offset))
        {
            int p = dstOffset;
            dst[p++] = ':';
            dst[p++] = ':';
            dst[p++] = 'f';
            dst[p++] = 'f';
            dst[p++] = 'f';
            dst[p++] = 'f';
            dst[p++] = ':';
            return p - dstOffset + formatIpv4(address, offset + 12, dst, p);
        }

        int bestStart = -1;
        int bestLength = 1;
        int runStart = -1;
        for (int i = 0; i < 8; i++)
        {
            if (group(address, offset, i) == 0)
            {
                if (runStart < 0)
                {
                    runStart = i;
                }
                if (i - runStart + 1 > bestLength)
                {
                    bestStart = runStart;
                    bestLength = i - runStart + 1;
                }
            }
            else
            {
                runStart = -1;
            }
        }

        int p = dstOffset;
        for (int i = 0; i < 8; i++)
        {
            if (i == bestStart)
            {
                dst[p++] = ':';
                dst[p++] = ':';
                i += bestLength - 1;
                continue;
            }
            if (i > 0 && i != bestStart + bestLength)
            {
                dst[p++] = ':';
            }
            p = putHex(group(address, offset, i), dst, p);
        }
        return p - dstOffset;
    }

    /**
     * @param text a dotted quad such as {@code 10.0.0.1}.
     * @return its 4 bytes in network order.
     * @throws IllegalArgumentException when the text is not one.
     */
    public static byte[] parseIpv4(final String text)
    {
        final byte[] address = new byte[4];
        if (!parseIpv4Into(text, 0, text.length(), address, 0))
        {
            throw new IllegalArgumentException("not an IPv4 address: '" + text + "'");
        }
        return address;
    }

    /**
     * @param text an IPv6 literal in any RFC 4291 text form, {@code ::} and a dotted IPv4 tail included.
     * @return its 16 bytes in network order.
     * @throws IllegalArgumentException when the text is not one.
     */
    public static byte[] parseIpv6(final String text)
    {
        final byte[] address = new byte[16];
        if (!parseIpv6Into(text, address))
        {
            throw new IllegalArgumentException("not an IPv6 address: '" + text + "'");
        }
        return address;
    }

    private static boolean isIpv4Mapped(final DirectBuffer address, final int offset)
    {
        for (int i = 0; i < 10; i++)
        {
            if (address.getByte(offset + i) != 0)
            {
                return false;
            }
        }
        return address.getByte(offset + 10) == (byte)0xFF && address.getByte(offset + 11) == (byte)0xFF;
    }

    private static int group(final DirectBuffer address, final int offset, final int index)
    {
        return ((address.getByte(offset + 2 * index) & 0xFF) << 8) | (address.getByte(offset + 2 * index + 1) & 0xFF);
    }

    private static int putDecimal(final int value, final byte[] dst, final int start)
    {
        int p = start;
        if (value >= 100)
        {
            dst[p++] = (byte)('0' + value / 100);
        }
        if (value >= 10)
        {
            dst[p++] = (byte)('0' + value / 10 % 10);
        }
        dst[p++] = (byte)('0' + value % 10);
        return p;
    }

    private static int putHex(final int value, final byte[] dst, final int start)
    {
        int p = start;
        boolean started = false;
        for (int shift = 12; shift >= 0; shift -= 4)
        {
            final int digit = (value >> shift) & 0xF;
            if (digit != 0 || started || shift == 0)
            {
                dst[p++] = HEX[digit];
                started = true;
            }
        }
        return p;
    }

    private static boolean parseIpv4Into(final String text, final int from, final int to, final byte[] dst, final int dstOffset)
    {
        int part = 0;
        int value = -1;
        int digits = 0;
        for (int i = from; i <= to; i++)
        {
            final char c = i < to ? text.charAt(i) : '.';
            if (c >= '0' && c <= '9')
            {
                if (digits > 0 && value == 0)
                {
                    return false; // no leading zeros
                }
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (++digits > 3 || value > 255)
                {
                    return false;
                }
            }
            else if (c == '.')
            {
                if (value < 0 || part == 4)
                {
                    return false;
                }
                dst[dstOffset + part++] = (byte)value;
                value = -1;
                digits = 0;
            }
            else
            {
                return false;
            }
        }
        return part == 4;
    }

    private static boolean parseIpv6Into(final String text, final byte[] dst)
    {
        final int length = text.length();
        final int[] groups = new int[8];
        int count = 0;
        int gap = -1;
        int i = 0;
        if (text.startsWith("::"))
        {
            gap = 0;
            i = 2;
        }
        else if (text.startsWith(":"))
        {
            return false;
        }
        while (i < length)
        {
            int end = i;
            while (end < length && text.charAt(end) != ':')
            {
                end++;
            }
            final String token = text.substring(i, end);
            if (token.indexOf('.') >= 0)
            {
                if (end != length || count > 6)
                {
                    return false;
                }
                final byte[] v4 = new byte[4];
                if (!parseIpv4Into(token, 0, token.length(), v4, 0))
                {
                    return false;
                }
                groups[count++] = ((v4[0] & 0xFF) << 8) | (v4[1] & 0xFF);
                groups[count++] = ((v4[2] & 0xFF) << 8) | (v4[3] & 0xFF);
                i = end;
                break;
            }
            if (token.isEmpty() || token.length() > 4 || count == 8)
            {
                return false;
            }
            int value = 0;
            for (int k = 0; k < token.length(); k++)
            {
                final int digit = Character.digit(token.charAt(k), 16);
                if (digit < 0)
                {
                    return false;
                }
                value = (value << 4) | digit;
            }
            groups[count++] = value;
            if (end == length)
            {
                i = end;
                break;
            }
            if (text.startsWith("::", end))
            {
                if (gap >= 0)
                {
                    return false;
                }
                gap = count;
                i = end + 2;
            }
            else
            {
                i = end + 1;
                if (i == length)
                {
                    return false; // trailing single colon
                }
            }
        }
        if (gap < 0 ? count != 8 : count > 7)
        {
            return false;
        }
        final int zeros = 8 - count;
        int g = 0;
        for (int k = 0; k < 8; k++)
        {
            final int value;
            if (gap >= 0 && k >= gap && k < gap + zeros)
            {
                value = 0;
            }
            else
            {
                value = groups[g++];
            }
            dst[2 * k] = (byte)(value >> 8);
            dst[2 * k + 1] = (byte)value;
        }
        return true;
    }
}
