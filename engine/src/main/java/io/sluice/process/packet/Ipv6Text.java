package io.sluice.process.packet;

/**
 * IPv6 addresses as Go's {@code net.IP.String()} writes them (RFC 5952: lower-case hex, the longest run of two or
 * more zero groups as {@code ::}, IPv4-mapped addresses as dotted quads).
 */
final class Ipv6Text
{
    private Ipv6Text()
    {
    }

    static String format(final byte[] address)
    {
        final byte[] text = new byte[46];
        return new String(text, 0, write(address, text), java.nio.charset.StandardCharsets.US_ASCII);
    }

    /**
     * @param address 16 bytes.
     * @param text    where the text goes (46 bytes are enough).
     * @return the text's length.
     */
    static int write(final byte[] address, final byte[] text)
    {
        boolean mapped = true;
        for (int i = 0; i < 10; i++)
        {
            mapped &= address[i] == 0;
        }
        if (mapped && (address[10] & 0xff) == 0xff && (address[11] & 0xff) == 0xff)
        {
            return writeV4(address, 12, text, 0);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; )
        {
            int j = i;
            while (j < 8 && group(address, j) == 0)
            {
                j++;
            }
            if (j - i > bestLength)
            {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        int length = 0;
        for (int i = 0; i < 8; i++)
        {
            if (i == bestStart)
            {
                text[length++] = ':';
                text[length++] = ':';
                i += bestLength - 1;
                continue;
            }
            if (length > 0 && text[length - 1] != ':')
            {
                text[length++] = ':';
            }
            length = hex(group(address, i), text, length);
        }
        return length;
    }

    /** Four bytes from {@code offset} as a dotted quad into {@code text} at {@code at}; answers where it ends. */
    static int writeV4(final byte[] address, final int offset, final byte[] text, final int at)
    {
        int length = at;
        for (int i = 0; i < 4; i++)
        {
            if (i > 0)
            {
                text[length++] = '.';
            }
            final int b = address[offset + i] & 0xff;
            if (b >= 100)
            {
                text[length++] = (byte)('0' + b / 100);
            }
            if (b >= 10)
            {
                text[length++] = (byte)('0' + b / 10 % 10);
            }
            text[length++] = (byte)('0' + b % 10);
        }
        return length;
    }

    private static int hex(final int value, final byte[] text, final int at)
    {
        int length = at;
        boolean started = false;
        for (int shift = 12; shift >= 0; shift -= 4)
        {
            final int digit = value >> shift & 15;
            if (digit != 0 || started || shift == 0)
            {
                text[length++] = (byte)"0123456789abcdef".charAt(digit);
                started = true;
            }
        }
        return length;
    }

    private static int group(final byte[] address, final int index)
    {
        return (address[index * 2] & 0xff) << 8 | address[index * 2 + 1] & 0xff;
    }
}
