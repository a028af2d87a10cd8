package io.sluice.source;

import com.google.protobuf.MessageLite;
import io.sluice.codec.catalog.ArgType;
import io.sluice.codec.wire.WireCanonical;
import io.sluice.proto.v1beta1.Capability;
import io.sluice.proto.v1beta1.Credentials;
import io.sluice.proto.v1beta1.DNS;
import io.sluice.proto.v1beta1.DNSQuestion;
import io.sluice.proto.v1beta1.DNSResourceRecord;
import io.sluice.proto.v1beta1.DnsAnswer;
import io.sluice.proto.v1beta1.DnsQueryData;
import io.sluice.proto.v1beta1.DnsQuestions;
import io.sluice.proto.v1beta1.DnsResponseData;
import io.sluice.proto.v1beta1.DnsResponses;
import io.sluice.proto.v1beta1.DoubleValue;
import io.sluice.proto.v1beta1.HTTP;
import io.sluice.proto.v1beta1.HTTPRequest;
import io.sluice.proto.v1beta1.HTTPResponse;
import io.sluice.proto.v1beta1.HttpHeader;
import io.sluice.proto.v1beta1.ICMP;
import io.sluice.proto.v1beta1.ICMPv6;
import io.sluice.proto.v1beta1.IPv4;
import io.sluice.proto.v1beta1.IPv6;
import io.sluice.proto.v1beta1.PacketDirection;
import io.sluice.proto.v1beta1.PacketMetadata;
import io.sluice.proto.v1beta1.TCP;
import io.sluice.proto.v1beta1.Timespec;
import io.sluice.proto.v1beta1.UDP;
import io.sluice.proto.v1beta1.UInt32Value;

import java.util.EnumMap;
import java.util.Map;

/**
 * Plausible message-typed argument values for the synthetic source, as a loopback DNS lookup and an HTTP exchange
 * would produce them: credentials of root and of a user, timespecs, IPv4/IPv6/TCP/UDP/ICMP headers, DNS queries and
 * answers, packet metadata, HTTP requests and responses. Encoded once in the record's canonical form.
 */
final class SyntheticMessages
{
    private static final String CLIENT = "10.0.0.7";
    private static final String SERVER = "93.184.216.34";
    private static final String RESOLVER = "10.0.0.1";

    private final Map<ArgType, byte[][]> values = new EnumMap<>(ArgType.class);

    SyntheticMessages()
    {
        values.put(ArgType.CREDENTIALS, encode(credentials(0, Capability.CAP_SYS_ADMIN), credentials(1000, Capability.CAP_NET_RAW)));
        values.put(ArgType.TIMESPEC, encode(timespec(1.5), timespec(0.25), timespec(86_400.000_001)));
        values.put(ArgType.IPV4, encode(
            IPv4.newBuilder().setVersion(4).setIhl(5).setLength(60).setId(4242).setFlags(2).setTtl(64).setProtocol("TCP")
                .setChecksum(0xB1E6).setSrcIp(CLIENT).setDstIp(SERVER).build(),
            IPv4.newBuilder().setVersion(4).setIhl(5).setLength(57).setId(777).setTtl(64).setProtocol("UDP")
                .setChecksum(0x3C1A).setSrcIp(CLIENT).setDstIp(RESOLVER).build()));
        values.put(ArgType.IPV6, encode(IPv6.newBuilder().setVersion(6).setFlowLabel(0x5A5A5).setLength(40).setNextHeader("TCP")
            .setHopLimit(64).setSrcIp("fe80::1").setDstIp("2606:2800:220:1:248:1893:25c8:1946").build()));
        values.put(ArgType.TCP, encode(
            TCP.newBuilder().setSrcPort(40_000).setDstPort(443).setSeq(1_000_000).setDataOffset(10).setSynFlag(1)
                .setWindow(64_240).setChecksum(0x1C46).build(),
            TCP.newBuilder().setSrcPort(8080).setDstPort(51_234).setSeq(42).setAck(1_000_001).setDataOffset(5)
                .setPshFlag(1).setAckFlag(1).setWindow(502).setChecksum(0xFE30).build()));
        values.put(ArgType.UDP, encode(UDP.newBuilder().setSrcPort(40_000).setDstPort(53).setLength(37).setChecksum(0x9F1D).build()));
        values.put(ArgType.ICMP, encode(ICMP.newBuilder().setTypeCode("EchoRequest").setChecksum(0xF7FD).setId(1).setSeq(1).build()));
        values.put(ArgType.ICMPV6, encode(ICMPv6.newBuilder().setTypeCode("EchoRequest").setChecksum(0x8A2B).build()));
        values.put(ArgType.DNS, encode(dnsQuery(), dnsAnswer()));
        values.put(ArgType.DNS_QUESTIONS, encode(DnsQuestions.newBuilder().addQuestions(query("example.com", "A")).build(),
            DnsQuestions.newBuilder().addQuestions(query("sluice.local", "AAAA")).build()));
        values.put(ArgType.DNS_RESPONSES, encode(DnsResponses.newBuilder().addResponses(DnsResponseData.newBuilder()
            .setDnsQueryData(query("example.com", "A"))
            .addDnsAnswer(DnsAnswer.newBuilder().setType("A").setTtl(300).setAnswer(SERVER))).build()));
        values.put(ArgType.PACKET_METADATA, encode(
            metadata(CLIENT, RESOLVER, 40_000, 53, 17, 71, PacketDirection.EGRESS),
            metadata(SERVER, CLIENT, 443, 40_000, 6, 1500, PacketDirection.INGRESS)));
        values.put(ArgType.HTTP, encode(HTTP.newBuilder().setDirection("request").setMethod("GET").setProtocol("HTTP/1.1")
            .setHost("127.0.0.1:8080").setUriPath("/index.html").putHeaders("Accept", header("*/*")).build()));
        values.put(ArgType.HTTP_REQUEST, encode(HTTPRequest.newBuilder().setMethod("POST").setProtocol("HTTP/1.1")
            .setHost("127.0.0.1:8080").setUriPath("/api/v1/login").putHeaders("Content-Type", header("application/json"))
            .putHeaders("User-Agent", header("curl/8.5.0")).setContentLength(27).build()));
        values.put(ArgType.HTTP_RESPONSE, encode(HTTPResponse.newBuilder().setStatus("200 OK").setStatusCode(200)
            .setProtocol("HTTP/1.1").putHeaders("Content-Type", header("text/html; charset=utf-8")).setContentLength(1256).build()));
    }

