package io.sluice.destination.kafka;

import io.sluice.config.Setting;
import io.sluice.destination.url.UrlSettings;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The rules of a kafka destination's settings: its own ({@link KafkaSettings#KEYS}), each from a destination key or a
 * URL parameter of the same name, never both, each defaulting as {@link KafkaSettings} says; and any
 * {@code kafka.<producer property>}, which must be a property of Kafka's producer that Sluice does not set itself, and
 * whose value Kafka's own parser accepts (a bad {@code kafka.security.protocol} is refused before the run). A refusal
 * names the setting's origin, field and value.
 */
public final class KafkaRules
{
    /** The prefix of the producer properties passed as they are. */
    public static final String PASSTHROUGH = "kafka.";
    /** The longest linger, in milliseconds: a lingering batch leaves well within the drain timeout. */
    public static final int MAX_LINGER_MS = 1000;
    /** The largest batch, in bytes. */
    public static final int MAX_BATCH_BYTES = 16 << 20;

    private static final List<String> ORDER = List.of(KafkaSettings.ACKS, KafkaSettings.COMPRESSION, KafkaSettings.KEY,
        KafkaSettings.LINGER_MS, KafkaSettings.BATCH_SIZE);
    /** Producer properties Sluice sets from its own keys or needs as they are. */
    private static final Map<String, String> OWNED = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "the url's brokers",
        ProducerConfig.ACKS_CONFIG, "acks",
        ProducerConfig.COMPRESSION_TYPE_CONFIG, "compression",
        ProducerConfig.LINGER_MS_CONFIG, "linger.ms",
        ProducerConfig.BATCH_SIZE_CONFIG, "batch.size",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "acks (all: idempotent)",
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, "key",
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "format",
        ProducerConfig.TRANSACTIONAL_ID_CONFIG, "nothing: Sluice does not produce in transactions");

    private KafkaRules()
    {
    }

    /**
     * @param url   the destination's {@code url}.
     * @param given the destination's own keys that were given, {@code kafka.*} included.
     * @param keys  the destination's own keys by name ({@code DestinationSettings::option}); null when not given.
     * @return every own setting's validated value, then each {@code kafka.*} key as given (as {@link KafkaSettings#of}
     *     reads them).
     * @throws io.sluice.config.ConfigException naming the offending setting.
     */
    public static Map<String, String> resolve(final Setting<String> url, final Set<String> given,
        final Function<String, Setting<String>> keys)
    {
        final KafkaUrl parsed = KafkaUrl.parse(url);
        for (final String parameter : parsed.query().keySet())
        {
            if (!KafkaSettings.KEYS.contains(parameter))
            {
                throw url.error("unknown parameter '" + parameter + "' (the url takes " + String.join(", ", ORDER)
                    + "; producer properties are keys kafka.PROPERTY)");
            }
        }
        final Map<String, String> values = new LinkedHashMap<>(UrlSettings.resolve(url, parsed.query(), ORDER, keys,
            false, KafkaRules::defaultOf, KafkaRules::validated));
        for (final String key : given)
        {
            if (key.startsWith(PASSTHROUGH))
            {
                values.put(key, passThrough(key, keys.apply(key)));
            }
        }
        checkTogether(url, values, keys);
        return values;
    }

    private static String passThrough(final String key, final Setting<String> setting)
    {
        final String property = key.substring(PASSTHROUGH.length());
        final String owner = OWNED.get(property);
        if (owner != null)
        {
            throw setting.error("Sluice sets " + property + " itself (from " + owner + ")");
        }
        if (!ProducerConfig.configNames().contains(property))
        {
            throw setting.error("'" + property + "' is not a property of Kafka's producer");
        }
        return setting.value();
    }

    /**
     * Kafka's own parser over the whole producer configuration: types, ranges and the values of enumerations
     * ({@code security.protocol}, {@code sasl.mechanism}) are refused before the run.
     */
    private static void checkTogether(final Setting<String> url, final Map<String, String> values,
        final Function<String, Setting<String>> keys)
    {
        final KafkaSettings settings = KafkaSettings.of(url.value(), values);
        try
        {
            new ProducerConfig(settings.producerProperties());
        }
        catch (final ConfigException ex)
        {
            final String property = ex.getMessage() == null ? "" : propertyIn(ex.getMessage(), values);
            final Setting<String> culprit = property.isEmpty() ? url : keys.apply(PASSTHROUGH + property);
            throw (culprit == null ? url : culprit).error(ex.getMessage());
        }
    }

    private static String propertyIn(final String message, final Map<String, String> values)
    {
        for (final String key : values.keySet())
        {
            if (key.startsWith(PASSTHROUGH) && message.contains(key.substring(PASSTHROUGH.length())))
            {
                return key.substring(PASSTHROUGH.length());
            }
        }
        return "";
    }

    private static String defaultOf(final String key)
    {
        return switch (key)
        {
            case KafkaSettings.ACKS -> KafkaSettings.DEFAULT_ACKS;
            case KafkaSettings.COMPRESSION -> KafkaSettings.DEFAULT_COMPRESSION;
            case KafkaSettings.KEY -> KafkaSettings.DEFAULT_KEY;
            case KafkaSettings.LINGER_MS -> Integer.toString(KafkaSettings.DEFAULT_LINGER_MS);
            default -> Integer.toString(KafkaSettings.DEFAULT_BATCH_SIZE);
        };
    }

    private static String validated(final String key, final Setting<String> setting)
    {
        final String value = setting.value().trim();
        switch (key)
        {
            case KafkaSettings.ACKS ->
            {
                if (value.equals("0"))
                {
                    throw setting.error("acks 0 sends without acknowledgement, so nothing could count delivered (expected all or 1)");
                }
                if (!value.equals("all") && !value.equals("-1") && !value.equals("1"))
                {
                    throw setting.error("expected all or 1");
                }
                return value.equals("-1") ? "all" : value;
            }
            case KafkaSettings.COMPRESSION -> oneOf(setting, value, KafkaSettings.COMPRESSIONS);
            case KafkaSettings.KEY -> oneOf(setting, value, PartitionKey.NAMES);
            case KafkaSettings.LINGER_MS -> count(setting, value, 0, MAX_LINGER_MS);
            default -> count(setting, value, 1, MAX_BATCH_BYTES);
        }
        return value;
    }

    private static void oneOf(final Setting<String> setting, final String value, final List<String> allowed)
    {
        if (!allowed.contains(value))
        {
            throw setting.error("expected " + String.join(", ", allowed.subList(0, allowed.size() - 1)) + " or "
                + allowed.get(allowed.size() - 1));
        }
    }

    private static void count(final Setting<String> setting, final String value, final int min, final int max)
    {
        final long parsed;
        try
        {
            parsed = Long.parseLong(value);
        }
        catch (final NumberFormatException ex)
        {
            throw setting.error("expected a whole number from " + min + " to " + max);
        }
        if (parsed < min || parsed > max)
        {
            throw setting.error("must be from " + min + " to " + max);
        }
    }
}
