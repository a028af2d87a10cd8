package io.sluice.perf.format;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.FormatSpec;
import io.sluice.format.ColorMode;
import io.sluice.format.EventFormatter;
import io.sluice.format.FormatContext;
import io.sluice.format.Formats;
import io.sluice.ring.SharedRing;
import io.sluice.source.SyntheticSource;
import io.sluice.source.SyntheticSpec;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The text formats' cost per event beside the {@code json} writer's, in one run: each {@code format} parameter builds
 * its formatter through the format table ({@link Formats}), as a stream does, and renders the first
 * {@value #SYNTHETIC_EVENTS} records of the pipeline benchmark's synthetic source (seed 1: every catalog event, with
 * its argument pools), one per invocation, into a reused buffer. {@code compact-color} is {@code compact} with
 * {@code --color always}. Score: ns per event; {@code -prof gc} gives the bytes allocated per event.
 * <pre>
 * java -jar perf/target/benchmarks.jar TextFormatBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED", "-XX:+UseParallelGC"})
public class TextFormatBenchmark
{
    private static final String[] POLICIES = {"default-policy", "sensitive-files", "network-egress"};
    private static final int SYNTHETIC_EVENTS = 512;

    /** The format key; {@code compact-color} is {@code compact} coloured. */
    @Param({"json", "table", "table-verbose", "compact", "compact-color"})
    public String format;

    private final ExpandableArrayBuffer out = new ExpandableArrayBuffer(8192);
    private EventFormatter formatter;
    private UnsafeBuffer[] records;
    private int next;

    /**
     * Build the formatter and read the records.
     */
    @Setup
    public void setUp()
    {
        final EventCatalog catalog = EventCatalog.standard();
        final boolean colored = format.equals("compact-color");
        final String key = colored ? "compact" : format;
        final FormatContext context =
            new FormatContext(catalog, POLICIES, colored ? ColorMode.ALWAYS : ColorMode.NEVER, false, false);
        formatter = Formats.byKey(key).create(new FormatSpec(key, null), context);
        records = syntheticRecords(catalog, SYNTHETIC_EVENTS);
        for (final UnsafeBuffer record : records)
        {
            if (formatter.format(record, 0, record.capacity(), out, 0) <= 0)
            {
                throw new IllegalStateException(format + " rendered nothing");
            }
        }
    }

    /**
     * @return bytes written.
     */
    @Benchmark
    public int render()
    {
        final UnsafeBuffer record = records[next];
        next = next + 1 == records.length ? 0 : next + 1;
        return formatter.format(record, 0, record.capacity(), out, 0);
    }

    /**
     * The first records the synthetic source writes (seed 1, every catalog event), each copied into its own buffer.
     */
    private static UnsafeBuffer[] syntheticRecords(final EventCatalog catalog, final int count)
    {
        final SyntheticSource source =
            new SyntheticSource(SyntheticSpec.parse("synthetic:count=" + count + ",seed=1", catalog));
        final List<UnsafeBuffer> records = new ArrayList<>();
        try (SharedRing ring = SharedRing.createAnonymous(4 * 1024 * 1024))
        {
            source.start(ring.ring());
            while (records.size() < count)
            {
                final int read = ring.ring().read((type, buffer, index, length) ->
                {
                    final byte[] bytes = new byte[length];
                    buffer.getBytes(index, bytes);
                    records.add(new UnsafeBuffer(bytes));
                });
                if (read == 0)
                {
                    if (source.failure() != null)
                    {
                        throw new IllegalStateException("synthetic source failed", source.failure());
                    }
                    java.lang.Thread.onSpinWait();
                }
            }
        }
        return records.toArray(new UnsafeBuffer[0]);
    }
}
