package io.sluice.destination.kafka;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a kafka destination does, validated ({@link KafkaRules}): the brokers and topic of its URL, the acknowledgement
 * it waits for ({@code acks}: {@code all}, with the idempotent producer, or {@code 1}, the leader alone, without it), the
 * compression of its batches, the partition key of each record, how long a batch lingers and how large it grows, and
 * the producer properties passed as they are ({@code kafka.security.protocol} and the like).
 *
 * @param bootstrap   the producer's {@code bootstrap.servers}.
 * @param topic       the topic every event goes to.
 * @param acks        {@code all} or {@code 1}.
 * @param compression {@code zstd}, {@code lz4}, {@code gzip} or {@code none}.
 * @param key         what each record is keyed by.
 * @param lingerMs    the producer's {@code linger.ms}.
 * @param batchSize   the producer's {@code batch.size}, in bytes.
 * @param passThrough producer properties as given, without their {@code kafka.} prefix.
 */
public record KafkaSettings(String bootstrap, String topic, String acks, String compression, PartitionKey key,
    int lingerMs, int batchSize, Map<String, String> passThrough)
{
    /** The acknowledgement waited for. */
    public static final String ACKS = "acks";
    /** The batches' compression. */
    public static final String COMPRESSION = "compression";
    /** What a record is keyed by. */
    public static final String KEY = "key";
    /** How long a batch waits for more records. */
    public static final String LINGER_MS = "linger.ms";
    /** The largest batch, in bytes. */
    public static final String BATCH_SIZE = "batch.size";
    /** Sluice's own settings, each a URL parameter or a key. */
    public static final Set<String> KEYS = Set.of(ACKS, COMPRESSION, KEY, LINGER_MS, BATCH_SIZE);

    /** The compressions offered. */
    public static final List<String> COMPRESSIONS = List.of("zstd", "lz4", "gzip", "none");
    /** Every broker of the in-sync replicas acknowledges: nothing acknowledged is lost with one broker. */
    public static final String DEFAULT_ACKS = "all";
    /** The best ratio for JSON events at a small CPU cost. */
    public static final String DEFAULT_COMPRESSION = "zstd";
    /** One process's events stay in order on one partition. */
    public static final String DEFAULT_KEY = "pid";
    /** Batches wait up to 5 ms to fill. */
    public static final int DEFAULT_LINGER_MS = 5;
    /** Batches up to 64 KiB. */
    public static final int DEFAULT_BATCH_SIZE = 64 << 10;
    /**
     * How long a send may wait for room in the producer's buffer or for the topic's metadata before the push fails and
     * the stream retries it (block) or fails what is held (drop): short, so a broker that is down is reported at once.
     */
    public static final String DEFAULT_MAX_BLOCK_MS = "1000";

    /**
     * @param passThrough producer properties as given.
     */
    public KafkaSettings
    {
        passThrough = Map.copyOf(passThrough);
    }

    /**
     * @param url     the URL as written, valid.
     * @param options every key of {@link #KEYS} with its validated value, and each {@code kafka.*} key as given (as
     *                {@link KafkaRules#resolve} gives them).
     * @return the settings.
     */
    public static KafkaSettings of(final String url, final Map<String, String> options)
    {
        final String rest = url.substring(KafkaUrl.SCHEME.length());
        final int query = rest.indexOf('?');
        final String path = query < 0 ? rest : rest.substring(0, query);
        final int slash = path.indexOf('/');
        final Map<String, String> passThrough = new HashMap<>();
        options.forEach((key, value) ->
        {
            if (key.startsWith(KafkaRules.PASSTHROUGH))
            {
                passThrough.put(key.substring(KafkaRules.PASSTHROUGH.length()), value);
            }
        });
        return new KafkaSettings(path.substring(0, slash), path.substring(slash + 1), options.get(ACKS),
            options.get(COMPRESSION), PartitionKey.byName(options.get(KEY)), Integer.parseInt(options.get(LINGER_MS)),
            Integer.parseInt(options.get(BATCH_SIZE)), passThrough);
    }

    /**
     * @return the producer's configuration: the properties passed through, then Sluice's own over them.
     */
    public Map<String, Object> producerProperties()
    {
        final Map<String, Object> properties = new HashMap<>();
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, DEFAULT_MAX_BLOCK_MS);
        properties.putAll(passThrough);
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.ACKS_CONFIG, acks);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, Boolean.toString(idempotent()));
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(lingerMs));
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(batchSize));
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return properties;
    }

    /**
     * @return true with {@code acks=all}: Kafka's idempotent producer needs it, and then a retried batch is written once
     *     and in order.
     */
    public boolean idempotent()
    {
        return DEFAULT_ACKS.equals(acks);
    }

    /**
     * @return how long a send may block, in milliseconds.
     */
    public long maxBlockMs()
    {
        return Long.parseLong(passThrough.getOrDefault(ProducerConfig.MAX_BLOCK_MS_CONFIG, DEFAULT_MAX_BLOCK_MS));
    }

    /**
     * @return the destination's target for messages: {@code kafka://BROKERS/TOPIC}.
     */
    public String target()
    {
        return KafkaUrl.SCHEME + bootstrap + "/" + topic;
    }
}
