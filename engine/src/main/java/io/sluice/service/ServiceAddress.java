package io.sluice.service;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * Where the event service listens ({@code --grpc-address}): a TCP host and port, or a Unix domain socket. Written as
 * {@code HOST:PORT}, {@code [IPv6]:PORT} or {@code PORT} (loopback), with Tracee's {@code tcp:} prefix or without it,
 * or as {@code unix:/path} (Tracee's spelling too). A TCP address without a host binds loopback; as in Tracee, a bare
 * {@code tcp} is {@value #DEFAULT} and a bare {@code unix} is {@value #DEFAULT_SOCKET}.
 *
 * @param host the TCP host, or null for a Unix socket.
 * @param port the TCP port (0: any free port), or -1 for a Unix socket.
 * @param path the Unix socket's path, or null for TCP.
 */
public record ServiceAddress(String host, int port, Path path)
{
    /** The address {@code --grpc-address} takes when given without a value. */
    public static final String DEFAULT = "127.0.0.1:4466";
    /** The socket a bare {@code unix} names (Tracee's is {@code /var/run/tracee.sock}). */
    public static final String DEFAULT_SOCKET = "/var/run/sluice.sock";

    /**
     * @param text the address as written.
     * @return it parsed.
     * @throws IllegalArgumentException naming the value and what is expected.
     */
    public static ServiceAddress parse(final String text)
    {
        if (text.equals("tcp"))
        {
            return parse(DEFAULT);
        }
        if (text.equals("unix"))
        {
            return new ServiceAddress(null, -1, Path.of(DEFAULT_SOCKET));
        }
        if (text.startsWith("unix:"))
        {
            final String path = text.substring("unix:".length());
            if (path.isEmpty() || !path.startsWith("/"))
            {
                throw bad(text, "a Unix socket needs an absolute path (unix:/run/sluice.sock)");
            }
            return new ServiceAddress(null, -1, Path.of(path));
        }
        final String hostPort = text.startsWith("tcp:") ? text.substring("tcp:".length()) : text;
        final int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? "" : hostPort.substring(0, colon);
        final String port = colon < 0 ? hostPort : hostPort.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]"))
        {
            host = host.substring(1, host.length() - 1);
        }
        else if (host.contains(":"))
        {
            throw bad(text, "an IPv6 host goes in brackets ([::1]:4466)");
        }
        return new ServiceAddress(host.isEmpty() ? "127.0.0.1" : host, port(text, port), null);
    }

    private static int port(final String text, final String port)
    {
        try
        {
            final int value = Integer.parseInt(port);
            if (value < 0 || value > 65535)
            {
                throw bad(text, "the port must be between 0 and 65535");
            }
            return value;
        }
        catch (final NumberFormatException ex)
        {
            throw bad(text, "expected HOST:PORT, PORT, tcp:HOST:PORT or unix:/path");
        }
    }

    private static IllegalArgumentException bad(final String text, final String problem)
    {
        return new IllegalArgumentException("--grpc-address: '" + text + "': " + problem);
    }

    /**
     * @return the TCP address to bind.
     */
    InetSocketAddress socketAddress()
    {
        return new InetSocketAddress(host, port);
    }

    /**
     * @return true for a Unix domain socket.
     */
    public boolean isUnix()
    {
        return path != null;
    }

    @Override
    public String toString()
    {
        return isUnix() ? "unix:" + path : (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
