package io.sluice.codec.json;

import com.google.protobuf.Message;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.proto.EventProtoDecoder;
import io.sluice.codec.proto.EventProtoEncoder;
import io.sluice.codec.testing.RandomEvents;
import io.sluice.codec.testing.RandomMessages;
import io.sluice.codec.wire.StructuredValue;
import io.sluice.proto.v1beta1.DNS;
import io.sluice.proto.v1beta1.DNSQuestion;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.HTTPRequest;
import io.sluice.proto.v1beta1.HttpHeader;
import io.sluice.proto.v1beta1.IPv4;
import io.sluice.proto.v1beta1.PacketDirection;
import io.sluice.proto.v1beta1.PacketMetadata;
import io.sluice.proto.v1beta1.Timestamp;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static io.sluice.codec.testing.ReferenceJson.assertSameJson;
import static io.sluice.codec.testing.ReferenceJson.bytes;
import static io.sluice.codec.testing.ReferenceJson.printUtf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every structured {@code EventValue} kind (Tracee's credentials, timespec, packet headers, DNS and HTTP messages):
 * the record carries it without loss, and {@link EventJsonWriter} prints byte for byte what protobuf's JSON printer
 * prints for it, over random messages that set every field of every nested message.
 */
class StructuredValueJsonTest
{
    private static final int MESSAGES_PER_KIND = 2_000;

    private final EventCatalog catalog = EventCatalog.standard();
    private final EventProtoEncoder encoder = new EventProtoEncoder(catalog);
    private final EventProtoDecoder decoder = new EventProtoDecoder(catalog);
    private final EventJsonWriter writer = new EventJsonWriter(catalog);
    private final ExpandableArrayBuffer record = new ExpandableArrayBuffer(256);
    private final ExpandableArrayBuffer out = new ExpandableArrayBuffer(64);

    @ParameterizedTest
    @EnumSource(StructuredValue.class)
    void carriesTheKindAndPrintsWhatThePrinterPrints(final StructuredValue kind)
    {
        final RandomEvents text = new RandomEvents(kind.ordinal());
        final RandomMessages messages = new RandomMessages(new Random(kind.ordinal()), text::text, true);
        int nonEmpty = 0;
        for (int i = 0; i < MESSAGES_PER_KIND; i++)
        {
            final Message message = messages.message(kind);
            final Event event = event(EventValue.newBuilder().setName("arg")
                .setField(EventValue.getDescriptor().findFieldByNumber(kind.memberNumber()), message).build());
            final int length = encoder.encode(event, record, 0);
            final Event decoded = decoder.decode(record, 0, length);
            assertEquals(event, decoded, () -> kind + " does not survive the record: " + message);
            nonEmpty += message.getSerializedSize() > 0 ? 1 : 0;
            final int written = writer.write(record, 0, length, out, 0);
            assertSameJson(printUtf8(decoded), bytes(out, 0, written), () -> kind + ": " + message);
        }
        assertTrue(nonEmpty > MESSAGES_PER_KIND / 2, "most random " + kind + " messages have fields");
    }

    @Test
    void printsPacketHeadersAsTraceeDocumentsThem()
    {
        final IPv4 ipv4 = IPv4.newBuilder().setVersion(4).setIhl(5).setLength(60).setId(4242).setFlags(2).setTtl(64)
            .setProtocol("TCP").setChecksum(0xB1E6).setSrcIp("10.0.0.7").setDstIp("93.184.216.34").build();
        assertEquals("{\"name\":\"ipv4\",\"ipv4\":{\"version\":4,\"ihl\":5,\"length\":60,\"id\":4242,\"flags\":2,"
            + "\"ttl\":64,\"protocol\":\"TCP\",\"checksum\":45542,\"src_ip\":\"10.0.0.7\",\"dst_ip\":\"93.184.216.34\"}}",
            data(EventValue.newBuilder().setName("ipv4").setIpv4(ipv4).build()));
        final PacketMetadata metadata = PacketMetadata.newBuilder().setSrcIp("10.0.0.7").setDstIp("10.0.0.1")
            .setSrcPort(40000).setDstPort(53).setProtocol(17).setPacketLen(71).setIface("eth0")
            .setDirection(PacketDirection.EGRESS).build();
        assertEquals("{\"name\":\"metadata\",\"packet_metadata\":{\"src_ip\":\"10.0.0.7\",\"dst_ip\":\"10.0.0.1\","
            + "\"src_port\":40000,\"dst_port\":53,\"protocol\":17,\"packet_len\":71,\"iface\":\"eth0\",\"direction\":\"EGRESS\"}}",
            data(EventValue.newBuilder().setName("metadata").setPacketMetadata(metadata).build()));
    }

    @Test
    void printsHeadersAsAMapAndSixtyFourBitLengthsQuoted()
    {
        final HTTPRequest request = HTTPRequest.newBuilder().setMethod("GET").setProtocol("HTTP/1.1").setHost("localhost")
            .setUriPath("/index.html")
            .putHeaders("User-Agent", HttpHeader.newBuilder().addHeader("curl/8.5.0").build())
            .putHeaders("Accept", HttpHeader.newBuilder().addHeader("*/*").build())
            .setContentLength(12).build();
        assertEquals("{\"name\":\"http_request\",\"http_request\":{\"method\":\"GET\",\"protocol\":\"HTTP/1.1\","
            + "\"host\":\"localhost\",\"uri_path\":\"/index.html\",\"headers\":{\"Accept\":{\"header\":[\"*/*\"]},"
            + "\"User-Agent\":{\"header\":[\"curl/8.5.0\"]}},\"content_length\":\"12\"}}",
            data(EventValue.newBuilder().setName("http_request").setHttpRequest(request).build()));
    }

    @Test
    void printsANonCanonicalValueAsTheEmptyMessage()
    {
        final DNS dns = DNS.newBuilder().setId(7).addQuestions(DNSQuestion.newBuilder().setName("example.com")).build();
        final Event event = event(EventValue.newBuilder().setName("dns").setDns(dns).build());
        final int length = encoder.encode(event, record, 0);
        // the id (field 1, varint 7) becomes field 1 with wire type 5: a wire type DNS does not have for it
        final int at = indexOf(record, length, (byte)0x08, (byte)0x07);
        record.putByte(at, (byte)0x0D);
        final int written = writer.write(record, 0, length, out, 0);
        final String json = new String(bytes(out, 0, written), StandardCharsets.UTF_8);
        assertTrue(json.contains("{\"name\":\"dns\",\"dns\":{}}"), json);
        assertSameJson(printUtf8(decoder.decode(record, 0, length)), bytes(out, 0, written), () -> "damaged dns");
    }

    private String data(final EventValue value)
    {
        final int length = encoder.encode(event(value), record, 0);
        final int written = writer.write(record, 0, length, out, 0);
        final String json = new String(bytes(out, 0, written), StandardCharsets.UTF_8);
        assertSameJson(printUtf8(decoder.decode(record, 0, length)), bytes(out, 0, written), value::toString);
        final int start = json.indexOf("\"data\":[") + "\"data\":[".length();
        return json.substring(start, json.lastIndexOf(']')); // data is the record's last field here
    }

    private static Event event(final EventValue value)
    {
        return Event.newBuilder().setTimestamp(Timestamp.newBuilder().setSeconds(1)).setName("x").addData(value).build();
    }

    private static int indexOf(final ExpandableArrayBuffer buffer, final int length, final byte first, final byte second)
    {
        for (int i = 0; i + 1 < length; i++)
        {
            if (buffer.getByte(i) == first && buffer.getByte(i + 1) == second)
            {
                return i;
            }
        }
        throw new AssertionError("pattern not found");
    }
}
