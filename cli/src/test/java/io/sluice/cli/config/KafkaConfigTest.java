package io.sluice.cli.config;

import io.sluice.config.DestinationConfig;
import io.sluice.config.FormatSpec;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A kafka destination's configuration: a {@code kafka://} url means kafka; {@code acks}, {@code compression},
 * {@code key}, {@code linger.ms} and {@code batch.size} are each a URL parameter or a key, with their defaults; any
 * {@code kafka.<producer property>} passes as written once Kafka's own parser accepts it; every bad value is one line
 * naming origin, field and value.
 */
class KafkaConfigTest
{
    private static final String URL = "destinations.k.url=kafka://b1:9092,b2:9093/events";

    @Test
    void aKafkaUrlMeansKafkaWithJsonAcksAllZstdAndPidKeys()
    {
        final DestinationConfig kafka = Load.flags(URL).destination("k");
        assertEquals("kafka", kafka.type());
        assertEquals(FormatSpec.JSON, kafka.format());
        assertEquals("kafka://b1:9092,b2:9093/events", kafka.url());
        assertEquals(Map.of("acks", "all", "compression", "zstd", "key", "pid", "linger.ms", "5", "batch.size", "65536"),
            kafka.options());
    }

    @Test
    void settingsComeFromKeysOrUrlParametersAndProducerPropertiesPassAsWritten()
    {
        final DestinationConfig kafka = Load.flags("destinations.k.url=kafka://b1:9092/events?acks=1&key=host",
            "destinations.k.compression=none", "destinations.k.format=protobuf",
            "destinations.k.kafka.security.protocol=SASL_SSL", "destinations.k.kafka.sasl.mechanism=PLAIN").destination("k");
        assertEquals(new FormatSpec("protobuf", null), kafka.format());
        assertEquals(Map.of("acks", "1", "compression", "none", "key", "host", "linger.ms", "5", "batch.size", "65536",
            "kafka.security.protocol", "SASL_SSL", "kafka.sasl.mechanism", "PLAIN"), kafka.options());
        assertEquals("sbe", Load.flags(URL, "destinations.k.format=sbe").destination("k").format().key());
    }

    @Test
    void badUrlsAreOneLine()
    {
        assertEquals("--output destinations.k.url=kafka://b1/events: destinations.k.url = 'kafka://b1/events': broker"
            + " 'b1' is not HOST:PORT (expected kafka://HOST:PORT[,HOST:PORT...]/TOPIC)",
            Load.flagError("destinations.k.url=kafka://b1/events"));
        assertEquals("--output destinations.k.url=kafka://b1:9092: destinations.k.url = 'kafka://b1:9092': no topic in the"
            + " URL (expected kafka://HOST:PORT[,HOST:PORT...]/TOPIC)", Load.flagError("destinations.k.url=kafka://b1:9092"));
        assertEquals("--output destinations.k.url=kafka://b1:9092/a/b: destinations.k.url = 'kafka://b1:9092/a/b': 'a/b'"
            + " is not a legal Kafka topic name (letters, digits, '.', '_' and '-')",
            Load.flagError("destinations.k.url=kafka://b1:9092/a/b"));
        assertEquals("--output destinations.k.url=kafka://b1:9092/t?lingerms=5: destinations.k.url ="
            + " 'kafka://b1:9092/t?lingerms=5': unknown parameter 'lingerms' (the url takes acks, compression, key,"
            + " linger.ms, batch.size; producer properties are keys kafka.PROPERTY)",
            Load.flagError("destinations.k.url=kafka://b1:9092/t?lingerms=5"));
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutEchoingThem()
    {
        final String error = Load.flagError("destinations.k.url=kafka://alice:s3cret@b1:9092/events");
        assertFalse(error.contains("s3cret"), error);
        assertTrue(error.contains("broker '***@b1:9092' carries credentials: a Kafka URL takes none"), error);
    }

    @Test
    void badSettingsAreOneLine()
    {
        assertEquals("--output destinations.k.acks=0: destinations.k.acks = '0': acks 0 sends without acknowledgement, so"
            + " nothing could count delivered (expected all or 1)", Load.flagError(URL, "destinations.k.acks=0"));
        assertEquals("--output destinations.k.compression=snappy: destinations.k.compression = 'snappy': expected zstd,"
            + " lz4, gzip or none", Load.flagError(URL, "destinations.k.compression=snappy"));
        assertEquals("--output destinations.k.key=tid: destinations.k.key = 'tid': expected host, pid, container or event",
            Load.flagError(URL, "destinations.k.key=tid"));
        assertEquals("--output destinations.k.linger.ms=5000: destinations.k.linger.ms = '5000': must be from 0 to 1000",
            Load.flagError(URL, "destinations.k.linger.ms=5000"));
        assertEquals("--output destinations.k.format=table: destinations.k.format = 'table': a kafka destination produces"
            + " json, protobuf or sbe (one event per record)", Load.flagError(URL, "destinations.k.format=table"));
        assertEquals("--output destinations.k.path=/x: destinations.k.path = '/x': a kafka destination takes a url, not a"
            + " path", Load.flagError(URL, "destinations.k.path=/x"));
    }

    @Test
    void producerPropertiesAreCheckedByKafka()
    {
        assertEquals("--output destinations.k.kafka.acks=0: destinations.k.kafka.acks = '0': Sluice sets acks itself"
            + " (from acks)", Load.flagError(URL, "destinations.k.kafka.acks=0"));
        assertEquals("--output destinations.k.kafka.no.such=1: destinations.k.kafka.no.such = '1': 'no.such' is not a"
            + " property of Kafka's producer", Load.flagError(URL, "destinations.k.kafka.no.such=1"));
        // Kafka's own words, which list the protocols in an order of its own
        final String badProtocol = Load.flagError(URL, "destinations.k.kafka.security.protocol=TLS");
        assertTrue(badProtocol.startsWith("--output destinations.k.kafka.security.protocol=TLS:"
            + " destinations.k.kafka.security.protocol = 'TLS': Invalid value TLS for configuration security.protocol"),
            badProtocol);
        assertTrue(badProtocol.contains("SASL_SSL"), badProtocol);
    }
}
