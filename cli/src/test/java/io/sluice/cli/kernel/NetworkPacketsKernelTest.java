package io.sluice.cli.kernel;

import com.sun.net.httpserver.HttpServer;
import io.sluice.proto.v1beta1.DnsAnswer;
import io.sluice.proto.v1beta1.DnsQueryData;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.HTTPRequest;
import io.sluice.proto.v1beta1.HTTPResponse;
import io.sluice.proto.v1beta1.PacketDirection;
import io.sluice.proto.v1beta1.PacketMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The network events on the real kernel: a peer process ({@code net_peer.py}) asks a DNS responder of its own on
 * 127.0.0.1:53 for a fresh name and GETs a path from an HTTP server of its own; {@code net_packet_dns_request} and
 * {@code _response} carry the question and the answer, {@code net_packet_http_request} and {@code _response} the
 * method, path, host, status and headers, all attributed to the peer's pid, with the packets' metadata.
 */
class NetworkPacketsKernelTest
{
    @BeforeAll
    static void kernel()
    {
        KernelTestSupport.requireKernel();
    }

    @Test
    void dnsAndHttpExchangesOnLoopbackAreDecodedAndAttributed(@TempDir final Path dir) throws Exception
    {
        final Exchange exchange = exchange(dir,
            "net_packet_dns_request,net_packet_dns_response,net_packet_http_request,net_packet_http_response");
        final List<Event> mine = exchange.events;
        final String name = exchange.name;
        final String path = exchange.path;

        final Event request = one(mine, "net_packet_dns_request");
        assertEquals(List.of(DnsQueryData.newBuilder().setQuery(name).setQueryType("A").setQueryClass("IN").build()),
            value(request, "dns_questions").getDnsQuestions().getQuestionsList());
        final PacketMetadata requestMeta = value(request, "metadata").getPacketMetadata();
        assertEquals("127.0.0.1", requestMeta.getSrcIp());
        assertEquals(53, requestMeta.getDstPort());
        assertEquals(17, requestMeta.getProtocol());

        final Event response = one(mine, "net_packet_dns_response");
        final var answers = value(response, "dns_response").getDnsResponses().getResponses(0);
        assertEquals(name, answers.getDnsQueryData().getQuery());
        assertEquals(List.of(DnsAnswer.newBuilder().setType("A").setTtl(300).setAnswer("10.1.2.3").build()),
            answers.getDnsAnswerList());
        assertEquals(53, value(response, "metadata").getPacketMetadata().getSrcPort());

        final HTTPRequest http = value(one(mine, "net_packet_http_request"), "http_request")
            .getHttpRequest();
        assertEquals("GET", http.getMethod());
        assertEquals(path, http.getUriPath());
        assertEquals("HTTP/1.1", http.getProtocol());
        assertTrue(http.getHost().startsWith("127.0.0.1:"), http.toString());
        assertEquals(List.of("request"), http.getHeadersMap().get("X-Sluice-Test").getHeaderList());

        final HTTPResponse reply = value(one(mine, "net_packet_http_response"), "http_response")
            .getHttpResponse();
        assertEquals("200 OK", reply.getStatus());
        assertEquals(200, reply.getStatusCode());
        assertEquals(5, reply.getContentLength());
        assertEquals(List.of("yes"), reply.getHeadersMap().get("X-Sluice-Reply").getHeaderList());
    }

    @Test
    void headersOfIpUdpTcpAndIcmpPacketsAreDecoded(@TempDir final Path dir) throws Exception
    {
        final Exchange exchange = exchange(dir, "net_packet_ipv4,net_packet_ipv6,net_packet_udp,net_packet_tcp,net_packet_icmp");
        final List<Event> mine = exchange.events;

        final Event echo = one(mine, "net_packet_icmp");
        assertEquals(PacketDirection.EGRESS, value(echo, "metadata").getPacketMetadata().getDirection());
        final var icmp = value(echo, "proto_icmp").getIcmp();
        assertEquals("EchoRequest", icmp.getTypeCode());
        assertEquals(0x5151, icmp.getId());
        assertEquals(7, icmp.getSeq());

        final var udp6 = mine.stream().filter(e -> e.getName().equals("net_packet_ipv6")).findFirst()
            .orElseThrow(() -> new AssertionError("no net_packet_ipv6 among " + mine));
        assertEquals("::1", value(udp6, "dst").getStr());
        assertEquals("UDP", value(udp6, "proto_ipv6").getIpv6().getNextHeader());

        final Event dnsUdp = mine.stream().filter(e -> e.getName().equals("net_packet_udp")
            && value(e, "dst_port").getUInt32() == 53).findFirst().orElseThrow(() -> new AssertionError("no UDP to 53"));
        assertEquals(53, value(dnsUdp, "proto_udp").getUdp().getDstPort());
        assertEquals("127.0.0.1", value(dnsUdp, "src").getStr());

        final Event syn = mine.stream().filter(e -> e.getName().equals("net_packet_tcp")
            && value(e, "proto_tcp").getTcp().getSynFlag() == 1 && value(e, "proto_tcp").getTcp().getAckFlag() == 0)
            .findFirst().orElseThrow(() -> new AssertionError("no SYN among " + mine));
        assertEquals(syn.getWorkload().getProcess().getPid().getValue(), exchange.pid);

        final Event ipv4 = mine.stream().filter(e -> e.getName().equals("net_packet_ipv4")
            && value(e, "proto_ipv4").getIpv4().getProtocol().equals("ICMPv4")).findFirst()
            .orElseThrow(() -> new AssertionError("no IPv4 ICMP among " + mine));
        assertEquals(4, value(ipv4, "proto_ipv4").getIpv4().getVersion());
        assertEquals(5, value(ipv4, "proto_ipv4").getIpv4().getIhl());
    }

