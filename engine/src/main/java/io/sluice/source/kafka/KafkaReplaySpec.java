package io.sluice.source.kafka;

import io.sluice.destination.kafka.KafkaUrl;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.util.HashMap;
import java.util.Map;

/**
 * What {@code sluice replay kafka://BROKERS/TOPIC} reads and how ({@link KafkaReplayOptions} validates it).
 *
 * @param bootstrap   the consumer's {@code bootstrap.servers}.
 * @param topic       the topic.
 * @param group       the consumer group, whose committed offsets a replay without {@code --from} resumes from, and
 *                    which the replay commits to.
 * @param format      the format of every value, or null to read each record's {@code format} header.
 * @param fromNanos   replay events at or after this time (ns since the epoch); {@link Long#MIN_VALUE} = from the
 *                    group's committed offsets, else the beginning.
 * @param toNanos     replay events at or before this time; {@link Long#MAX_VALUE} = all.
 * @param follow      keep reading past the end offsets of the start, until stopped.
 * @param passThrough consumer properties as given ({@code security.protocol} and the like).
 */
public record KafkaReplaySpec(String bootstrap, String topic, String group, TopicFormat format, long fromNanos,
    long toNanos, boolean follow, Map<String, String> passThrough)
{
    /** The group of a replay that names none. */
    public static final String DEFAULT_GROUP = "sluice-replay";
    /** How long the topic's metadata, offsets and commits may take before the replay gives up, in milliseconds. */
    public static final String DEFAULT_API_TIMEOUT_MS = "10000";

    /**
     * @param passThrough consumer properties as given.
     */
    public KafkaReplaySpec
    {
        passThrough = Map.copyOf(passThrough);
    }

    /**
     * @return the consumer's configuration: the properties passed through, then Sluice's own over them.
     */
    public Map<String, Object> consumerProperties()
    {
        final Map<String, Object> properties = new HashMap<>();
        properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, DEFAULT_API_TIMEOUT_MS);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        properties.putAll(passThrough);
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return properties;
    }

    /**
     * @return how long metadata, offsets and commits may take, in milliseconds.
     */
    public long timeoutMs()
    {
        return Long.parseLong(passThrough.getOrDefault(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, DEFAULT_API_TIMEOUT_MS));
    }

    /**
     * @return the source's target for messages: {@code kafka://BROKERS/TOPIC}.
     */
    public String target()
    {
        return KafkaUrl.SCHEME + bootstrap + "/" + topic;
    }
}