    /**
     * @param type a message-typed argument type.
     * @return its encoded values, null when the type is not one.
     */
    byte[][] values(final ArgType type)
    {
        return values.get(type);
    }

    private static byte[][] encode(final MessageLite... messages)
    {
        final byte[][] encoded = new byte[messages.length][];
        for (int i = 0; i < messages.length; i++)
        {
            encoded[i] = WireCanonical.bytes(messages[i]);
        }
        return encoded;
    }

    private static Credentials credentials(final int id, final Capability capability)
    {
        final UInt32Value value = UInt32Value.newBuilder().setValue(id).build();
        return Credentials.newBuilder().setUid(value).setGid(value).setSuid(value).setSgid(value).setEuid(value)
            .setEgid(value).setFsuid(value).setFsgid(value).setUserNamespace(UInt32Value.newBuilder().setValue(0xEFFFFFFD))
            .setSecureBits(UInt32Value.getDefaultInstance())
            .addCapPermitted(capability).addCapEffective(capability).addCapBounding(Capability.CAP_CHOWN)
            .addCapBounding(capability).build();
    }

    private static Timespec timespec(final double seconds)
    {
        return Timespec.newBuilder().setValue(DoubleValue.newBuilder().setValue(seconds)).build();
    }

    private static DnsQueryData query(final String name, final String type)
    {
        return DnsQueryData.newBuilder().setQuery(name).setQueryType(type).setQueryClass("IN").build();
    }

    private static DNS dnsQuery()
    {
        return DNS.newBuilder().setId(0x1D2C).setOpCode("Query").setRd(1).setResponseCode("No Error").setQdCount(1)
            .addQuestions(DNSQuestion.newBuilder().setName("example.com").setType("A").setClass_("IN")).build();
    }

    private static DNS dnsAnswer()
    {
        return dnsQuery().toBuilder().setQr(1).setRa(1).setAnCount(1)
            .addAnswers(DNSResourceRecord.newBuilder().setName("example.com").setType("A").setClass_("IN").setTtl(300)
                .setIp(SERVER)).build();
    }

    private static PacketMetadata metadata(
        final String src, final String dst, final int srcPort, final int dstPort, final int protocol, final int length,
        final PacketDirection direction)
    {
        return PacketMetadata.newBuilder().setSrcIp(src).setDstIp(dst).setSrcPort(srcPort).setDstPort(dstPort)
            .setProtocol(protocol).setPacketLen(length).setIface("eth0").setDirection(direction).build();
    }

    private static HttpHeader header(final String value)
    {
        return HttpHeader.newBuilder().addHeader(value).build();
    }
}
