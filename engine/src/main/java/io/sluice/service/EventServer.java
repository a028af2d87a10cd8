package io.sluice.service;

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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The event service ({@code --grpc-address}): a gRPC server (grpc-java over shaded Netty) on a TCP address or a Unix
 * domain socket (epoll; the socket file is made 0600), with TLS when given a certificate and key. Each
 * {@code StreamEvents} call is a stream of its own on the engine's {@link io.sluice.stream.ClientHub}; at stop the
 * clients' streams deliver what they hold within the drain timeout and their calls are completed.
 */
public final class EventServer implements LiveService
{
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

    private final ServiceAddress address;
    private final Path tlsCert;
    private final Path tlsKey;
    private final ClientRegistry clients = new ClientRegistry();
    private Server server;
    private EpollEventLoopGroup unixLoops;

    /**
     * @param address where to listen.
     * @param tlsCert the server's certificate chain (PEM), or null for plaintext.
     * @param tlsKey  its private key (PKCS#8 PEM), or null for plaintext.
     */
    public EventServer(final ServiceAddress address, final Path tlsCert, final Path tlsKey)
    {
        if ((tlsCert == null) != (tlsKey == null))
        {
            throw new IllegalArgumentException("--grpc-tls-cert and --grpc-tls-key go together");
        }
        this.address = address;
        this.tlsCert = tlsCert;
        this.tlsKey = tlsKey;
    }

    @Override
    public void bind(final LiveEngine engine)
    {
        final NettyServerBuilder builder;
        if (address.isUnix())
        {
            removeStaleSocket(address.path());
            unixLoops = new EpollEventLoopGroup(1);
            builder = NettyServerBuilder.forAddress(new DomainSocketAddress(address.path().toString()))
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
        builder.addService(ServerInterceptors.intercept(new SluiceServiceCalls(engine, clients).definition(),
            new PeerAddress()));
        try
        {
            server = builder.build().start();
            if (address.isUnix())
            {
                Files.setPosixFilePermissions(address.path(), PosixFilePermissions.fromString("rw-------"));
            }
            System.err.println("sluice: event service: listening on " + listening() + (tlsCert != null ? " (TLS)" : ""));
        }
        catch (final IOException | IllegalArgumentException ex)
        {
            shutDownNow();
            throw refusal(address.toString(), "cannot listen: " + cause(ex));
        }
    }

    private static void removeStaleSocket(final Path path)
    {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS))
        {
            return;
        }
        if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
            || Files.isSymbolicLink(path))
        {
            throw refusal("unix:" + path, "exists and is not a socket");
        }
        try
        {
            Files.delete(path);
        }
        catch (final IOException ex)
        {
            throw refusal("unix:" + path, "cannot remove the old socket: " + ex);
        }
    }

    private static IllegalArgumentException refusal(final String address, final String problem)
    {
        return new IllegalArgumentException("--grpc-address: '" + address + "': " + problem);
    }

    private static String cause(final Throwable ex)
    {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root)
        {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
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
        clients.startDeadlines();
    }

    @Override
    public void stop()
    {
        if (server == null)
        {
            return;
        }
        server.shutdown();
        clients.endAll();
        try
        {
            if (!server.awaitTermination(1, TimeUnit.SECONDS))
            {
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
