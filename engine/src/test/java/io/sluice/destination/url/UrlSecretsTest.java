package io.sluice.destination.url;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class UrlSecretsTest
{
    @Test
    void aPasswordAndASharedKeyAreMasked()
    {
        assertEquals("tcp://fluent:***@127.0.0.1:24224?tag=t&sharedKey=***&requireAck=true",
            UrlSecrets.masked("tcp://fluent:s3cr:et@127.0.0.1:24224?tag=t&sharedKey=k3y&requireAck=true"));
    }

    @Test
    void aUrlWithoutSecretsIsShownAsWritten()
    {
        assertEquals("http://localhost:2222?tag=severe", UrlSecrets.masked("http://localhost:2222?tag=severe"));
        assertEquals("tcp://user@host:1", UrlSecrets.masked("tcp://user@host:1"));
        assertNull(UrlSecrets.masked(null));
    }
}
