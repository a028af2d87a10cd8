package io.sluice.output;

import io.sluice.config.ConfigException;
import io.sluice.config.DestinationConfig;
import io.sluice.config.DestinationSettings;
import io.sluice.config.Setting;
import io.sluice.destination.Destination;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A type's own keys ({@link DestinationKind#optionKeys}): exact keys and prefix wildcards are accepted, any other key is
 * refused naming origin, field and value and listing what the type takes. The type here is a test-only one.
 */
class DestinationOptionKeysTest
{
    /** A type with keys of its own, as a Kafka destination would declare them. */
    private static final DestinationKind QUEUE = new DestinationKind()
    {
        @Override
        public String key()
        {
            return "queue";
        }

        @Override
        public List<String> commonKeys()
        {
            return List.of("url", "format", "retry");
        }

        @Override
        public Set<String> optionKeys()
        {
            return Set.of("linger.ms", "acks", "kafka.*");
        }

        @Override
        public DestinationConfig resolve(final DestinationSettings raw)
        {
            throw new UnsupportedOperationException();
        }

        @Override
        public void preflight(final DestinationConfig config)
        {
            throw new UnsupportedOperationException();
        }

        @Override
        public Destination create(final DestinationConfig config, final DestinationContext context)
        {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void exactKeysAndPrefixWildcardsAreAccepted()
    {
        assertTrue(DestinationKinds.accepts(QUEUE, "acks"));
        assertTrue(DestinationKinds.accepts(QUEUE, "linger.ms"));
        assertTrue(DestinationKinds.accepts(QUEUE, "kafka.security.protocol"));
        assertFalse(DestinationKinds.accepts(QUEUE, "kafka"));
        assertFalse(DestinationKinds.accepts(QUEUE, "kafkaesque.x"));
        assertFalse(DestinationKinds.accepts(QUEUE, "linger"));
        assertDoesNotThrow(() -> DestinationKinds.checkOptionKeys(QUEUE,
            settings(Map.of("acks", "all", "kafka.client.id", "sluice"))));
    }

    @Test
    void anUndeclaredKeyIsRefusedListingWhatTheTypeTakes()
    {
        final ConfigException refused = assertThrows(ConfigException.class, () -> DestinationKinds.checkOptionKeys(QUEUE,
            settings(Map.of("batch", "10"))));
        assertEquals("sluice.yaml:7: output.destinations[0].batch = '10': not a key of queue destinations"
            + " (queue takes: url, format, retry, acks, kafka.*, linger.ms)", refused.getMessage());
        final ConfigException file = assertThrows(ConfigException.class, () -> DestinationKinds.checkOptionKeys(
            DestinationKinds.byKey("file"), settings(Map.of("acks", "all"))));
        assertEquals("sluice.yaml:7: output.destinations[0].acks = 'all': not a key of file destinations"
            + " (file takes: path, format, rotate, retry)", file.getMessage());
    }

    private static DestinationSettings settings(final Map<String, String> options)
    {
        final Map<String, Setting<String>> settings = new LinkedHashMap<>();
        options.forEach((key, value) -> settings.put(key, new Setting<>()
        {
            @Override
            public String value()
            {
                return value;
            }

            @Override
            public String origin()
            {
                return "sluice.yaml:7";
            }

            @Override
            public ConfigException error(final String problem)
            {
                return new ConfigException(origin(), "output.destinations[0]." + key, value, problem);
            }
        }));
        return new DestinationSettings()
        {
            @Override
            public String name()
            {
                return "d";
            }

            @Override
            public ConfigException missing(final String key, final String problem)
            {
                return new ConfigException("sluice.yaml:3", key, null, problem);
            }

            @Override
            public Setting<String> type()
            {
                return null;
            }

            @Override
            public Setting<String> format()
            {
                return null;
            }

            @Override
            public Setting<String> path()
            {
                return null;
            }

            @Override
            public Setting<String> url()
            {
                return null;
            }

            @Override
            public Setting<String> roll()
            {
                return null;
            }

            @Override
            public Setting<Boolean> rotate()
            {
                return null;
            }

            @Override
            public Setting<Long> rotateMaxSizeMb()
            {
                return null;
            }

            @Override
            public Setting<Long> rotateMaxBackups()
            {
                return null;
            }

            @Override
            public Setting<Boolean> rotateCompress()
            {
                return null;
            }

            @Override
            public Setting<String> rotateInterval()
            {
                return null;
            }

            @Override
            public Setting<String> retryBackoff()
            {
                return null;
            }

            @Override
            public Setting<String> retryMaxBackoff()
            {
                return null;
            }

            @Override
            public Setting<String> option(final String dottedKey)
            {
                return settings.get(dottedKey);
            }

            @Override
            public Set<String> optionKeys()
            {
                return settings.keySet();
            }
        };
    }
}
