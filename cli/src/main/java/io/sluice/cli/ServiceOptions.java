package io.sluice.cli;

import io.sluice.cli.config.ServerSettings;
import io.sluice.engine.Pipeline;
import io.sluice.service.EventServer;
import io.sluice.service.ServiceAddress;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The event service's flags: {@code --grpc-address [ADDRESS]} (off by default; {@value ServiceAddress#DEFAULT} when
 * given without a value), Tracee's spelling {@code --server grpc-address=ADDRESS}, and TLS with
 * {@code --grpc-tls-cert}/{@code --grpc-tls-key}; who may hold tracing back ({@code --grpc-allow-block}: block clients
 * over TCP) and how many clients at once ({@code --grpc-max-clients}).
 */
public final class ServiceOptions
{
    private static final String TRACEE_KEY = "grpc-address=";

    @Option(names = "--grpc-address", paramLabel = "ADDRESS", arity = "0..1", fallbackValue = ServiceAddress.DEFAULT,
        description = {"Serve events over gRPC (sluice.v1beta1.SluiceService, see docs/service.md): HOST:PORT, PORT,",
            "tcp:HOST:PORT or unix:/path (a socket file made 0600); " + ServiceAddress.DEFAULT + " when given without a value.",
            "Each client is a stream of its own: drop mode by default (a slow client never stalls tracing)."})
    private String grpcAddress;

    @Option(names = "--server", paramLabel = "KEY[=VALUE]",
        description = {"Tracee's spelling: grpc-address=ADDRESS (--grpc-address), http-address=ADDRESS (--metrics-address),",
            "metrics (/metrics), healthz (/healthz); repeatable."})
    private List<String> server = new ArrayList<>();

    @Option(names = "--grpc-allow-block", description = {"Let clients over TCP ask for block mode (a block client that reads",
        "slowly holds tracing back; TCP has no authentication). Always allowed on a unix: socket (owner only)."})
    private boolean allowBlock;

    @Option(names = "--grpc-max-clients", paramLabel = "N", defaultValue = "64",
        description = "Most clients connected at once; past it a client is refused (RESOURCE_EXHAUSTED). Default: ${DEFAULT-VALUE}.")
    private int maxClients;

    @Option(names = "--grpc-tls-cert", paramLabel = "FILE", description = "Serve gRPC over TLS: the certificate chain (PEM).")
    private Path tlsCert;

    @Option(names = "--grpc-tls-key", paramLabel = "FILE", description = "Serve gRPC over TLS: the private key (PKCS#8 PEM).")
    private Path tlsKey;

    /**
     * @param pipeline the pipeline.
     * @param file     the config file's {@code server} section ({@code grpc-address}; the flags win).
     * @return it with the event service when an address was given.
     * @throws IllegalArgumentException for a bad address, a {@code --server} key other than grpc-address, or TLS
     *                                  half given.
     */
    Pipeline onto(final Pipeline pipeline, final ServerSettings file)
    {
        final String address = address(file);
        if (address == null)
        {
            if (tlsCert != null || tlsKey != null)
            {
                throw new IllegalArgumentException("--grpc-tls-cert/--grpc-tls-key: need --grpc-address");
            }
            if (allowBlock)
            {
                throw new IllegalArgumentException("--grpc-allow-block: needs --grpc-address");
            }
            return pipeline;
        }
        return pipeline.withService(new EventServer(parse(address, file), tlsCert, tlsKey, allowBlock, maxClients));
    }

    /** The address, refused naming the config file's line when it came from there. */
    private ServiceAddress parse(final String address, final ServerSettings file)
    {
        try
        {
            return ServiceAddress.parse(address);
        }
        catch (final IllegalArgumentException ex)
        {
            if (file.grpcAddress() != null && grpcAddress == null && server.stream().noneMatch(v -> v.startsWith(TRACEE_KEY)))
            {
                throw new io.sluice.config.ConfigException(file.grpcAddress().origin(), file.grpcAddress().field(), address,
                    ex.getMessage().substring(ex.getMessage().lastIndexOf("': ") + 3));
            }
            throw ex;
        }
    }

    /** @return every {@code --server} value given (the metrics listener reads its own, {@link MetricsOptions}). */
    List<String> server()
    {
        return server;
    }

    private String address(final ServerSettings file)
    {
        String address = grpcAddress;
        for (final String value : server)
        {
            if (MetricsOptions.claims(value))
            {
                continue;
            }
            if (!value.startsWith(TRACEE_KEY))
            {
                throw new IllegalArgumentException("--server: '" + value + "': sluice serves grpc-address=ADDRESS,"
                    + " http-address=ADDRESS, metrics and healthz");
            }
            if (address != null)
            {
                throw new IllegalArgumentException("--server: '" + value + "': the gRPC address is given twice");
            }
            address = value.substring(TRACEE_KEY.length());
        }
        return address == null && file.grpcAddress() != null ? file.grpcAddress().value() : address;
    }
}
