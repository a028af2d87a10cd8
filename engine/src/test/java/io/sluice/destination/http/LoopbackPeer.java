package io.sluice.destination.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;

/**
 * Test helper: a real HTTP server on loopback (the JDK's {@code com.sun.net.httpserver}), answering each request with
 * the status its rule gives for the body (after the delay the rule may sleep), and keeping every body it got.
 */
public final class LoopbackPeer implements AutoCloseable
{
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable ->
    {
        final Thread thread = new Thread(runnable, "loopback-peer");
        thread.setDaemon(true);
        return thread;
    });
    /** Every body received, in arrival order, with the status it was answered. */
    public final List<String> received = new CopyOnWriteArrayList<>();

    /**
     * @param rule the status for a body; may sleep first.
     */
    public LoopbackPeer(final ToIntFunction<String> rule) throws IOException
    {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(threads);
        server.createContext("/", exchange -> answer(exchange, rule));
        server.start();
    }

    /**
     * @param query the query, or empty.
     * @return the URL of this peer's {@code /events}.
     */
    public String url(final String query)
    {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/events" + (query.isEmpty() ? "" : "?" + query);
    }

    private void answer(final HttpExchange exchange, final ToIntFunction<String> rule) throws IOException
    {
        final String body;
        try (InputStream in = exchange.getRequestBody())
        {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        final int status = rule.applyAsInt(body);
        received.add(status + " " + exchange.getRequestHeaders().getFirst("Content-Type") + " " + body);
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close()
    {
        server.stop(0);
        threads.shutdownNow();
    }
}
