package io.sluice.codec.text;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * IPv4 prints as a dotted quad and IPv6 as RFC 5952 recommends; text parses back to the same bytes.
 */
class InetTextTest
{
    @ParameterizedTest
    @CsvSource({
        "0.0.0.0", "127.0.0.1", "10.1.20.255", "255.255.255.255", "192.168.0.100"})
    void printsIpv4AsADottedQuad(final String text)
    {
        assertEquals(text, formatIpv4(InetText.parseIpv4(text)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // RFC 5952 section 4: leading zeros dropped, lowercase, :: for the longest run of two or more zero groups.
        "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
        "2001:db8:0:0:0:0:2:1, 2001:db8::2:1",
        "2001:DB8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:db8:0:0:1:0:0:0, 2001:db8:0:0:1::",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "2001:db8:0:0:1:1:1:1, 2001:db8::1:1:1:1",
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
        "0:0:0:0:0:0:0:0, ::",
        "0:0:0:0:0:0:0:1, ::1",
        "1:0:0:0:0:0:0:0, 1::",
        "fe80:0:0:0:abcd:ef01:2345:6789, fe80::abcd:ef01:2345:6789",
        "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
        "0:1:0:1:0:1:0:1, 0:1:0:1:0:1:0:1",
        // Section 5: IPv4-mapped addresses end in a dotted quad.
        "::ffff:192.0.2.1, ::ffff:192.0.2.1",
        "0:0:0:0:0:ffff:c000:0201, ::ffff:192.0.2.1",
        "::ffff:0:0, ::ffff:0.0.0.0",
        // Not mapped: hex all the way.
        "::fffe:c000:201, ::fffe:c000:201",
        "0:0:0:0:1:ffff:c000:201, ::1:ffff:c000:201",
        "::192.0.2.1, ::c000:201"})
    void printsIpv6AsRfc5952Recommends(final String input, final String expected)
    {
        assertEquals(expected, formatIpv6(InetText.parseIpv6(input)));
    }

    @Test
    void printsRandomIpv6LikeASimpleStringImplementationOfRfc5952()
    {
        final Random random = new Random(5952);
        for (int n = 0; n < 20_000; n++)
        {
            final byte[] address = new byte[16];
            for (int g = 0; g < 8; g++)
            {
                final int value = random.nextInt(3) == 0 ? random.nextInt(0x10000) : random.nextInt(4) == 0 ? 1 : 0;
                address[2 * g] = (byte)(value >> 8);
                address[2 * g + 1] = (byte)value;
            }
            if (random.nextInt(20) == 0)
            {
                for (int i = 0; i < 10; i++)
                {
                    address[i] = 0;
                }
                address[10] = (byte)0xFF;
                address[11] = (byte)0xFF;
            }
            final String text = formatIpv6(address);
            assertEquals(referenceIpv6(address), text);
            assertArrayEquals(address, InetText.parseIpv6(text), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "a.b.c.d", "1..2.3", " 1.2.3.4"})
    void rejectsWhatIsNotAnIpv4Literal(final String text)
    {
        assertThrows(IllegalArgumentException.class, () -> InetText.parseIpv4(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", ":::", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::", "g::", "1:",
        ":1", "1::2:3:4:5:6:7:8", "::1.2.3", "example.com"})
    void rejectsWhatIsNotAnIpv6Literal(final String text)
    {
        assertThrows(IllegalArgumentException.class, () -> InetText.parseIpv6(text));
    }

    private static String formatIpv4(final byte[] address)
    {
        final byte[] text = new byte[InetText.MAX_IPV4_LENGTH];
        return new String(text, 0, InetText.formatIpv4(new UnsafeBuffer(address), 0, text, 0), StandardCharsets.US_ASCII);
    }

    private static String formatIpv6(final byte[] address)
    {
        final byte[] text = new byte[InetText.MAX_IPV6_LENGTH + 3];
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[20]);
        buffer.putBytes(3, address);
        return new String(text, 3, InetText.formatIpv6(buffer, 3, text, 3), StandardCharsets.US_ASCII);
    }

    /** RFC 5952 written the obvious way, with strings. */
    private static String referenceIpv6(final byte[] a)
    {
        final int[] groups = new int[8];
        for (int g = 0; g < 8; g++)
        {
            groups[g] = ((a[2 * g] & 0xFF) << 8) | (a[2 * g + 1] & 0xFF);
        }
        if (groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0 && groups[5] == 0xFFFF)
        {
            return "::ffff:" + (a[12] & 0xFF) + "." + (a[13] & 0xFF) + "." + (a[14] & 0xFF) + "." + (a[15] & 0xFF);
        }
        final StringBuilder full = new StringBuilder(":");
        for (final int group : groups)
        {
            full.append(Integer.toHexString(group)).append(':');
        }
        // ":0:0:" style runs, longest first, leftmost on ties (indexOf finds the leftmost).
        String text = full.toString();
        for (int run = 8; run >= 2; run--)
        {
            final String zeros = ":" + "0:".repeat(run);
            final int at = text.indexOf(zeros);
            if (at >= 0)
            {
                text = text.substring(0, at) + "::" + text.substring(at + zeros.length());
                break;
            }
        }
        // Trim the framing colons, keeping a "::" at either end.
        if (text.startsWith(":") && !text.startsWith("::"))
        {
            text = text.substring(1);
        }
        if (text.endsWith(":") && !text.endsWith("::"))
        {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }
}
