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
        boolean mapped = true;
        for (int i = 0; i < 10; i++)
        {
            mapped &= address[i] == 0;
        }
        if (mapped && (address[10] & 0xff) == 0xff && (address[11] & 0xff) == 0xff)
        {
            return (address[12] & 0xff) + "." + (address[13] & 0xff) + "." + (address[14] & 0xff) + "." + (address[15] & 0xff);
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
        final StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++)
        {
            if (i == bestStart)
            {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':')
            {
                text.append(':');
            }
            text.append(Integer.toHexString(group(address, i)));
        }
        return text.toString();
    }

    private static int group(final byte[] address, final int index)
    {
        return (address[index * 2] & 0xff) << 8 | address[index * 2 + 1] & 0xff;
    }
}
