package io.sluice.cli;

import io.sluice.cli.config.ServerSettings;
import io.sluice.engine.EngineReadings;
import io.sluice.metrics.MetricsAddress;
import io.sluice.metrics.MetricsServer;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;

/**
 * The metrics and health listener's flags: {@code --metrics-address [ADDRESS]} (off by default;
 * {@value MetricsAddress#DEFAULT} when given without a value; serves {@code /metrics} and {@code /healthz}) and
 * {@code --healthz-stall}; Tracee's spellings {@code --server http-address=ADDRESS}, {@code --server metrics},
 * {@code --server healthz} (the {@code --server} flag itself is {@link ServiceOptions}'s) and its config section
 * {@code server: {http-address, metrics, healthz}}. A flag wins over the file.
 */
public final class MetricsOptions
{
    /** Tracee's {@code --server} values this class reads. */
    static final String HTTP_ADDRESS_KEY = "http-address=";
    private static final String METRICS = "metrics";
    private static final String HEALTHZ = "healthz";
    private static final Duration DEFAULT_STALL = Duration.ofSeconds(10);

    @Option(names = "--metrics-address", paramLabel = "ADDRESS", arity = "0..1", fallbackValue = MetricsAddress.DEFAULT,
        description = {"Serve Prometheus metrics (/metrics) and health (/healthz) over HTTP, see docs/metrics.md: HOST:PORT",
            "or PORT (loopback without a host); " + MetricsAddress.DEFAULT + " when given without a value."})
    private String metricsAddress;

    @Option(names = "--healthz-stall", paramLabel = "DURATION", converter = ConfigOptions.DurationConverter.class,
        description = {"/healthz fails when a block stream holds events without delivering any, or the source is blocked",
            "on a full shared ring, for longer than this (default: 10s)."})
    private Duration healthzStall;

    /**
     * @param value a {@code --server} value.
     * @return true for the ones this class reads: {@code http-address=...}, {@code metrics}, {@code healthz}.
     */
    static boolean claims(final String value)
    {
        return value.startsWith(HTTP_ADDRESS_KEY) || value.equals(METRICS) || value.equals(HEALTHZ);
    }

    /**
     * Decide what to serve, before the engine is built, so a bad value is refused with the other settings.
     *
     * @param server the {@code --server} values given.
     * @param file   the config file's {@code server} section.
     * @return what to start once the engine exists, or null when nothing is asked for.
     * @throws IllegalArgumentException for a bad address, an address given twice, or a setting that serves nothing.
     */
    Listener plan(final List<String> server, final ServerSettings file)
    {
        String address = metricsAddress;
        String addressFrom = "--metrics-address";
        boolean metrics = metricsAddress != null;
        boolean healthz = metricsAddress != null;
        for (final String value : server)
        {
            if (value.startsWith(HTTP_ADDRESS_KEY))
            {
                if (address != null)
                {
                    throw new IllegalArgumentException("--server: '" + value + "': the metrics address is given twice");
                }
                address = value.substring(HTTP_ADDRESS_KEY.length());
                addressFrom = "--server http-address";
            }
            metrics |= value.equals(METRICS);
            healthz |= value.equals(HEALTHZ);
        }
        if (address == null && file.httpAddress() != null)
        {
            address = file.httpAddress().value();
            addressFrom = file.httpAddress().origin() + ": " + file.httpAddress().field();
        }
        metrics |= file.metrics() != null && file.metrics().on();
        healthz |= file.healthz() != null && file.healthz().on();
        if (!metrics && !healthz)
        {
            if (address != null)
            {
                throw new IllegalArgumentException(addressFrom + ": '" + address + "': serves nothing without metrics or"
                    + " healthz (--server metrics, --server healthz, or server.metrics/server.healthz: true)");
            }
            if (healthzStall != null)
            {
                throw new IllegalArgumentException("--healthz-stall: needs --metrics-address or --server healthz");
            }
            return null;
        }
        if (healthzStall != null && (healthzStall.isZero() || healthzStall.isNegative()))
        {
            throw new IllegalArgumentException("--healthz-stall: must be more than 0");
        }
        return new Listener(MetricsAddress.parse(address == null ? MetricsAddress.DEFAULT : address, addressFrom),
            new MetricsServer.Endpoints(metrics, healthz), healthzStall == null ? DEFAULT_STALL : healthzStall);
    }

    /**
     * What to serve, decided; {@link #start} once the engine is built.
     *
     * @param address   where to listen.
     * @param endpoints which endpoints answer.
     * @param stall     {@code /healthz}'s stall threshold.
     */
    record Listener(MetricsAddress address, MetricsServer.Endpoints endpoints, Duration stall)
    {
        /**
         * @param readings the engine to report on.
         * @param err      where the address it listens on is said.
         * @return the running server.
         * @throws IllegalArgumentException when the address cannot be bound.
         */
        MetricsServer start(final EngineReadings readings, final java.io.PrintWriter err)
        {
            final MetricsServer server = MetricsServer.start(address, readings, endpoints, stall);
            err.println("sluice: metrics: listening on http://" + new MetricsAddress(address.host(), server.port()) + " ("
                + endpoints.paths() + ")");
            return server;
        }
    }
}
