package io.sluice.cli;

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

    @Option(names = "--server", paramLabel = "grpc-address=ADDRESS",
        description = "Tracee's spelling of --grpc-address (only grpc-address is served).")
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
     * @return it with the event service when an address was given.
     * @throws IllegalArgumentException for a bad address, a {@code --server} key other than grpc-address, or TLS
     *                                  half given.
     */
    Pipeline onto(final Pipeline pipeline)
    {
        final String address = address();
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
        return pipeline.withService(new EventServer(ServiceAddress.parse(address), tlsCert, tlsKey, allowBlock,
            maxClients));
    }

    private String address()
    {
        String address = grpcAddress;
        for (final String value : server)
        {
            if (!value.startsWith(TRACEE_KEY))
            {
                throw new IllegalArgumentException("--server: '" + value + "': only grpc-address=ADDRESS is served by sluice");
            }
            if (address != null)
            {
                throw new IllegalArgumentException("--server: '" + value + "': the gRPC address is given twice");
            }
            address = value.substring(TRACEE_KEY.length());
        }
        return address;
    }
}
