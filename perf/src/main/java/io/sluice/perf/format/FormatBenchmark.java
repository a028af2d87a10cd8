package io.sluice.perf.format;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.FormatSpec;
import io.sluice.format.ColorMode;
import io.sluice.format.EventFormatter;
import io.sluice.format.Format;
import io.sluice.format.FormatContext;
import io.sluice.format.Formats;
import io.sluice.perf.ingest.KernelRecords;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Every output format side by side in one run, built through the registry exactly as a stream builds it
 * ({@link Formats#byKey}, {@link Format#create}), rendering the same records ({@link #records}, {@link #pool}) in the same order. The
 * {@code format} parameter is the destination's {@code format} setting; {@code gotemplate} renders seed 003's
 * three-field template ({@code GoTemplateBenchmark} compares longer templates, {@code ProtobufWriterBenchmark} the
 * protobuf writer with protobuf-java). Score: ns per event; run with {@code -prof gc} for bytes allocated per event.
 * <pre>
 * java -jar perf/target/benchmarks.jar FormatBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED", "-XX:+UseParallelGC"})
public class FormatBenchmark
{
    private static final String[] POLICIES = {"default-policy", "sensitive-files", "network-egress"};
    /** Seed 003's template of the three most used fields. */
    private static final String THREE_FIELDS =
        "{{.name}} {{.workload.process.pid.value}} {{.timestamp.seconds}}\n";

    /**
     * A destination's {@code format} setting; {@code gotemplate} is given seed 003's three-field template,
     * {@code compact-color} is {@code compact} with {@code --color always}.
     */
    @Param({"json", "table", "table-verbose", "compact", "compact-color", "protobuf", "gotemplate"})
    public String format;

    /**
     * How many records cycle: 512 (about 220 KB of records, 428 bytes each on average: beyond the 48 KiB L1, within the
     * 2 MiB L2) or, with {@code -p pool=16}, a set that stays in the L1, to tell the renderer's own cost from the record
     * loads and the branches a varied stream mispredicts.
     */
    @Param({"512"})
    public int pool;

    /**
     * Which records: {@code synthetic} (the pipeline's synthetic source: every catalog event) or {@code openat} (what
     * the ingest renders when the {@code openat} loop of {@code perf/sensor/overhead.sh} is traced: the enricher's
     * records of {@link KernelRecords}), to read the renderer's share of the kernel figure.
     */
    @Param({"synthetic"})
    public String records;

    private final ExpandableArrayBuffer out = new ExpandableArrayBuffer(8192);
    private final CpuPerEvent cpu = new CpuPerEvent();
    private EventFormatter formatter;
    private UnsafeBuffer[] pooled;
    private int next;

    /**
     * Build the formatter through the registry and render every record once.
     *
     * @throws IOException when the template file cannot be written.
     */
    @Setup
    public void setUp() throws IOException
    {
        final EventCatalog catalog = EventCatalog.standard();
        final boolean colored = "compact-color".equals(format);
        final String key = colored ? "compact" : format;
        String argument = null;
        if ("gotemplate".equals(format))
        {
            final Path template = Files.createTempFile("sluice-bench", ".tmpl");
            template.toFile().deleteOnExit();
            Files.writeString(template, THREE_FIELDS, StandardCharsets.UTF_8);
            argument = template.toString();
        }
        final Format entry = Formats.byKey(key);
        if (entry == null)
        {
            throw new IllegalStateException("no format " + key);
        }
        final FormatContext context =
            new FormatContext(catalog, POLICIES, colored ? ColorMode.ALWAYS : ColorMode.NEVER, false, false);
        formatter = entry.create(new FormatSpec(key, argument), context);
        pooled = switch (records)
        {
            case "synthetic" -> SyntheticRecords.first(catalog, pool);
            case "openat" -> KernelRecords.enriched(catalog, pool);
            default -> throw new IllegalStateException("records: " + records + " is neither synthetic nor openat");
        };
        for (final UnsafeBuffer record : pooled)
        {
            if (formatter.format(record, 0, record.capacity(), out, 0) <= 0)
            {
                throw new IllegalStateException(format + " rendered nothing");
            }
        }
    }

    /** Start counting an iteration's CPU time. */
    @Setup(Level.Iteration)
    public void startIteration()
    {
        cpu.start();
    }

    /**
     * Print the iteration's CPU time per event: it stays put when other work shares the cores and the score does not.
     *
     * @param params which benchmark this is.
     */
    @TearDown(Level.Iteration)
    public void endIteration(final BenchmarkParams params)
    {
        cpu.print(params, format);
    }

    /**
     * @return bytes rendered for the next record.
     */
    @Benchmark
    public int render()
    {
        cpu.count();
        final UnsafeBuffer record = pooled[next];
        next = next + 1 == pooled.length ? 0 : next + 1;
        return formatter.format(record, 0, record.capacity(), out, 0);
    }
}
