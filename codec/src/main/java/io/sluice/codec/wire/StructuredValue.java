package io.sluice.codec.wire;

import io.sluice.codec.sbe.ValueType;

import java.nio.charset.StandardCharsets;

/**
 * The {@code EventValue} members whose value is a message, one line each: the SBE value type that carries it, the
 * member's field number and name in {@code v1beta1.EventValue}, and the message's shape. The record holds the message
 * in canonical wire form ({@link WireCanonical}); the JSON, protobuf and text writers need nothing else, so a new kind
 * is its shape plus a line here.
 */
public enum StructuredValue
{
    CREDENTIALS(ValueType.CREDENTIALS, 13, "credentials", CredentialShapes.CREDENTIALS),
    TIMESPEC(ValueType.TIMESPEC, 14, "timespec", CredentialShapes.TIMESPEC),
    IPV4(ValueType.IPV4, 17, "ipv4", PacketShapes.IPV4),
    IPV6(ValueType.IPV6, 18, "ipv6", PacketShapes.IPV6),
    TCP(ValueType.TCP, 19, "tcp", PacketShapes.TCP),
    UDP(ValueType.UDP, 20, "udp", PacketShapes.UDP),
    ICMP(ValueType.ICMP, 21, "icmp", PacketShapes.ICMP),
    ICMPV6(ValueType.ICMPV6, 22, "icmpv6", PacketShapes.ICMPV6),
    DNS(ValueType.DNS, 23, "dns", DnsShapes.DNS),
    DNS_QUESTIONS(ValueType.DNS_QUESTIONS, 24, "dns_questions", DnsShapes.DNS_QUESTIONS),
    DNS_RESPONSES(ValueType.DNS_RESPONSES, 25, "dns_responses", DnsShapes.DNS_RESPONSES),
    PACKET_METADATA(ValueType.PACKET_METADATA, 26, "packet_metadata", PacketShapes.PACKET_METADATA),
    HTTP(ValueType.HTTP, 27, "http", HttpShapes.HTTP),
    HTTP_REQUEST(ValueType.HTTP_REQUEST, 28, "http_request", HttpShapes.HTTP_REQUEST),
    HTTP_RESPONSE(ValueType.HTTP_RESPONSE, 29, "http_response", HttpShapes.HTTP_RESPONSE);

    private static final StructuredValue[] BY_TYPE = new StructuredValue[256];
    private static final StructuredValue[] BY_MEMBER = new StructuredValue[64];

    static
    {
        for (final StructuredValue kind : values())
        {
            BY_TYPE[kind.valueType.value()] = kind;
            BY_MEMBER[kind.memberNumber] = kind;
        }
    }

    private final ValueType valueType;
    private final int memberNumber;
    private final String memberName;
    private final WireShape shape;
    private final byte[] jsonKey;

    StructuredValue(final ValueType valueType, final int memberNumber, final String memberName, final WireShape shape)
    {
        this.valueType = valueType;
        this.memberNumber = memberNumber;
        this.memberName = memberName;
        this.shape = shape;
        this.jsonKey = ("\"" + memberName + "\":").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * @param type a value type.
     * @return the structured kind it carries, null for a scalar, array or sockaddr type.
     */
    public static StructuredValue of(final ValueType type)
    {
        return type == null || type == ValueType.NULL_VAL ? null : BY_TYPE[type.value()];
    }

    /**
     * @param memberNumber a field number of {@code EventValue}'s oneof.
     * @return the structured kind of that member, null when it is not one.
     */
    public static StructuredValue byMember(final int memberNumber)
    {
        return memberNumber > 0 && memberNumber < BY_MEMBER.length ? BY_MEMBER[memberNumber] : null;
    }

    /**
     * @return the SBE value type.
     */
    public ValueType valueType()
    {
        return valueType;
    }

    /**
     * @return the member's field number in {@code EventValue}.
     */
    public int memberNumber()
    {
        return memberNumber;
    }

    /**
     * @return the member's proto name ({@code ipv4}, {@code dns_questions}).
     */
    public String memberName()
    {
        return memberName;
    }

    /**
     * @return the message's shape.
     */
    public WireShape shape()
    {
        return shape;
    }

    /**
     * @return {@code "member":}, as the JSON printer writes the key.
     */
    public byte[] jsonKey()
    {
        return jsonKey;
    }
}
