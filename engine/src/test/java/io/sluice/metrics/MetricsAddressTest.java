package io.sluice.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The listener's address: a host (or a bracketed IPv6 address) and a port; without a host it is loopback, never every
 * interface; a bad one names the field and value.
 */
class MetricsAddressTest
{
    @Test
    void withoutAHostItIsLoopback()
    {
        assertEquals(new MetricsAddress("127.0.0.1", 3366), MetricsAddress.parse(MetricsAddress.DEFAULT, "f"));
        assertEquals(new MetricsAddress("127.0.0.1", 8080), MetricsAddress.parse(":8080", "f"));
        assertEquals(new MetricsAddress("127.0.0.1", 9000), MetricsAddress.parse("9000", "f"));
        assertEquals(new MetricsAddress("0.0.0.0", 3366), MetricsAddress.parse("0.0.0.0:3366", "f"));
        assertEquals(new MetricsAddress("::1", 3366), MetricsAddress.parse("[::1]:3366", "f"));
        assertEquals("[::1]:3366", MetricsAddress.parse("[::1]:3366", "f").toString());
    }

    @Test
    void aBadAddressNamesTheFieldAndTheValue()
    {
        assertEquals("--metrics-address: 'host:port': expected HOST:PORT, :PORT or PORT",
            assertThrows(IllegalArgumentException.class, () -> MetricsAddress.parse("host:port", "--metrics-address")).getMessage());
        assertEquals("--metrics-address: '::1:80': an IPv6 host goes in brackets ([::1]:3366)",
            assertThrows(IllegalArgumentException.class, () -> MetricsAddress.parse("::1:80", "--metrics-address")).getMessage());
        assertEquals("f: '70000': the port must be between 0 and 65535",
            assertThrows(IllegalArgumentException.class, () -> MetricsAddress.parse("70000", "f")).getMessage());
    }
}
