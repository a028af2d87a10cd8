package io.sluice.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aConfigurationErrorQuotingAUrlShowsNoSecret()
    {
        final String message = new ConfigException("--output", "url", "tcp://u:pw@h:1?sharedKey=k&mode=x",
            "mode must be packed or forward").getMessage();
        assertEquals("--output: url = 'tcp://u:***@h:1?sharedKey=***&mode=x': mode must be packed or forward", message);
        assertFalse(message.contains("pw"));
        final String inOrigin = new ConfigException("--output forward:tcp://u:pw@h:1?sharedKey=k&mode=x", "mode", "x",
            "bad").getMessage();
        assertTrue(inOrigin.startsWith("--output forward:tcp://u:***@h:1?sharedKey=***&mode=x:"), inOrigin);
    }

    @Test
    void everyBrokerOfAListKeepsItsPasswordHidden()
    {
        assertEquals("kafka://a:***@b1:9092,u:***@b2:9092/t", UrlSecrets.masked("kafka://a:p1@b1:9092,u:p2@b2:9092/t"));
    }

    @Test
    void aKafkaPrivateKeyIsASecret()
    {
        assertEquals("***", UrlSecrets.maskedOption("kafka.ssl.keystore.key", "-----BEGIN PRIVATE KEY-----"));
        assertEquals("***", UrlSecrets.maskedOption("kafka.ssl.key.password", "pw"));
        assertEquals("SASL_SSL", UrlSecrets.maskedOption("kafka.security.protocol", "SASL_SSL"));
    }
}
