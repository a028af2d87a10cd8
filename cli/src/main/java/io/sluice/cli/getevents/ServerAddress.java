package io.sluice.cli.getevents;

import io.sluice.service.ServiceAddress;

/**
 * {@code --server-address}: written as {@code sluice --grpc-address} takes it ({@link ServiceAddress}: {@code HOST:PORT},
 * {@code [IPv6]:PORT}, {@code PORT}, Tracee's {@code tcp:} prefix, {@code unix:/PATH}, a bare {@code tcp} or
 * {@code unix}), so the address a server was given reaches it, turned into the gRPC target that does.
 */
final class ServerAddress
{
    /** The address of a server started with {@code --grpc-address} and no value. */
    static final String DEFAULT = ServiceAddress.DEFAULT;

    private ServerAddress()
    {
    }

    /**
     * @param address the address as given.
     * @return its gRPC target ({@code dns:///127.0.0.1:4466}, {@code unix:/run/sluice.sock}).
     * @throws IllegalArgumentException naming the flag and the address when it is not one, or has port 0.
     */
    static String target(final String address)
    {
        final ServiceAddress parsed;
        try
        {
            parsed = ServiceAddress.parse(address);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(ex.getMessage().replaceFirst("^--grpc-address", "--server-address"), ex);
        }
        if (parsed.isUnix())
        {
            return parsed.toString();
        }
        if (parsed.port() == 0)
        {
            throw new IllegalArgumentException("--server-address: '" + address + "': port 0 picks a free port for a server;"
                + " a client needs the port the server listens on");
        }
        return "dns:///" + parsed;
    }
}
