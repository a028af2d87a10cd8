package io.sluice.codec.wire;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import io.sluice.proto.v1beta1.Capability;
import io.sluice.proto.v1beta1.Credentials;
import io.sluice.proto.v1beta1.DNS;
import io.sluice.proto.v1beta1.DNSQuestion;
import io.sluice.proto.v1beta1.DNSResourceRecord;
import io.sluice.proto.v1beta1.DNSSOA;
import io.sluice.proto.v1beta1.DoubleValue;
import io.sluice.proto.v1beta1.HTTPRequest;
import io.sluice.proto.v1beta1.HttpHeader;
import io.sluice.proto.v1beta1.IPv4;
import io.sluice.proto.v1beta1.PacketDirection;
import io.sluice.proto.v1beta1.PacketMetadata;
import io.sluice.proto.v1beta1.Timespec;
import io.sluice.proto.v1beta1.UInt32Value;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A structured value reads in the table as Tracee's table printer shows it: Go's {@code %v} of the message, which is
 * protobuf-go's one-line text format (one space between fields).
 */
class WireTextTest
{
    private final WireText text = new WireText();

    @Test
    void packetHeadersReadFieldByField()
    {
        final IPv4 ipv4 = IPv4.newBuilder().setVersion(4).setIhl(5).setLength(60).setTtl(64).setProtocol("TCP")
            .setSrcIp("10.0.0.7").setDstIp("10.0.0.1").build();
        assertEquals("version:4 ihl:5 length:60 ttl:64 protocol:\"TCP\" src_ip:\"10.0.0.7\" dst_ip:\"10.0.0.1\"",
            format(StructuredValue.IPV4, ipv4));
        final PacketMetadata metadata = PacketMetadata.newBuilder().setSrcIp("10.0.0.7").setDstPort(53).setProtocol(17)
            .setDirection(PacketDirection.EGRESS).build();
        assertEquals("src_ip:\"10.0.0.7\" dst_port:53 protocol:17 direction:EGRESS",
            format(StructuredValue.PACKET_METADATA, metadata));
    }

    @Test
    void nestedAndRepeatedMessagesAndMapsAsProtobufGoWritesThem()
    {
        final DNS dns = DNS.newBuilder().setId(7).setQr(1).setOpCode("query")
            .addQuestions(DNSQuestion.newBuilder().setName("example.com").setType("A").setClass_("IN"))
            .addAnswers(DNSResourceRecord.newBuilder().setName("example.com").setTtl(300).setIp("93.184.216.34")
                .addTxts("a").addTxts("b").setSoa(DNSSOA.newBuilder().setSerial(1)))
            .build();
        assertEquals("id:7 qr:1 op_code:\"query\" questions:{name:\"example.com\" type:\"A\" class:\"IN\"} "
            + "answers:{name:\"example.com\" ttl:300 ip:\"93.184.216.34\" txts:\"a\" txts:\"b\" soa:{serial:1}}",
            format(StructuredValue.DNS, dns));
        final HTTPRequest request = HTTPRequest.newBuilder().setMethod("GET")
            .putHeaders("User-Agent", HttpHeader.newBuilder().addHeader("curl").build())
            .putHeaders("Accept", HttpHeader.newBuilder().build()).setContentLength(-1).build();
        assertEquals("method:\"GET\" headers:{key:\"Accept\" value:{}} headers:{key:\"User-Agent\" value:{header:\"curl\"}} "
            + "content_length:-1", format(StructuredValue.HTTP_REQUEST, request));
    }

    @Test
    void credentialsWithWrappersAndCapabilities()
    {
        final Credentials credentials = Credentials.newBuilder().setUid(UInt32Value.newBuilder().setValue(1000))
            .setGid(UInt32Value.getDefaultInstance())
            .addCapEffective(Capability.CAP_CHOWN).addCapEffectiveValue(9).addCapEffective(Capability.CAP_SYS_ADMIN).build();
        assertEquals("uid:{value:1000} gid:{} cap_effective:CAP_CHOWN cap_effective:9 cap_effective:CAP_SYS_ADMIN",
            format(StructuredValue.CREDENTIALS, credentials));
    }

    @Test
    void textIsQuotedAsProtobufGoQuotesIt()
    {
        final IPv4 ipv4 = IPv4.newBuilder().setProtocol("a\"b\\c\n\t\u0001\u007f\u0085é😀").build();
        assertEquals("protocol:\"a\\\"b\\\\c\\n\\t\\x01\\x7f\\u0085é😀\"", format(StructuredValue.IPV4, ipv4));
    }

    @ParameterizedTest
    @CsvSource({
        "1.5, 1.5", "1700000000.5, 1.7000000005e+09", "123456, 123456", "1234567, 1.234567e+06", "0.0001, 0.0001",
        "0.00001, 1e-05", "0, 0", "-0.0, -0", "100, 100", "1e21, 1e+21", "0.25, 0.25",
        "1.7976931348623157e308, 1.7976931348623157e+308", "-2.5e-7, -2.5e-07", "NaN, nan", "Infinity, inf",
        "-Infinity, -inf", "12.0625, 12.0625"})
    void doublesAsGosShortestG(final double seconds, final String go)
    {
        final Timespec timespec = Timespec.newBuilder().setValue(DoubleValue.newBuilder().setValue(seconds)).build();
        assertEquals("value:{value:" + go + "}", format(StructuredValue.TIMESPEC, timespec).replace("value:{}", "value:{value:0}"));
    }

    @Test
    void bytesThatAreNotCanonicalShowNothing()
    {
        final byte[] zeroField = {0x08, 0x00}; // version 0 written out: valid wire, not canonical
        assertEquals(0, text.format(StructuredValue.IPV4, new UnsafeBuffer(zeroField), 0, zeroField.length));
    }

    private String format(final StructuredValue kind, final MessageLite message)
    {
        final ExpandableArrayBuffer record = new ExpandableArrayBuffer(64);
        final byte[] wire = new byte[message.getSerializedSize()];
        final CodedOutputStream out = CodedOutputStream.newInstance(wire);
        out.useDeterministicSerialization(); // map keys sorted, as the record holds them
        try
        {
            message.writeTo(out);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        record.putBytes(3, wire);
        final int length = text.format(kind, record, 3, wire.length);
        final byte[] bytes = new byte[length];
        text.text().getBytes(0, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
