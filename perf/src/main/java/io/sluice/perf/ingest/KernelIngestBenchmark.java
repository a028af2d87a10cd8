package io.sluice.perf.ingest;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.sbe.MatchedPoliciesWriter;
import io.sluice.codec.sbe.EventRecordWriter;
import io.sluice.config.BufferMode;
import io.sluice.config.DestinationConfig;
import io.sluice.config.FormatSpec;
import io.sluice.config.OutputConfig;
import io.sluice.config.OutputOptions;
import io.sluice.config.StreamConfig;
import io.sluice.engine.Engine;
import io.sluice.engine.EngineOptions;
import io.sluice.engine.EngineSummary;
import io.sluice.engine.Pipeline;
import io.sluice.format.ColorMode;
import io.sluice.format.EventFormatter;
import io.sluice.format.FormatContext;
import io.sluice.format.Formats;
import io.sluice.perf.format.CpuPerEvent;
import io.sluice.policy.PolicyCompiler;
import io.sluice.policy.PolicyDocument;
import io.sluice.policy.PolicySet;
import io.sluice.process.KernelEventEnricher;
import org.agrona.ExpandableArrayBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the ingest thread spends per kernel event, fed raw {@code openat} records as the loader writes them
 * ({@link KernelRecords}): {@link #enrich} is the enricher alone on the benchmark thread (process-tree lookup, decode,
 * the Event record written; score and {@code -prof gc} per event); {@link #ingest} is the engine as
 * {@code sluice --events openat --output none} runs it, a source copying the records into the shared ring and the
 * ingest thread enriching, judging the implicit {@code openat} policy and publishing into the main ring, and it prints
 * the {@code sluice-ingest} thread's CPU-ns and bytes allocated per event after each iteration (the figure that holds
 * when other work shares the cores; the score, events/s, does not). {@link #emptyRecord} is the codec writer's floor
 * under {@link #enrich}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class KernelIngestBenchmark
{
    /** Events per engine run ({@link #ingest}). */
    public static final int EVENTS = 1_000_000;

    /** The enricher over a seeded process tree. */
    @State(Scope.Thread)
    public static class Enrich
    {
        private final CpuPerEvent cpu = new CpuPerEvent();
        private final ExpandableArrayBuffer out = new ExpandableArrayBuffer(4096);
        private final EventRecordWriter writer = new EventRecordWriter();
        private final ExpandableArrayBuffer rendered = new ExpandableArrayBuffer(4096);
        private final MatchedPoliciesWriter policies = new MatchedPoliciesWriter();
        private KernelRecords records;
        private KernelEventEnricher enricher;
        private EventFormatter json;
        private int next;

        /** Seed the tree, build the records. */
        @Setup
        public void setup()
        {
            final EventCatalog catalog = EventCatalog.standard();
            enricher = KernelRecords.enricher(catalog);
            records = new KernelRecords();
            json = Formats.byKey("json").create(new FormatSpec("json", null),
                new FormatContext(catalog, new String[] {"bench"}, ColorMode.NEVER, false, false));
        }

        /** Start counting CPU. */
        @Setup(Level.Iteration)
        public void startIteration()
        {
            cpu.start();
        }

        /**
         * @param params the benchmark's name.
         */
        @TearDown(Level.Iteration)
        public void endIteration(final BenchmarkParams params)
        {
            cpu.print(params, "");
        }
    }

    /** The engine, rebuilt for each run. */
    @State(Scope.Benchmark)
    public static class Ingest
    {
        /**
         * What the engine outputs: {@code none}, or {@code json} (JSON to {@code /dev/null} through one stream, as
         * {@code --output json:/dev/null}: the rendering, the router on the ingest thread and the stream's writer).
         */
        @Param({"none"})
        public String output;

        private EventCatalog catalog;
        private PolicySet policies;
        private KernelRecords records;
        private Engine engine;
        private long events;
        private long cpuNanos;
        private long bytes;

        /** Build the engine for the next run; not timed. */
        @Setup(Level.Invocation)
        public void buildEngine()
        {
            if (catalog == null)
            {
                catalog = EventCatalog.standard();
                records = new KernelRecords();
                policies = new PolicyCompiler(catalog).compile(List.of(new PolicyDocument("bench", "bench.yaml",
                    List.of("global"), List.of(new PolicyDocument.Rule("spec.rules", "openat", List.of())))));
            }
            engine = new Engine(Pipeline.of(output(), new KernelRecordSource(records, EVENTS), catalog,
                EngineOptions.DEFAULTS).withPolicies(policies));
        }

        /** {@code --output none}, or {@code --output json:/dev/null}: one implicit stream, every event, block. */
        private OutputConfig output()
        {
            if ("none".equals(output))
            {
                return new OutputConfig(List.of(), List.of(), OutputOptions.NONE);
            }
            if (!"json".equals(output))
            {
                throw new IllegalStateException("output: " + output + " is neither none nor json");
            }
            return new OutputConfig(List.of(new DestinationConfig("null", "file", FormatSpec.JSON, "/dev/null", null)),
                List.of(new StreamConfig("default-stream", List.of("null"), List.of(), List.of(), BufferMode.BLOCK,
                    StreamConfig.DEFAULT_BUFFER_SIZE, true)), OutputOptions.NONE);
        }

        /** Print the ingest thread's CPU and allocation per event over the iteration. */
        @TearDown(Level.Iteration)
        public void endIteration()
        {
            if (events > 0)
            {
                System.out.printf("%n[ingest] iteration: %d ingest-thread CPU-ns/event, %.3f B/event allocated%n",
                    cpuNanos / events, (double)bytes / events);
            }
            events = 0;
            cpuNanos = 0;
            bytes = 0;
        }
    }

    /**
     * @param state the enricher and records.
     * @return the Event record's length.
     */
    @Benchmark
    public int enrich(final Enrich state)
    {
        final int i = state.next;
        state.next = i == state.records.count() - 1 ? 0 : i + 1;
        state.cpu.count();
        return state.enricher.enrich(state.records.record(i), 0, state.out);
    }

    /**
     * {@link #enrich}, then the JSON rendering of the record, on one thread and without the rings: what the ingest of
     * the kernel figure does per event less the judging, routing and hand-overs (compare with {@link #enrich} and
     * {@code FormatBenchmark -p records=openat}).
     *
     * @param state the enricher, the records and the formatter.
     * @return the rendering's length.
     */
    @Benchmark
    public int enrichThenRender(final Enrich state)
    {
        final int i = state.next;
        state.next = i == state.records.count() - 1 ? 0 : i + 1;
        state.cpu.count();
        final int length = state.enricher.enrich(state.records.record(i), 0, state.out);
        KernelRecords.matchFirstPolicy(state.policies, state.out);
        return state.json.format(state.out, 0, length, state.rendered, 0);
    }

    /**
     * The floor the codec's writer sets under {@link #enrich}: an Event record with nothing in it (the block zeroed, the
     * four groups and nineteen variable-length fields written empty), as every enriched event pays it first.
     *
     * @param state the output buffer.
     * @return the record's length.
     */
    @Benchmark
    public int emptyRecord(final Enrich state)
    {
        state.cpu.count();
        return state.writer.wrap(state.out, 0).finish();
    }

    /**
     * @param state the engine of this run.
     * @return events published.
     * @throws InterruptedException when interrupted while waiting for the thread watch.
     */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long ingest(final Ingest state) throws InterruptedException
    {
        final ThreadWatch watch = new ThreadWatch("sluice-ingest");
        final EngineSummary summary = state.engine.run();
        watch.stop();
        state.engine = null;
        if (summary.failure() != null || summary.published() != EVENTS)
        {
            throw new IllegalStateException("run failed: " + summary);
        }
        state.events += EVENTS;
        state.cpuNanos += watch.cpuNanos();
        state.bytes += watch.allocatedBytes();
        return summary.published();
    }
}
