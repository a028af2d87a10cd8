package io.sluice.cli;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.source.EventSource;
import io.sluice.source.kafka.KafkaReplayOptions;
import io.sluice.source.kafka.KafkaReplaySource;
import io.sluice.source.kafka.KafkaReplaySpec;

import java.io.PrintWriter;

/**
 * A Kafka topic replayed ({@link KafkaReplaySource}): the topic, its partitions and the group are said before the run;
 * the values that could not be read as events after it.
 */
final class KafkaInput implements ReplayInput
{
    private final KafkaReplaySpec spec;
    private final KafkaReplaySource source;

    private KafkaInput(final KafkaReplaySpec spec, final KafkaReplaySource source)
    {
        this.spec = spec;
        this.source = source;
    }

    /**
     * @param request what was asked.
     * @param catalog the event catalog.
     * @return the topic, its partitions found.
     * @throws IllegalArgumentException for an option of journal replays.
     * @throws io.sluice.config.ConfigException for a bad URL or consumer property.
     * @throws io.sluice.source.SourceFailure when the broker does not answer or the topic does not exist.
     */
    static KafkaInput open(final ReplayRequest request, final EventCatalog catalog)
    {
        if (request.speed() != 0)
        {
            throw new IllegalArgumentException("--pace: a kafka:// replay goes as fast as it can (a topic's partitions"
                + " are in no one time order)");
        }
        if (request.recordedPolicies())
        {
            throw new IllegalArgumentException("--recorded-policies: a kafka:// topic does not record the names of"
                + " the policies its events matched");
        }
        final KafkaReplaySpec spec = KafkaReplayOptions.spec(request.source(), request.group(), request.kafka(),
            request.fromNanos(), request.toNanos(), request.follow());
        return new KafkaInput(spec, KafkaReplaySource.open(spec, catalog));
    }

    @Override
    public EventSource source()
    {
        return source;
    }

    @Override
    public String[] policyNames()
    {
        return new String[0];
    }

    @Override
    public void describe(final PrintWriter err)
    {
        err.println("sluice: " + spec.target() + ": " + source.partitionCount() + " partition(s), group " + spec.group()
            + (spec.format() == null ? "" : ", format " + spec.format().key()));
    }

    @Override
    public long totalEstimate()
    {
        return -1;
    }

    @Override
    public long outsideRange()
    {
        return source.outsideRange();
    }

    @Override
    public String origin()
    {
        return source.partitionCount() + " partition(s) of " + spec.target();
    }

    @Override
    public void reportProblems(final PrintWriter err)
    {
        source.notes().forEach(note -> err.println("sluice: note: " + note));
        source.problems().forEach(problem -> err.println("sluice: " + spec.target() + ": unreadable record: " + problem));
        final long unnamed = source.unreadable() - source.problems().size();
        if (unnamed > 0)
        {
            err.println("sluice: " + spec.target() + ": and " + unnamed + " more unreadable record(s)");
        }
    }

    @Override
    public String damage()
    {
        return source.unreadable() == 0 ? null : spec.target() + ": " + source.unreadable()
            + " record(s) could not be read as events and were skipped, everything else was replayed";
    }
}
