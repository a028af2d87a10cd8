package io.sluice.codec.wire;

import static io.sluice.codec.wire.FieldKind.STRING;
import static io.sluice.codec.wire.FieldKind.UINT32;
import static io.sluice.codec.wire.WireField.message;
import static io.sluice.codec.wire.WireField.scalar;

/**
 * Tracee's DNS messages: the decoded packet ({@code DNS} with its questions and resource records) and the
 * question/answer summaries ({@code DnsQuestions}, {@code DnsResponses}), as {@code api/v1beta1/event_data.proto}
 * declares them.
 */
public final class DnsShapes
{
    private static final WireShape QUESTION = WireShape.of("DNSQuestion",
        scalar(1, "name", STRING), scalar(2, "type", STRING), scalar(3, "class", STRING));
    private static final WireShape SOA = WireShape.of("DNSSOA",
        scalar(1, "mname", STRING), scalar(2, "rname", STRING), scalar(3, "serial", UINT32), scalar(4, "refresh", UINT32),
        scalar(5, "retry", UINT32), scalar(6, "expire", UINT32), scalar(7, "minimum", UINT32));
    private static final WireShape SRV = WireShape.of("DNSSRV",
        scalar(1, "priority", UINT32), scalar(2, "weight", UINT32), scalar(3, "port", UINT32), scalar(4, "name", STRING));
    private static final WireShape MX = WireShape.of("DNSMX", scalar(1, "Preference", UINT32), scalar(2, "name", STRING));
    private static final WireShape OPT = WireShape.of("DNSOPT", scalar(1, "code", STRING), scalar(2, "data", STRING));
    private static final WireShape URI = WireShape.of("DNSURI",
        scalar(1, "priority", UINT32), scalar(2, "weight", UINT32), scalar(3, "target", STRING));
    private static final WireShape RESOURCE_RECORD = WireShape.of("DNSResourceRecord",
        scalar(1, "name", STRING), scalar(2, "type", STRING), scalar(3, "class", STRING), scalar(4, "ttl", UINT32),
        scalar(5, "ip", STRING), scalar(6, "ns", STRING), scalar(7, "cname", STRING), scalar(8, "ptr", STRING),
        WireField.repeatedString(9, "txts"), message(10, "soa", SOA, false), message(11, "srv", SRV, false),
        message(12, "mx", MX, false), message(13, "opt", OPT, true), message(14, "uri", URI, false),
        scalar(15, "txt", STRING));
    private static final WireShape QUERY_DATA = WireShape.of("DnsQueryData",
        scalar(1, "query", STRING), scalar(2, "query_type", STRING), scalar(3, "query_class", STRING));
    private static final WireShape ANSWER = WireShape.of("DnsAnswer",
        scalar(1, "type", STRING), scalar(2, "ttl", UINT32), scalar(3, "answer", STRING));
    private static final WireShape RESPONSE_DATA = WireShape.of("DnsResponseData",
        message(1, "dns_query_data", QUERY_DATA, false), message(2, "dns_answer", ANSWER, true));

    /** {@code DNS}. */
    public static final WireShape DNS = WireShape.of("DNS",
        scalar(1, "id", UINT32), scalar(2, "qr", UINT32), scalar(3, "op_code", STRING), scalar(4, "aa", UINT32),
        scalar(5, "tc", UINT32), scalar(6, "rd", UINT32), scalar(7, "ra", UINT32), scalar(8, "z", UINT32),
        scalar(9, "response_code", STRING), scalar(10, "qd_count", UINT32), scalar(11, "an_count", UINT32),
        scalar(12, "ns_count", UINT32), scalar(13, "ar_count", UINT32), message(14, "questions", QUESTION, true),
        message(15, "answers", RESOURCE_RECORD, true), message(16, "authorities", RESOURCE_RECORD, true),
        message(17, "additionals", RESOURCE_RECORD, true));

    /** {@code DnsQuestions}. */
    public static final WireShape DNS_QUESTIONS = WireShape.of("DnsQuestions", message(1, "questions", QUERY_DATA, true));

    /** {@code DnsResponses}. */
    public static final WireShape DNS_RESPONSES = WireShape.of("DnsResponses", message(1, "responses", RESPONSE_DATA, true));

    private DnsShapes()
    {
    }
}
