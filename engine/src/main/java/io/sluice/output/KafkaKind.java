package io.sluice.output;

import io.sluice.config.DestinationConfig;
import io.sluice.config.DestinationSettings;
import io.sluice.config.FormatSpec;
import io.sluice.config.RetryPolicy;
import io.sluice.config.Setting;
import io.sluice.destination.Destination;
import io.sluice.destination.kafka.KafkaDestination;
import io.sluice.destination.kafka.KafkaRules;
import io.sluice.destination.kafka.KafkaSettings;
import io.sluice.format.Formats;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code kafka} entry of {@link DestinationKinds}: events produced to the topic of a
 * {@code kafka://HOST:PORT[,HOST:PORT...]/TOPIC} {@code url} (required; a {@code kafka://} url with no {@code type} means
 * kafka), one per record, as {@code json} (the default), {@code protobuf} or {@code sbe} (the enriched record, for
 * Sluice's own consumers), with its own settings ({@link KafkaSettings#KEYS}, each a URL parameter or a key) and any
 * {@code kafka.<producer property>} (see docs/fleet.md). Nothing is checked before the run but the configuration: a
 * broker that is down is a failed push, retried.
 */
final class KafkaKind implements DestinationKind
{
    /** The type key. */
    static final String KEY = "kafka";

    private static final List<String> FORMATS = List.of("json", "protobuf", "sbe");
    private static final Set<String> OPTION_KEYS;

    static
    {
        final Set<String> keys = new HashSet<>(KafkaSettings.KEYS);
        keys.add(KafkaRules.PASSTHROUGH + "*");
        OPTION_KEYS = Set.copyOf(keys);
    }

    @Override
    public String key()
    {
        return KEY;
    }

    @Override
    public List<String> commonKeys()
    {
        return List.of("url", "format", "retry");
    }

    @Override
    public Set<String> optionKeys()
    {
        return OPTION_KEYS;
    }

    @Override
    public DestinationConfig resolve(final DestinationSettings raw)
    {
        if (raw.path() != null)
        {
            throw raw.path().error("a kafka destination takes a url, not a path");
        }
        if (raw.roll() != null)
        {
            throw raw.roll().error("roll is for journal destinations");
        }
        final Setting<?> rotate = RotationRules.firstKey(raw);
        if (rotate != null)
        {
            throw rotate.error("rotate is for file destinations");
        }
        if (raw.url() == null)
        {
            throw raw.missing("url", "missing: a kafka destination needs a url (kafka://HOST:PORT[,HOST:PORT...]/TOPIC)");
        }
        final Map<String, String> options = KafkaRules.resolve(raw.url(), raw.optionKeys(), raw::option);
        FormatSpec spec = FormatSpec.JSON;
        if (raw.format() != null)
        {
            spec = Formats.resolve(raw.format(), KEY);
            if (!FORMATS.contains(spec.key()))
            {
                throw raw.format().error("a kafka destination produces json, protobuf or sbe (one event per record)");
            }
        }
        return new DestinationConfig(raw.name(), KEY, spec, null, raw.url().value(), null, null, RetryPolicy.DEFAULTS,
            options);
    }

    @Override
    public void preflight(final DestinationConfig config)
    {
        // a broker that is down is not refused: the run retries it as any failed push
    }

    @Override
    public Destination create(final DestinationConfig config, final DestinationContext context)
    {
        return new KafkaDestination(config.name(), context.stream(), KafkaSettings.of(config.url(), config.options()),
            context.catalog(), config.format().key(), context.problems());
    }
}
