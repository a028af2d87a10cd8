package io.sluice.cli.getevents;

/**
 * {@code --server-address}: {@code HOST:PORT} (an IPv6 host in brackets, {@code [::1]:4466}) or {@code unix:/PATH}
 * for a Unix socket, as {@code sluice --grpc-address} takes them, turned into the gRPC target that reaches it.
 */
final class ServerAddress
{
    /** The address of a server started with {@code --grpc-address} and no value. */
    static final String DEFAULT = "127.0.0.1:4466";

    private ServerAddress()
    {
    }

    /**
     * @param address the address as given.
     * @return its gRPC target.
     * @throws IllegalArgumentException naming the address when it is neither form.
     */
    static String target(final String address)
    {
        if (address.startsWith("unix:"))
        {
            if (address.length() == "unix:".length())
            {
                throw new IllegalArgumentException("--server-address '" + address + "': unix: needs a socket path (unix:/PATH)");
            }
            return address;
        }
        final int colon = address.lastIndexOf(':');
        final String host = colon < 0 ? "" : address.substring(0, colon);
        final String port = colon < 0 ? "" : address.substring(colon + 1);
        if (host.isEmpty() || !port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65_535 ||
            host.indexOf(':') >= 0 && !(host.startsWith("[") && host.endsWith("]")))
        {
            throw new IllegalArgumentException("--server-address '" + address + "': expected HOST:PORT or unix:/PATH");
        }
        return "dns:///" + address;
    }
}
