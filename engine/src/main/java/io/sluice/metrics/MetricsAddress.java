package io.sluice.metrics;

import java.net.InetSocketAddress;

/**
 * Where the metrics and health listener binds ({@code --metrics-address}, Tracee's {@code server.http-address}):
 * {@code HOST:PORT}, {@code [IPv6]:PORT}, {@code :PORT} or {@code PORT}. Without a host it binds loopback, never every
 * interface: write {@code 0.0.0.0:PORT} for that.
 *
 * @param host the host or address to bind.
 * @param port the TCP port (0: any free port).
 */
public record MetricsAddress(String host, int port)
{
    /** The address {@code --metrics-address} takes when given without a value (Tracee's port). */
    public static final String DEFAULT = "127.0.0.1:3366";

    /**
     * @param text  the address as written.
     * @param field what it was given as, for messages ({@code --metrics-address}).
     * @return it parsed.
     * @throws IllegalArgumentException naming the field, the value and what is expected.
     */
    public static MetricsAddress parse(final String text, final String field)
    {
        final int colon = text.lastIndexOf(':');
        String host = colon < 0 ? "" : text.substring(0, colon);
        final String port = colon < 0 ? text : text.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]"))
        {
            host = host.substring(1, host.length() - 1);
        }
        else if (host.contains(":"))
        {
            throw bad(field, text, "an IPv6 host goes in brackets ([::1]:3366)");
        }
        try
        {
            final int value = Integer.parseInt(port);
            if (value < 0 || value > 65535)
            {
                throw bad(field, text, "the port must be between 0 and 65535");
            }
            return new MetricsAddress(host.isEmpty() ? "127.0.0.1" : host, value);
        }
        catch (final NumberFormatException ex)
        {
            throw bad(field, text, "expected HOST:PORT, :PORT or PORT");
        }
    }

    private static IllegalArgumentException bad(final String field, final String text, final String problem)
    {
        return new IllegalArgumentException(field + ": '" + text + "': " + problem);
    }

    /** @return the socket address to bind. */
    InetSocketAddress socketAddress()
    {
        return new InetSocketAddress(host, port);
    }

    @Override
    public String toString()
    {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
