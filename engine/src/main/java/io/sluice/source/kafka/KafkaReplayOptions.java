package io.sluice.source.kafka;

import io.sluice.config.ConfigException;
import io.sluice.config.Setting;
import io.sluice.destination.kafka.KafkaUrl;
import org.apache.kafka.clients.consumer.ConsumerConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of {@code sluice replay kafka://BROKERS/TOPIC[?group=G&format=F]} checked into a
 * {@link KafkaReplaySpec}: the URL as the kafka destination reads it, with the parameters {@code group} (or
 * {@code --group}, not both) and {@code format} ({@code sbe}, {@code protobuf} or {@code json}); and each
 * {@code --kafka PROPERTY=VALUE}, which must be a property of Kafka's consumer that Sluice does not set itself, and whose
 * value Kafka's own parser accepts. A refusal is one line naming the argument and its value.
 */
public final class KafkaReplayOptions
{
    /** The URL parameter naming the consumer group. */
    public static final String GROUP = "group";
    /** The URL parameter naming the values' format. */
    public static final String FORMAT = "format";

    /** Consumer properties Sluice sets itself, with what sets them. */
    private static final Map<String, String> OWNED = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "the url's brokers",
        ConsumerConfig.GROUP_ID_CONFIG, "the url's group or --group",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "the replay, which commits what it fed the pipeline",
        ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "nothing: a replay never creates a topic",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "--from",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, "the replay",
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, "the url's format");

    private KafkaReplayOptions()
    {
    }

    /**
     * @param url        the SOURCE argument, {@code kafka://...}.
     * @param group      {@code --group}, or null.
     * @param properties each {@code --kafka PROPERTY=VALUE}.
     * @param fromNanos  {@code --from}, or {@link Long#MIN_VALUE}.
     * @param toNanos    {@code --to}, or {@link Long#MAX_VALUE}.
     * @param follow     {@code --follow}.
     * @return the spec.
     * @throws ConfigException naming the argument.
     */
    public static KafkaReplaySpec spec(final String url, final String group, final List<String> properties,
        final long fromNanos, final long toNanos, final boolean follow)
    {
        final Argument source = new Argument("replay", "SOURCE", url);
        final KafkaUrl parsed = KafkaUrl.parse(source);
        for (final String parameter : parsed.query().keySet())
        {
            if (!Set.of(GROUP, FORMAT).contains(parameter))
            {
                throw source.error("unknown parameter '" + parameter + "' (a replay's url takes group and format;"
                    + " consumer properties are --kafka PROPERTY=VALUE)");
            }
        }
        final String urlGroup = parsed.query().get(GROUP);
        if (urlGroup != null && group != null)
        {
            throw source.error("the group is given twice: here and by --group " + group);
        }
        final String chosen = urlGroup != null ? urlGroup : group != null ? group : KafkaReplaySpec.DEFAULT_GROUP;
        if (chosen.isBlank())
        {
            throw (urlGroup != null ? source : new Argument("--group", "group", chosen)).error("a group has a name");
        }
        TopicFormat format = null;
        if (parsed.query().containsKey(FORMAT))
        {
            format = TopicFormat.byName(parsed.query().get(FORMAT));
            if (format == null)
            {
                throw source.error("format '" + parsed.query().get(FORMAT) + "' is none of "
                    + String.join(", ", TopicFormat.NAMES));
            }
        }
        final KafkaReplaySpec spec = new KafkaReplaySpec(parsed.bootstrap(), parsed.topic(), chosen, format, fromNanos,
            toNanos, follow, passThrough(properties));
        checkTogether(spec);
        return spec;
    }

    private static Map<String, String> passThrough(final List<String> properties)
    {
        final Map<String, String> values = new LinkedHashMap<>();
        for (final String property : properties)
        {
            final int equals = property.indexOf('=');
            final String name = equals < 0 ? property : property.substring(0, equals).trim();
            final Argument argument = new Argument("--kafka", name, equals < 0 ? null : property.substring(equals + 1));
            if (equals <= 0)
            {
                throw new Argument("--kafka", "property", property).error("expected PROPERTY=VALUE");
            }
            final String owner = OWNED.get(name);
            if (owner != null)
            {
                throw argument.error("Sluice sets " + name + " itself (from " + owner + ")");
            }
            if (!ConsumerConfig.configNames().contains(name))
            {
                throw argument.error("'" + name + "' is not a property of Kafka's consumer");
            }
            values.put(name, argument.value());
        }
        return values;
    }

    /** Kafka's own parser over the whole consumer configuration: types, ranges and enumerations. */
    private static void checkTogether(final KafkaReplaySpec spec)
    {
        try
        {
            new ConsumerConfig(spec.consumerProperties());
        }
        catch (final org.apache.kafka.common.config.ConfigException ex)
        {
            final String said = ex.getMessage() == null ? "" : ex.getMessage();
            for (final Map.Entry<String, String> given : spec.passThrough().entrySet())
            {
                if (said.contains(given.getKey()))
                {
                    throw new Argument("--kafka", given.getKey(), given.getValue()).error(said);
                }
            }
            throw new Argument("--kafka", "properties", spec.passThrough().toString()).error(said);
        }
    }

    /** A command-line argument as a {@link Setting}, so the URL's checks name it as they name a destination's url. */
    private record Argument(String origin, String field, String value) implements Setting<String>
    {
        @Override
        public ConfigException error(final String problem)
        {
            return new ConfigException(origin, field, value, problem);
        }
    }
}
