package io.sluice.perf.pipeline;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.BufferMode;
import io.sluice.config.DestinationConfig;
import io.sluice.config.FormatSpec;
import io.sluice.config.OutputConfig;
import io.sluice.config.OutputOptions;
import io.sluice.config.StreamConfig;
import io.sluice.engine.Engine;
import io.sluice.engine.EngineOptions;
import io.sluice.engine.Pipeline;
import io.sluice.engine.EngineSummary;
import io.sluice.source.SyntheticSource;
import io.sluice.source.SyntheticSpec;
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

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * End to end through the engine: synthetic source → shared Agrona ring → ingest → main Disruptor ring →
 * N block streams, each filtering a quarter of the catalog (together they take every event exactly once), JSON to
 * {@code /dev/null}. One invocation runs {@link #EVENTS} events; the score is events per second. {@code streams=0}
 * is the baseline in the same run: source, ring and ingest with nothing downstream.
 * <p>
 * The engine (its rings: ~8 MB main ring, ~4 MB per stream ring, the 16 MB shared ring) is built before each
 * invocation, outside the timed region: what is timed is {@link Engine#run()}, threads started, every event
 * routed, formatted and written, every stream drained and its destination flushed. The JVM flags are those of
 * {@code ./sluice} (Parallel GC, Agrona's {@code --add-opens}).
 * <p>
 * Allocation: {@code -prof gc}'s {@code gc.alloc.rate.norm} counts the whole iteration, engine construction
 * included (the rings' preallocated slots: ~9 MB per run, ~28 MB with 4 streams, that is ~5 and ~14 B/event at
 * 2 M events per run). After each iteration the benchmark prints what {@link Engine#run()} alone allocated per
 * event, by all threads (the engine's threads, which end with each run, included), and the process CPU time per
 * event (see {@link #reportIteration()}). What {@code run()} allocates is ring slots growing past their initial
 * 1 KiB for the largest synthetic events (ingest thread into the main ring, the router of the stream that takes
 * them into its ring): bounded by the slot count, so it falls per event as runs get longer, and it is 0 once
 * every slot has grown, as in a long-running tracer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED", "-XX:+UseParallelGC"})
public class PipelineBenchmark
{
    /** Events per invocation. */
    public static final int EVENTS = 2_000_000;

    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
        (com.sun.management.OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean();

    @Param({"0", "4"})
    public int streams;

    @Param({"phased"})
    public String wait;

    private EventCatalog catalog;
    private Engine engine;
    private long iterationEvents;
    private long iterationBytes;
    private long iterationCpuNanos;
    private long iterationWallNanos;
    private long trialEvents;
    private long trialBytes;
    private long trialCpuNanos;
    private long trialWallNanos;

    /**
     * Build the engine for the next run; not timed.
     */
    @Setup(Level.Invocation)
    public void buildEngine()
    {
        if (catalog == null)
        {
            catalog = EventCatalog.standard();
        }
        engine = new Engine(Pipeline.of(output(catalog, streams), new SyntheticSource(
            SyntheticSpec.parse("synthetic:count=" + EVENTS + ",seed=1", catalog)), catalog,
            EngineOptions.DEFAULTS.withWaitStrategy(wait)));
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long pipeline() throws Exception
    {
        final long bytesBefore = THREADS.getTotalThreadAllocatedBytes();
        final long cpuBefore = OS.getProcessCpuTime();
        final long wallBefore = System.nanoTime();
        final EngineSummary summary = engine.run();
        iterationWallNanos += System.nanoTime() - wallBefore;
        iterationCpuNanos += OS.getProcessCpuTime() - cpuBefore;
        iterationBytes += THREADS.getTotalThreadAllocatedBytes() - bytesBefore;
        iterationEvents += EVENTS;
        engine = null;
        if (summary.failure() != null || summary.published() != EVENTS || delivered(summary) != (streams == 0 ? 0 : EVENTS))
        {
            throw new IllegalStateException("run failed: " + summary);
        }
        return summary.published();
    }

    /**
     * Print what the runs of this iteration allocated and what CPU they used, per event: allocation by every
     * thread (the engine's included: {@code getTotalThreadAllocatedBytes} counts threads that have ended), CPU
     * time of the whole process (all engine threads, plus JMH's and the JIT's, which are small next to them).
     * CPU per event includes threads spinning or yielding while they wait, so it bounds the work per event from
     * above; it depends less than events/s on how much of the machine other processes take.
     */
    @TearDown(Level.Iteration)
    public void reportIteration()
    {
        if (iterationEvents > 0)
        {
            System.out.println(line("iteration", iterationEvents, iterationBytes, iterationCpuNanos, iterationWallNanos));
        }
        trialEvents += iterationEvents;
        trialBytes += iterationBytes;
        trialCpuNanos += iterationCpuNanos;
        trialWallNanos += iterationWallNanos;
        iterationEvents = 0;
        iterationBytes = 0;
        iterationCpuNanos = 0;
        iterationWallNanos = 0;
    }

    /**
     * Print the same over the whole trial (warm-up included).
     */
    @TearDown(Level.Trial)
    public void reportTrial()
    {
        System.out.println(line("trial (warm-up included)", trialEvents, trialBytes, trialCpuNanos, trialWallNanos));
    }

    private String line(final String what, final long events, final long bytes, final long cpuNanos, final long wallNanos)
    {
        return String.format(
            "%n[pipeline streams=%d wait=%s] %s: %d events in run(): %.3f B/event allocated, %.0f CPU-ns/event " +
            "(%.2f cores busy), %.2f M events/s wall",
            streams, wait, what, events, (double)bytes / events, (double)cpuNanos / events,
            (double)cpuNanos / wallNanos, events * 1e3 / wallNanos);
    }

    private static long delivered(final EngineSummary summary)
    {
        long delivered = 0;
        for (final EngineSummary.StreamSummary stream : summary.streams())
        {
            delivered += stream.delivered();
        }
        return delivered;
    }

    static OutputConfig output(final EventCatalog catalog, final int streams)
    {
        final List<DestinationConfig> destinations = new ArrayList<>();
        final List<StreamConfig> configs = new ArrayList<>();
        final int events = catalog.events().size();
        for (int s = 0; s < streams; s++)
        {
            final List<String> selected = new ArrayList<>();
            for (int e = s; e < events; e += streams)
            {
                selected.add(catalog.events().get(e).name());
            }
            destinations.add(new DestinationConfig("null" + s, "file", FormatSpec.JSON, "/dev/null", null));
            configs.add(new StreamConfig("s" + s, List.of("null" + s), selected, List.of(), BufferMode.BLOCK, 4096, false));
        }
        return new OutputConfig(destinations, configs, OutputOptions.NONE);
    }
}
