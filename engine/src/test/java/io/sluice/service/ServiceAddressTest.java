package io.sluice.service;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code --grpc-address} takes Sluice's {@code HOST:PORT} and Tracee's {@code tcp:}/{@code unix:} spellings; a TCP
 * address without a host is loopback; what it cannot take is refused naming the value.
 */
class ServiceAddressTest
{
    @Test
    void tcpAddressesWithAndWithoutTraceesPrefix()
    {
        assertEquals(new ServiceAddress("127.0.0.1", 4466, null), ServiceAddress.parse("127.0.0.1:4466"));
        assertEquals(new ServiceAddress("0.0.0.0", 5000, null), ServiceAddress.parse("tcp:0.0.0.0:5000"));
        assertEquals(new ServiceAddress("127.0.0.1", 5000, null), ServiceAddress.parse("5000"));
        assertEquals(new ServiceAddress("127.0.0.1", 5000, null), ServiceAddress.parse(":5000"));
        assertEquals(new ServiceAddress("127.0.0.1", 5000, null), ServiceAddress.parse("tcp:5000"));
        assertEquals(new ServiceAddress("127.0.0.1", 4466, null), ServiceAddress.parse("tcp"));
        assertEquals(new ServiceAddress("::1", 4466, null), ServiceAddress.parse("[::1]:4466"));
        assertEquals("[::1]:4466", ServiceAddress.parse("[::1]:4466").toString());
    }

    @Test
    void unixSockets()
    {
        assertEquals(Path.of("/run/s.sock"), ServiceAddress.parse("unix:/run/s.sock").path());
        assertEquals(Path.of(ServiceAddress.DEFAULT_SOCKET), ServiceAddress.parse("unix").path());
        assertEquals("unix:/run/s.sock", ServiceAddress.parse("unix:/run/s.sock").toString());
    }

    @Test
    void whatItCannotTakeIsRefusedNamingTheValue()
    {
        assertEquals("--grpc-address: 'host': expected HOST:PORT, PORT, tcp:HOST:PORT or unix:/path",
            assertThrows(IllegalArgumentException.class, () -> ServiceAddress.parse("host")).getMessage());
        assertEquals("--grpc-address: 'h:70000': the port must be between 0 and 65535",
            assertThrows(IllegalArgumentException.class, () -> ServiceAddress.parse("h:70000")).getMessage());
        assertEquals("--grpc-address: 'unix:run/s': a Unix socket needs an absolute path (unix:/run/sluice.sock)",
            assertThrows(IllegalArgumentException.class, () -> ServiceAddress.parse("unix:run/s")).getMessage());
        assertEquals("--grpc-address: '::1:80': an IPv6 host goes in brackets ([::1]:4466)",
            assertThrows(IllegalArgumentException.class, () -> ServiceAddress.parse("::1:80")).getMessage());
    }
}
