package io.sluice.process.packet;

/**
 * gopacket's names of DNS record types and classes ({@code layers.DNSType.String()}, {@code DNSClass.String()}), the
 * strings Tracee's DNS arguments carry.
 */
final class DnsNames
{
    private static final String[] TYPES = {"Unknown", "A", "NS", "MD", "MF", "CNAME", "SOA", "MB", "MG", "MR", "NULL",
        "WKS", "PTR", "HINFO", "MINFO", "MX", "TXT"};

    private DnsNames()
    {
    }

    static String type(final int type)
    {
        if (type > 0 && type < TYPES.length)
        {
            return TYPES[type];
        }
        return switch (type)
        {
            case 28 -> "AAAA";
            case 33 -> "SRV";
            case 41 -> "OPT";
            case 256 -> "URI";
            default -> "Unknown";
        };
    }

    static String klass(final int klass)
    {
        return switch (klass)
        {
            case 1 -> "IN";
            case 2 -> "CS";
            case 3 -> "CH";
            case 4 -> "HS";
            case 255 -> "Any";
            default -> "Unknown";
        };
    }
}
