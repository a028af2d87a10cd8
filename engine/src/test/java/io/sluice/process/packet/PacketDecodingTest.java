package io.sluice.process.packet;

import io.sluice.proto.v1beta1.DNS;
import io.sluice.proto.v1beta1.HTTP;
import io.sluice.proto.v1beta1.TCP;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The packet decoders on hand-made packets: the strings Tracee's arguments carry (gopacket's names, Go's address and
 * header spellings) and the fields of each header.
 */
class PacketDecodingTest
{
    @Test
    void ipv6AddressesAreWrittenAsGoWritesThem()
    {
        assertEquals("::1", Ipv6Text.format(address(0, 0, 0, 0, 0, 0, 0, 1)));
        assertEquals("fe80::1:0:0:2", Ipv6Text.format(address(0xfe80, 0, 0, 0, 1, 0, 0, 2)));
        assertEquals("2001:db8:0:1:1:1:1:1", Ipv6Text.format(address(0x2001, 0xdb8, 0, 1, 1, 1, 1, 1)));
        assertEquals("::", Ipv6Text.format(address(0, 0, 0, 0, 0, 0, 0, 0)));
        assertEquals("10.0.0.1", Ipv6Text.format(address(0, 0, 0, 0, 0, 0xffff, 0x0a00, 1)));
    }

    @Test
    void icmpTypeCodesAreGopacketsNames()
    {
        assertEquals("EchoRequest", IcmpNames.v4(8, 0));
        assertEquals("DestinationUnreachable(Port)", IcmpNames.v4(3, 3));
        assertEquals("TimeExceeded(TTLExceeded)", IcmpNames.v4(11, 0));
        assertEquals("EchoReply(Code: 4)", IcmpNames.v4(0, 4));
        assertEquals("42(1)", IcmpNames.v4(42, 1));
        assertEquals("NeighborSolicitation", IcmpNames.v6(135, 0));
        assertEquals("DestinationUnreachable(PortUnreachable)", IcmpNames.v6(1, 4));
    }

    @Test
    void dnsResponseWithCompressedNamesGivesQuestionsAndAnswers()
    {
        final byte[] message = bytes(
            0x12, 0x34, 0x81, 0x80, 0, 1, 0, 2, 0, 0, 0, 0,
            3, 'w', 'w', 'w', 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 0, 0, 1, 0, 1,
            0xc0, 12, 0, 5, 0, 1, 0, 0, 0, 60, 0, 6, 3, 'c', 'd', 'n', 0xc0, 16,
            0xc0, 41, 0, 1, 0, 1, 0, 0, 1, 44, 0, 4, 10, 1, 2, 3);
        final DNS dns = new DnsDecoder().decode(message, 0, message.length);
        assertEquals(0x1234, dns.getId());
        assertEquals(1, dns.getQr());
        assertEquals("query", dns.getOpCode());
        assertEquals("no error", dns.getResponseCode());
        assertEquals("www.example", dns.getQuestions(0).getName());
        assertEquals("CNAME", dns.getAnswers(0).getType());
        assertEquals("cdn.example", dns.getAnswers(0).getCname());
        assertEquals("cdn.example", dns.getAnswers(1).getName());
        assertEquals("10.1.2.3", dns.getAnswers(1).getIp());
        final var responses = DnsDecoder.responses(dns).getResponses(0);
        assertEquals("www.example", responses.getDnsQueryData().getQuery());
        assertEquals("IN", responses.getDnsQueryData().getQueryClass());
        assertEquals(List.of("cdn.example", "10.1.2.3"),
            responses.getDnsAnswerList().stream().map(answer -> answer.getAnswer()).toList());
        assertEquals(300, responses.getDnsAnswer(1).getTtl());
    }