    @Test
    void eventsPostedToAWebhookOnLoopbackRaiseNoEventsOfTheirOwn(@TempDir final Path dir) throws Exception
    {
        final AtomicInteger posts = new AtomicInteger();
        final HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/hook", exchange ->
        {
            exchange.getRequestBody().readAllBytes();
            posts.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        try
        {
            final Exchange exchange = exchange(dir, "net_packet_http_request,net_packet_http_response",
                "webhook:http://127.0.0.1:" + collector.getAddress().getPort() + "/hook");
            assertFalse(exchange.events.isEmpty(), "the peer's own GET is still traced");
            assertTrue(posts.get() > 0, "the events reached the webhook");
            final List<Event> all = KernelTestSupport.readEvents(dir.resolve("events.json"));
            final List<Event> own = all.stream().filter(e -> e.getName().equals("net_packet_http_request"))
                .filter(e -> value(e, "http_request").getHttpRequest().getUriPath().equals("/hook")).toList();
            assertEquals(List.of(), own, "the webhook's POSTs are Sluice's own traffic: traced, they would be posted and raise more");
        }
        finally
        {
            collector.stop(0);
        }
    }

    private static Exchange exchange(final Path dir, final String events) throws Exception
    {
        return exchange(dir, events, null);
    }

    /** Runs sluice with those events (and another output) while the peer makes its exchanges; answers the peer's events. */
    private static Exchange exchange(final Path dir, final String events, final String output) throws Exception
    {
        final String name = "q" + UUID.randomUUID().toString().substring(0, 8) + ".sluice.test";
        final String path = "/p" + UUID.randomUUID().toString().substring(0, 8);
        final Path json = dir.resolve("events.json");
        final Path stderr = dir.resolve("sluice.err");
        final Process sluice = output == null
            ? KernelTestSupport.startSluice(stderr, "--events", events, "--output", "json:" + json)
            : KernelTestSupport.startSluice(stderr, "--events", events, "--output", "json:" + json, "--output", output);
        final int pid;
        try
        {
            KernelTestSupport.awaitReady(sluice, stderr);
            final Process peer = new ProcessBuilder("/usr/bin/python3", peerScript().toString(), name, path)
                .redirectErrorStream(true).start();
            final BufferedReader out = new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8));
            pid = Integer.parseInt(out.readLine().trim());
            final String rest = out.readLine();
            assertTrue(peer.waitFor(30, TimeUnit.SECONDS));
            assertEquals("done", rest);
            Thread.sleep(1000);
        }
        finally
        {
            sluice.destroy();
            assertTrue(sluice.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(0, sluice.exitValue(), Files.readString(stderr));
        final List<Event> mine = KernelTestSupport.readEvents(json).stream()
            .filter(event -> event.getWorkload().getProcess().getPid().getValue() == pid).toList();
        return new Exchange(pid, name, path, mine);
    }

    /** The first event of that name (the peer sees each packet leave and, on loopback, arrive). */
    private static Event one(final List<Event> events, final String name)
    {
        final List<Event> found = events.stream().filter(event -> event.getName().equals(name)).toList();
        assertFalse(found.isEmpty(), name + " among " + events);
        return found.get(0);
    }

    private static EventValue value(final Event event, final String name)
    {
        return event.getDataList().stream().filter(v -> v.getName().equals(name)).findFirst()
            .orElseThrow(() -> new AssertionError(event.getName() + " lacks " + name + ": " + event));
    }

    private static Path peerScript() throws Exception
    {
        return Path.of(NetworkPacketsKernelTest.class.getResource("/io/sluice/cli/net_peer.py").toURI());
    }

    /** The peer's pid, the name it looked up, the path it asked for, and its events. */
    private record Exchange(int pid, String name, String path, List<Event> events)
    {
    }
}
