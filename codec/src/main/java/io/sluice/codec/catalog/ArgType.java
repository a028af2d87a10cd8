package io.sluice.codec.catalog;

import io.sluice.codec.sbe.ValueType;

/**
 * The type of one event argument: the member of {@code v1beta1.EventValue}'s oneof it prints as.
 */
public enum ArgType
{
    INT32("int32", ValueType.INT32),
    INT64("int64", ValueType.INT64),
    U_INT32("u_int32", ValueType.UINT32),
    U_INT64("u_int64", ValueType.UINT64),
    STR("str", ValueType.STR),
    BYTES("bytes", ValueType.BYTES),
    BOOL("bool", ValueType.BOOL),
    STR_ARRAY("str_array", ValueType.STR_ARRAY),
    INT32_ARRAY("int32_array", ValueType.INT32_ARRAY),
    U_INT64_ARRAY("u_int64_array", ValueType.UINT64_ARRAY),
    SOCKADDR("sockaddr", ValueType.SOCKADDR),
    CREDENTIALS("credentials", ValueType.CREDENTIALS),
    TIMESPEC("timespec", ValueType.TIMESPEC),
    IPV4("ipv4", ValueType.IPV4),
    IPV6("ipv6", ValueType.IPV6),
    TCP("tcp", ValueType.TCP),
    UDP("udp", ValueType.UDP),
    ICMP("icmp", ValueType.ICMP),
    ICMPV6("icmpv6", ValueType.ICMPV6),
    DNS("dns", ValueType.DNS),
    DNS_QUESTIONS("dns_questions", ValueType.DNS_QUESTIONS),
    DNS_RESPONSES("dns_responses", ValueType.DNS_RESPONSES),
    PACKET_METADATA("packet_metadata", ValueType.PACKET_METADATA),
    HTTP("http", ValueType.HTTP),
    HTTP_REQUEST("http_request", ValueType.HTTP_REQUEST),
    HTTP_RESPONSE("http_response", ValueType.HTTP_RESPONSE),
    POINTER("pointer", ValueType.POINTER);

    private final String jsonName;
    private final ValueType valueType;

    ArgType(final String jsonName, final ValueType valueType)
    {
        this.jsonName = jsonName;
        this.valueType = valueType;
    }

    /**
     * @return the EventValue member name, as written in {@code events.yaml} and in JSON output.
     */
    public String jsonName()
    {
        return jsonName;
    }

    /**
     * @return the SBE value type that carries it.
     */
    public ValueType valueType()
    {
        return valueType;
    }

    /**
     * @param name an EventValue member name such as {@code str_array}.
     * @return the type, or null when the name is not one.
     */
    public static ArgType byJsonName(final String name)
    {
        for (final ArgType type : values())
        {
            if (type.jsonName.equals(name))
            {
                return type;
            }
        }
        return null;
    }
}
