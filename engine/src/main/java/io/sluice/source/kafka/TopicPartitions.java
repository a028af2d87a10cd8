package io.sluice.source.kafka;

import io.sluice.source.SourceFailure;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Every partition of the replayed topic, assigned to the consumer (not balanced in a group: a replay reads the whole
 * topic), and where the replay stands on each: it starts at the first record timestamped at or after {@code --from}
 * ({@code offsetsForTimes}), or without {@code --from} at the group's committed offset, else the beginning; it ends at
 * the end offset captured at the start (not following), at the first record timestamped after {@code --to}, or
 * (following) once it has caught up after the clock passed {@code --to}. A partition that ended is paused. What was fed
 * is what the replay commits to its group. Used by the replay's thread only (after {@link #open}).
 */
final class TopicPartitions
{
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaReplaySpec spec;
    private final TopicPartition[] partitions;
    private final int[] indexOfPartition;
    private final long[] end;
    private final long[] fed;
    private final boolean[] done;
    private int remaining;

    private TopicPartitions(final KafkaConsumer<byte[], byte[]> consumer, final KafkaReplaySpec spec,
        final TopicPartition[] partitions, final long[] end)
    {
        this.consumer = consumer;
        this.spec = spec;
        this.partitions = partitions;
        this.end = end;
        this.fed = new long[partitions.length];
        this.done = new boolean[partitions.length];
        this.indexOfPartition = new int[partitions[partitions.length - 1].partition() + 1];
        Arrays.fill(fed, -1);
        for (int i = 0; i < partitions.length; i++)
        {
            indexOfPartition[partitions[i].partition()] = i;
        }
        remaining = partitions.length;
    }

    /**
     * Assign every partition of the topic and place the consumer at the replay's start.
     *
     * @param consumer a new consumer.
     * @param spec     what to replay.
     * @return the partitions.
     * @throws SourceFailure when the topic does not exist.
     * @throws org.apache.kafka.common.KafkaException when the broker does not answer in time or refuses.
     */
    static TopicPartitions open(final KafkaConsumer<byte[], byte[]> consumer, final KafkaReplaySpec spec)
    {
        final Duration timeout = Duration.ofMillis(spec.timeoutMs());
        final List<PartitionInfo> infos = consumer.partitionsFor(spec.topic(), timeout);
        if (infos == null || infos.isEmpty())
        {
            throw new SourceFailure(spec.target() + ": topic " + spec.topic() + " does not exist");
        }
        final TopicPartition[] partitions = infos.stream().map(info -> new TopicPartition(info.topic(), info.partition()))
            .sorted((a, b) -> Integer.compare(a.partition(), b.partition())).toArray(TopicPartition[]::new);
        final List<TopicPartition> all = List.of(partitions);
        consumer.assign(all);
        final Map<TopicPartition, Long> ends = consumer.endOffsets(all, timeout);
        final long[] end = new long[partitions.length];
        for (int i = 0; i < partitions.length; i++)
        {
            end[i] = ends.get(partitions[i]);
        }
        if (spec.fromNanos() == Long.MIN_VALUE)
        {
            final Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(all), timeout);
            for (final TopicPartition partition : partitions)
            {
                final OffsetAndMetadata offset = committed.get(partition);
                seek(consumer, partition, offset == null ? -1 : offset.offset());
            }
        }
        else
        {
            seekToTime(consumer, spec, partitions, end, timeout);
        }
        final TopicPartitions opened = new TopicPartitions(consumer, spec, partitions, end);
        opened.settle();
        return opened;
    }

    private static void seekToTime(final KafkaConsumer<byte[], byte[]> consumer, final KafkaReplaySpec spec,
        final TopicPartition[] partitions, final long[] end, final Duration timeout)
    {
        final long fromMillis = Math.floorDiv(spec.fromNanos(), 1_000_000L);
        if (fromMillis <= 0)
        {
            consumer.seekToBeginning(List.of(partitions));
            return;
        }
        final Map<TopicPartition, Long> times = new HashMap<>();
        for (final TopicPartition partition : partitions)
        {
            times.put(partition, fromMillis);
        }
        final Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times, timeout);
        for (int i = 0; i < partitions.length; i++)
        {
            final OffsetAndTimestamp offset = found.get(partitions[i]);
            // no record at or after --from: the partition starts (and, not following, ends) at its end
            consumer.seek(partitions[i], offset == null ? end[i] : offset.offset());
        }
    }

    private static void seek(final KafkaConsumer<byte[], byte[]> consumer, final TopicPartition partition, final long offset)
    {
        if (offset < 0)
        {
            consumer.seekToBeginning(List.of(partition));
        }
        else
        {
            consumer.seek(partition, offset);
        }
    }

    /**
     * @return the partitions, by number.
     */
    int count()
    {
        return partitions.length;
    }

    /**
     * @param partition a partition of the topic.
     * @return its index.
     */
    int indexOf(final TopicPartition partition)
    {
        return indexOfPartition[partition.partition()];
    }

    /**
     * @param index     a partition's index.
     * @param offset    a record's offset.
     * @param timestamp its Kafka timestamp, in milliseconds.
     * @return true when the record is past the replay's end on its partition (which then ends), or the partition ended.
     */
    boolean ends(final int index, final long offset, final long timestamp)
    {
        if (!done[index] && (!spec.follow() && offset >= end[index]
            || spec.toNanos() != Long.MAX_VALUE && timestamp > Math.floorDiv(spec.toNanos(), 1_000_000L)))
        {
            finish(index);
        }
        return done[index];
    }

    /**
     * @param index  a partition's index.
     * @param offset the offset of a record the replay fed to the pipeline (or skipped for good).
     */
    void fed(final int index, final long offset)
    {
        fed[index] = offset + 1;
    }

    /**
     * After a poll's records were fed: the partitions that reached their end end.
     *
     * @return partitions not ended yet.
     */
    int settle()
    {
        final boolean pastTo = spec.toNanos() != Long.MAX_VALUE
            && System.currentTimeMillis() > Math.floorDiv(spec.toNanos(), 1_000_000L);
        for (int i = 0; i < partitions.length; i++)
        {
            if (done[i])
            {
                continue;
            }
            if (!spec.follow() && consumer.position(partitions[i]) >= end[i])
            {
                finish(i);
            }
            else if (spec.follow() && pastTo)
            {
                final OptionalLong lag = consumer.currentLag(partitions[i]);
                if (lag.isPresent() && lag.getAsLong() == 0)
                {
                    finish(i);
                }
            }
        }
        return remaining;
    }

    private void finish(final int index)
    {
        done[index] = true;
        remaining--;
        consumer.pause(List.of(partitions[index]));
    }

    /**
     * @return the offset after the last record fed, by partition, for those that fed any.
     */
    Map<TopicPartition, OffsetAndMetadata> fedOffsets()
    {
        final Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (int i = 0; i < partitions.length; i++)
        {
            if (fed[i] >= 0)
            {
                offsets.put(partitions[i], new OffsetAndMetadata(fed[i]));
            }
        }
        return offsets;
    }
}
