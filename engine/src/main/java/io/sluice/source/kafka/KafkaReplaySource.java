package io.sluice.source.kafka;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.source.EventSource;
import io.sluice.source.ReplayFeed;
import io.sluice.source.SourceFailure;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Replays a topic written by the kafka destination into the shared ring, like a journal replay: every partition read
 * ({@link TopicPartitions}) in offset order, so each key's events keep their order; each value turned into its event
 * record ({@link KafkaValueReader}); events outside {@code --from}/{@code --to} (their own time) skipped and counted;
 * values that cannot be read skipped, counted and the first few named. What was fed is committed to the group every few
 * seconds and at the end. The broker is asked for the topic before the run ({@link #open}), so a broker that does not
 * answer, a topic that does not exist or refused credentials stop the replay before it starts.
 */
public final class KafkaReplaySource implements EventSource
{
    private static final int NAMED_PROBLEMS = 10;
    private static final long COMMIT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaReplaySpec spec;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final TopicPartitions partitions;
    private final KafkaValueReader reader;
    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final ReplayFeed feed = new ReplayFeed();
    private volatile long unreadable;

    private KafkaReplaySource(final KafkaReplaySpec spec, final KafkaConsumer<byte[], byte[]> consumer,
        final TopicPartitions partitions, final EventCatalog catalog)
    {
        this.spec = spec;
        this.consumer = consumer;
        this.partitions = partitions;
        this.reader = new KafkaValueReader(spec.format(), catalog);
    }

    /**
     * Connect, find the topic's partitions and place the consumer at the replay's start.
     *
     * @param spec    what to replay.
     * @param catalog the event catalog, for protobuf and JSON values.
     * @return the source, not started.
     * @throws SourceFailure naming the topic when the broker does not answer, the topic does not exist, or the broker
     *                       refuses.
     */
    public static KafkaReplaySource open(final KafkaReplaySpec spec, final EventCatalog catalog)
    {
        KafkaConsumer<byte[], byte[]> consumer = null;
        try
        {
            consumer = new KafkaConsumer<>(spec.consumerProperties());
            return new KafkaReplaySource(spec, consumer, TopicPartitions.open(consumer, spec), catalog);
        }
        catch (final KafkaException | SourceFailure ex)
        {
            if (consumer != null)
            {
                consumer.close(Duration.ZERO);
            }
            if (ex instanceof SourceFailure failure)
            {
                throw failure;
            }
            throw new SourceFailure(spec.target() + ": " + problem(ex, spec));
        }
    }

    private static String problem(final Throwable error, final KafkaReplaySpec spec)
    {
        final Throwable cause = error.getCause() != null && error.getMessage() != null
            && error.getMessage().startsWith("Failed to construct") ? error.getCause() : error;
        final String said = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        final String message = said.endsWith(".") ? said.substring(0, said.length() - 1) : said;
        return cause instanceof TimeoutException
            ? message + " (no broker answered at " + spec.bootstrap() + " within " + spec.timeoutMs() + " ms)"
            : message;
    }

    @Override
    public String description()
    {
        return "replay(" + spec.target() + ", group " + spec.group() + (spec.follow() ? ", follow" : "") + ")";
    }

    /**
     * @return the topic's partition count.
     */
    public int partitionCount()
    {
        return partitions.count();
    }

    @Override
    public void start(final RingBuffer ring)
    {
        feed.start(ring, this::run);
    }

    @Override
    public void requestStop()
    {
        feed.requestStop();
    }

    @Override
    public boolean isDone()
    {
        return feed.isDone();
    }

    @Override
    public long produced()
    {
        return feed.produced();
    }

    @Override
    public Throwable failure()
    {
        return feed.failure();
    }

    /**
     * @return events skipped because their time was outside {@code --from}/{@code --to}.
     */
    public long outsideRange()
    {
        return feed.outsideRange();
    }

    /**
     * @return values skipped because they could not be read as events.
     */
    public long unreadable()
    {
        return unreadable;
    }

    /**
     * @return the first values that could not be read ({@code partition P offset O: why}), final once done.
     */
    public List<String> problems()
    {
        return List.copyOf(problems);
    }

    /**
     * @return remarks about the replay (offsets that could not be committed), final once done.
     */
    public List<String> notes()
    {
        return List.copyOf(notes);
    }

    private void run()
    {
        long committedAt = System.nanoTime();
        try
        {
            while (!feed.stopRequested() && partitions.settle() > 0)
            {
                final ConsumerRecords<byte[], byte[]> polled = consumer.poll(POLL);
                for (final TopicPartition partition : polled.partitions())
                {
                    feed(partition, polled.records(partition));
                }
                if (System.nanoTime() - committedAt > COMMIT_EVERY_NANOS)
                {
                    consumer.commitAsync(partitions.fedOffsets(), null);
                    committedAt = System.nanoTime();
                }
            }
        }
        catch (final Throwable ex)
        {
            feed.fail(ex instanceof KafkaException ? new SourceFailure(spec.target() + ": " + problem(ex, spec)) : ex);
        }
        finally
        {
            commitAndClose();
        }
    }

    private void feed(final TopicPartition partition, final List<ConsumerRecord<byte[], byte[]>> records)
    {
        final int index = partitions.indexOf(partition);
        for (final ConsumerRecord<byte[], byte[]> record : records)
        {
            if (feed.stopRequested() || partitions.ends(index, record.offset(), record.timestamp()))
            {
                return;
            }
            final int length = reader.read(record);
            if (length < 0)
            {
                unreadable(record, reader.problem());
            }
            else if (length > feed.maxRecordLength())
            {
                unreadable(record, "an event of " + length + " bytes, longer than the shared ring takes ("
                    + feed.maxRecordLength() + ")");
            }
            else if (reader.eventNanos() < spec.fromNanos() || reader.eventNanos() > spec.toNanos())
            {
                feed.skipOutsideRange();
            }
            else if (!feed.write(reader.record(), 0, length))
            {
                return;
            }
            partitions.fed(index, record.offset());
        }
    }

    private void unreadable(final ConsumerRecord<byte[], byte[]> record, final String problem)
    {
        unreadable++;
        if (problems.size() < NAMED_PROBLEMS)
        {
            problems.add("partition " + record.partition() + " offset " + record.offset() + ": " + problem);
        }
    }

    private void commitAndClose()
    {
        try
        {
            final Map<TopicPartition, OffsetAndMetadata> fed = partitions.fedOffsets();
            if (!fed.isEmpty())
            {
                consumer.commitSync(fed, Duration.ofMillis(spec.timeoutMs()));
            }
        }
        catch (final KafkaException ex)
        {
            notes.add("the offsets read were not committed to group " + spec.group() + ": " + problem(ex, spec));
        }
        finally
        {
            consumer.close(Duration.ofMillis(spec.timeoutMs()));
        }
    }
}
