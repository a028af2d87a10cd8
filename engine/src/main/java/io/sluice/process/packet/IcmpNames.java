package io.sluice.process.packet;

/**
 * gopacket's {@code ICMPv4TypeCode.String()} and {@code ICMPv6TypeCode.String()}, the {@code type_code} strings of
 * Tracee's ICMP arguments: the type's name, with the code's name in parentheses for types that name their codes,
 * {@code Type(Code: n)} for an unnamed code, {@code t(c)} for an unknown type.
 */
final class IcmpNames
{
    private static final String[] V4_UNREACHABLE = {"Net", "Host", "Protocol", "Port", "FragmentationNeeded",
        "SourceRoutingFailed", "NetUnknown", "HostUnknown", "SourceIsolated", "NetAdminProhibited",
        "HostAdminProhibited", "NetTOS", "HostTOS", "CommAdminProhibited", "HostPrecedence", "PrecedenceCutoff"};
    private static final String[] V4_TIME_EXCEEDED = {"TTLExceeded", "FragmentReassemblyTimeExceeded"};
    private static final String[] V6_UNREACHABLE = {"NoRouteToDst", "AdminProhibited", "BeyondScopeOfSrc",
        "AddressUnreachable", "PortUnreachable", "SrcAddressFailedPolicy", "RejectRouteToDst"};
    private static final String[] V6_TIME_EXCEEDED = {"HopLimitExceeded", "FragmentReassemblyTimeExceeded"};

    private IcmpNames()
    {
    }

    static String v4(final int type, final int code)
    {
        return switch (type)
        {
            case 0 -> plain("EchoReply", code);
            case 3 -> coded("DestinationUnreachable", V4_UNREACHABLE, code);
            case 4 -> plain("SourceQuench", code);
            case 5 -> coded("Redirect", new String[] {"Network", "Host", "TOS+Network", "TOS+Host"}, code);
            case 8 -> plain("EchoRequest", code);
            case 9 -> plain("RouterAdvertisement", code);
            case 10 -> plain("RouterSolicitation", code);
            case 11 -> coded("TimeExceeded", V4_TIME_EXCEEDED, code);
            case 12 -> coded("ParameterProblem", new String[] {"PointerIndicatesError", "MissingOption", "BadLength"}, code);
            case 13 -> plain("TimestampRequest", code);
            case 14 -> plain("TimestampReply", code);
            case 15 -> plain("InfoRequest", code);
            case 16 -> plain("InfoReply", code);
            case 17 -> plain("AddressMaskRequest", code);
            case 18 -> plain("AddressMaskReply", code);
            default -> type + "(" + code + ")";
        };
    }

    static String v6(final int type, final int code)
    {
        return switch (type)
        {
            case 1 -> coded("DestinationUnreachable", V6_UNREACHABLE, code);
            case 2 -> plain("PacketTooBig", code);
            case 3 -> coded("TimeExceeded", V6_TIME_EXCEEDED, code);
            case 4 -> coded("ParameterProblem", new String[] {"ErroneousHeaderField", "UnrecognizedNextHeader",
                "UnrecognizedIPv6Option"}, code);
            case 128 -> plain("EchoRequest", code);
            case 129 -> plain("EchoReply", code);
            case 133 -> plain("RouterSolicitation", code);
            case 134 -> plain("RouterAdvertisement", code);
            case 135 -> plain("NeighborSolicitation", code);
            case 136 -> plain("NeighborAdvertisement", code);
            case 137 -> plain("Redirect", code);
            default -> type + "(" + code + ")";
        };
    }

    private static String plain(final String type, final int code)
    {
        return code == 0 ? type : type + "(Code: " + code + ")";
    }

    private static String coded(final String type, final String[] codes, final int code)
    {
        return code < codes.length ? type + "(" + codes[code] + ")" : type + "(Code: " + code + ")";
    }
}
