package io.sluice.metrics;

import com.sun.net.httpserver.HttpExchange;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.sluice.engine.EngineReadings;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The metrics and health listener ({@code --metrics-address}, Tracee's {@code server.http-address}): the Prometheus
 * client's HTTP server answering {@code /metrics} (text format, from callbacks on the engine's counters) and, on the
 * same port, {@code /healthz} ("OK", or 503 with the reasons, see {@link HealthCheck}). Its threads are daemons; the
 * engine's work is not touched by a scrape.
 */
public final class MetricsServer implements AutoCloseable
{
    private final HTTPServer server;
    private final ScheduledExecutorService sampler;

    private MetricsServer(final HTTPServer server, final ScheduledExecutorService sampler)
    {
        this.server = server;
        this.sampler = sampler;
    }

    /**
     * Bind and serve.
     *
     * @param address  where to listen.
     * @param readings the engine to report on.
     * @param endpoints which endpoints answer.
     * @param stall    {@code /healthz}'s stall threshold.
     * @return the running server.
     * @throws IllegalArgumentException when the address cannot be bound, naming it.
     */
    public static MetricsServer start(final MetricsAddress address, final EngineReadings readings, final Endpoints endpoints,
        final Duration stall)
    {
        final PrometheusRegistry registry = new PrometheusRegistry();
        if (endpoints.metrics())
        {
            PipelineMetrics.register(registry, readings);
            StreamMetrics.register(registry, readings.streams());
            registry.register(new LatencyCollector(readings.streams()));
        }
        final HealthCheck health = new HealthCheck(readings, stall, System.nanoTime());
        final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable ->
        {
            final Thread thread = new Thread(runnable, "sluice-health");
            thread.setDaemon(true);
            return thread;
        });
        final long interval = health.sampleInterval().toNanos();
        sampler.scheduleAtFixedRate(() -> health.sample(System.nanoTime()), interval, interval, TimeUnit.NANOSECONDS);
        try
        {
            final HTTPServer server = HTTPServer.builder().hostname(address.host()).port(address.port()).registry(registry)
                .registerHealthHandler(false).defaultHandler(exchange -> answer(exchange, endpoints, health))
                .buildAndStart();
            return new MetricsServer(server, sampler);
        }
        catch (final IOException | RuntimeException ex)
        {
            sampler.shutdownNow();
            throw new IllegalArgumentException("metrics: cannot listen on " + address + ": " + ex.getMessage(), ex);
        }
    }

    /** @return the port it listens on (the one chosen when the address asked for port 0). */
    public int port()
    {
        return server.getPort();
    }

    private static void answer(final HttpExchange exchange, final Endpoints endpoints, final HealthCheck health)
        throws IOException
    {
        try (exchange)
        {
            final String path = exchange.getRequestURI().getPath();
            if (endpoints.healthz() && path.equals("/healthz"))
            {
                final List<String> problems = health.problems(System.nanoTime());
                send(exchange, problems.isEmpty() ? 200 : 503, problems.isEmpty() ? "OK" : String.join("\n", problems) + "\n");
            }
            else
            {
                send(exchange, 404, "not found: " + path + " (" + endpoints.paths() + ")\n");
            }
        }
    }

    private static void send(final HttpExchange exchange, final int status, final String body) throws IOException
    {
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody())
        {
            out.write(bytes);
        }
    }

    @Override
    public void close()
    {
        sampler.shutdownNow();
        server.close();
    }

    /**
     * Which endpoints answer: both with {@code --metrics-address}; with Tracee's flags, those it names
     * ({@code --server metrics}, {@code --server healthz}). {@code /metrics} of a listener started for health alone
     * answers an empty exposition.
     *
     * @param metrics whether {@code /metrics} reports.
     * @param healthz whether {@code /healthz} answers.
     */
    public record Endpoints(boolean metrics, boolean healthz)
    {
        /** @return the paths served, for messages. */
        public String paths()
        {
            return metrics && healthz ? "/metrics, /healthz" : metrics ? "/metrics" : "/healthz";
        }
    }
}
