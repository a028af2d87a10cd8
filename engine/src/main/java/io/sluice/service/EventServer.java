package io.sluice.service;

import org.slf4j.LoggerFactory;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress;
import io.grpc.netty.shaded.io.netty.util.internal.logging.InternalLoggerFactory;
import io.grpc.netty.shaded.io.netty.util.internal.logging.JdkLoggerFactory;
import io.sluice.engine.LiveEngine;
import io.sluice.engine.LiveService;
import io.sluice.proto.v1beta1.StreamCounters;
import io.sluice.stream.DrainDeadline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The event service ({@code --grpc-address}): a gRPC server (grpc-java over shaded Netty) on a TCP address or a Unix
 * domain socket (epoll; see {@link UnixSocketFile}: owner only from the start), with TLS when given a certificate and key.
 * Over TCP there is no authentication: block clients (which can hold tracing back) are refused unless allowed, and at
 * most {@code maxClients} clients are connected at once. Each
 * {@code StreamEvents} call is a stream of its own on the engine's {@link io.sluice.stream.ClientHub}; at stop the
 * clients' streams deliver what they hold within the drain timeout and their calls are completed; the server then waits,
 * within the same deadline, for the clients to read what their calls were sent (a message counts delivered once gRPC's
 * flow-controlled window took it, so cutting the calls off sooner would lose what was counted delivered).
 */
public final class EventServer implements LiveService
{
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(EventServer.class);

    /**
     * gRPC and Netty log through {@code java.util.logging} (Netty told so here, rather than through whatever SLF4J
     * binding is on the class path); these two loggers only report what the service counts itself: a client that left
     * with writes pending ({@code Stream closed before write could take place}), and TCP keep-alive not applying to a
     * Unix socket. Held here so the levels stay set.
     */
    private static final List<Logger> QUIET = List.of(
        Logger.getLogger("io.grpc.netty.shaded.io.grpc.netty.NettyServerHandler"),
        Logger.getLogger("io.grpc.netty.shaded.io.netty.bootstrap.ServerBootstrap"));

    static
    {
        InternalLoggerFactory.setDefaultFactory(JdkLoggerFactory.INSTANCE);
        QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
    }

    /** How long a stopping server waits for its calls to end at least, even past the drain deadline. */
    private static final long MIN_TERMINATION_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ServiceAddress address;
    private final Path tlsCert;
    private final Path tlsKey;
    private final boolean blockAllowed;
    private final ClientRegistry clients;
    private Server server;
    private EpollEventLoopGroup unixLoops;
    /** The run's drain deadline as the server sees it: started at draining (or at stop), it bounds the stop. */
    private DrainDeadline stopDeadline;

    /**
     * @param address where to listen.
     * @param tlsCert the server's certificate chain (PEM), or null for plaintext.
     * @param tlsKey     its private key (PKCS#8 PEM), or null for plaintext.
     * @param allowBlock whether clients may ask for block mode over TCP (always on a Unix socket, owner only).
     * @param maxClients how many clients may be connected at once.
     */
    public EventServer(final ServiceAddress address, final Path tlsCert, final Path tlsKey, final boolean allowBlock,
        final int maxClients)
    {
        if (maxClients < 1)
        {
            throw new IllegalArgumentException("--grpc-max-clients: '" + maxClients + "': must be at least 1");
        }
        if ((tlsCert == null) != (tlsKey == null))
        {
            throw new IllegalArgumentException("--grpc-tls-cert and --grpc-tls-key go together");
        }
        this.address = address;
        this.tlsCert = tlsCert;
        this.tlsKey = tlsKey;
        this.blockAllowed = allowBlock || address.isUnix();
        this.clients = new ClientRegistry(maxClients);
    }

    @Override
    public void bind(final LiveEngine engine)
    {
        stopDeadline = new DrainDeadline(engine.drainTimeout());
        final NettyServerBuilder builder;
        UnixSocketFile socket = null;
        if (address.isUnix())
        {
            socket = UnixSocketFile.prepare(address.path());
            unixLoops = new EpollEventLoopGroup(1);
            builder = NettyServerBuilder.forAddress(new DomainSocketAddress(socket.bindPath().toString()))
                .channelType(EpollServerDomainSocketChannel.class).bossEventLoopGroup(unixLoops).workerEventLoopGroup(unixLoops);
        }
        else
        {
            builder = NettyServerBuilder.forAddress(address.socketAddress());
        }
        if (tlsCert != null)
        {
            builder.useTransportSecurity(tlsCert.toFile(), tlsKey.toFile());
        }
        builder.addService(ServerInterceptors.intercept(new SluiceServiceCalls(engine, clients, blockAllowed).definition(),
            new PeerAddress()));
        try
        {
            server = builder.build().start();
            if (socket != null)
            {
                socket.publish();
            }
            LOG.info("event service: listening on {}{}", listening(), tlsCert != null ? " (TLS)" : "");
        }
        catch (final IOException | IllegalArgumentException ex)
        {
            shutDownNow();
            throw UnixSocketFile.refusal(address.toString(), "cannot listen: " + RootCause.message(ex));
        }
        finally
        {
            if (socket != null)
            {
                socket.cleanUp();
            }
        }
    }

    private String listening()
    {
        return address.isUnix() ? address.toString() : new ServiceAddress(address.host(), server.getPort(), null).toString();
    }

    /**
     * @return the port the server listens on (TCP; useful with port 0), or -1 for a Unix socket.
     */
    public int port()
    {
        return address.isUnix() ? -1 : server.getPort();
    }

    /**
     * @return the final counters of the clients that left or were ended at stop, oldest first (at most
     * {@value ClientRegistry#ENDED_KEPT}).
     */
    public List<StreamCounters> endedClients()
    {
        return clients.ended();
    }

    @Override
    public void draining()
    {
        stopDeadline.start();
        clients.startDeadlines();
    }

    @Override
    public void stop()
    {
        if (server == null)
        {
            return;
        }
        stopDeadline.start();
        server.shutdown();
        clients.endAll();
        try
        {
            // the completed calls end once their clients have read what gRPC's windows still hold for them
            final long left = Math.max(stopDeadline.remainingNanos(System.nanoTime()), MIN_TERMINATION_NANOS);
            if (!server.awaitTermination(left, TimeUnit.NANOSECONDS))
            {
                LOG.warn("event service: clients had not read what they were sent by the drain deadline; their calls"
                    + " were cancelled");
                shutDownNow();
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            shutDownNow();
        }
        if (unixLoops != null)
        {
            unixLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
        if (address.isUnix())
        {
            try
            {
                Files.deleteIfExists(address.path());
            }
            catch (final IOException ignore)
            {
                // a socket file left behind is removed at the next start
            }
        }
    }

    private void shutDownNow()
    {
        if (server != null)
        {
            server.shutdownNow();
        }
        if (unixLoops != null)
        {
            unixLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }
}