    @Test
    void mxAnswersAndAuthoritiesAreDecoded()
    {
        final byte[] message = bytes(
            0, 1, 0x81, 0x80, 0, 1, 0, 1, 0, 1, 0, 0,
            1, 'm', 0, 0, 15, 0, 1,
            0xc0, 12, 0, 15, 0, 1, 0, 0, 0, 9, 0, 6, 0, 10, 2, 'm', 'x', 0,
            0xc0, 12, 0, 2, 0, 1, 0, 0, 0, 9, 0, 5, 2, 'n', 's', 0xc0, 12);
        final DNS dns = new DnsDecoder().decode(message, 0, message.length);
        assertEquals("MX", dns.getAnswers(0).getType());
        assertEquals(10, dns.getAnswers(0).getMx().getPreference());
        assertEquals("mx", DnsDecoder.responses(dns).getResponses(0).getDnsAnswer(0).getAnswer());
        assertEquals("ns.m", dns.getAuthorities(0).getNs());
    }

    @Test
    void dnsCutBeforeItsHeaderEndsIsNoMessage()
    {
        assertNull(new DnsDecoder().decode(new byte[11], 0, 11));
    }

    @Test
    void httpRequestHeadAsGoReadsIt()
    {
        final byte[] head = ("POST /api/login?user=a HTTP/1.1\r\nHost: 127.0.0.1:8080\r\ncontent-type: application/json\r\n"
            + "X-Many: 1\r\nx-many: 2\r\nContent-Length: 27\r\n\r\n{").getBytes(StandardCharsets.ISO_8859_1);
        final HTTP http = new HttpDecoder().decode(head, 0, head.length);
        assertEquals("request", http.getDirection());
        assertEquals("POST", http.getMethod());
        assertEquals("/api/login", http.getUriPath());
        assertEquals("HTTP/1.1", http.getProtocol());
        assertEquals("127.0.0.1:8080", http.getHost());
        assertEquals(27, http.getContentLength());
        assertEquals(List.of("application/json"), http.getHeadersMap().get("Content-Type").getHeaderList());
        assertEquals(List.of("1", "2"), http.getHeadersMap().get("X-Many").getHeaderList());
        assertEquals(false, http.getHeadersMap().containsKey("Host"));
    }

    @Test
    void httpResponseWithoutLengthSaysMinusOne()
    {
        final byte[] head = "HTTP/1.0 404 Not Found\r\nServer: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        final HTTP http = new HttpDecoder().decode(head, 0, head.length);
        assertEquals("404 Not Found", http.getStatus());
        assertEquals(404, http.getStatusCode());
        assertEquals("HTTP/1.0", http.getProtocol());
        assertEquals(-1, http.getContentLength());
    }

    @Test
    void tcpHeaderFieldsAndFlags()
    {
        final PacketView packet = new PacketView(64);
        final byte[] raw = bytes(
            0x45, 0, 0, 40, 0, 1, 0x40, 0, 64, 6, 0, 0, 127, 0, 0, 1, 127, 0, 0, 2,
            0x9c, 0x40, 0, 80, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x12, 0xff, 0xff, 0xab, 0xcd, 0, 0);
        System.arraycopy(raw, 0, packet.bytes(), 0, raw.length);
        packet.wrap(raw.length);
        assertEquals("127.0.0.2", packet.destination());
        final TCP tcp = ReferenceHeaders.tcp(packet);
        assertEquals(40_000, tcp.getSrcPort());
        assertEquals(80, tcp.getDstPort());
        assertEquals(1, tcp.getSeq());
        assertEquals(5, tcp.getDataOffset());
        assertEquals(1, tcp.getSynFlag());
        assertEquals(1, tcp.getAckFlag());
        assertEquals(0, tcp.getFinFlag());
        assertEquals(65_535, tcp.getWindow());
        assertEquals(0xabcd, tcp.getChecksum());
        assertEquals(2, ReferenceHeaders.ipv4(packet).getFlags());
        assertEquals("TCP", ReferenceHeaders.ipv4(packet).getProtocol());
    }

    private static byte[] address(final int... groups)
    {
        final byte[] address = new byte[16];
        for (int i = 0; i < 8; i++)
        {
            address[i * 2] = (byte)(groups[i] >> 8);
            address[i * 2 + 1] = (byte)groups[i];
        }
        return address;
    }

    private static byte[] bytes(final int... values)
    {
        final byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++)
        {
            bytes[i] = (byte)values[i];
        }
        return bytes;
    }
}
