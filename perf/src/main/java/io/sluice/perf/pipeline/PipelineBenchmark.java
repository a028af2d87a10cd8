package io.sluice.perf.pipeline;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.BufferMode;
import io.sluice.config.DestinationConfig;
import io.sluice.config.DestinationType;
import io.sluice.config.FormatSpec;
import io.sluice.config.OutputConfig;
import io.sluice.config.OutputOptions;
import io.sluice.config.StreamConfig;
import io.sluice.engine.Engine;
import io.sluice.engine.EngineOptions;
import io.sluice.engine.EngineSummary;
import io.sluice.source.SyntheticSource;
import io.sluice.source.SyntheticSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * End to end through the engine: synthetic source → shared Agrona ring → ingest → main Disruptor ring →
 * N block streams, each filtering a quarter of the catalog, JSON to {@code /dev/null}. One invocation runs
 * {@link #EVENTS} events; the score is events per second. {@code streams=0} is the baseline in the same run:
 * source, ring and ingest with nothing downstream.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED", "-XX:+UseParallelGC"})
public class PipelineBenchmark
{
    /** Events per invocation. */
    public static final int EVENTS = 2_000_000;

    @Param({"0", "4"})
    public int streams;

    @Param({"phased"})
    public String wait;

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long pipeline() throws Exception
    {
        final EventCatalog catalog = EventCatalog.standard();
        final EngineSummary summary = new Engine(output(catalog, streams), new SyntheticSource(
            SyntheticSpec.parse("synthetic:count=" + EVENTS + ",seed=1", catalog)), catalog,
            EngineOptions.DEFAULTS.withWaitStrategy(wait)).run();
        if (summary.failure() != null || summary.published() != EVENTS)
        {
            throw new IllegalStateException("run failed: " + summary);
        }
        return summary.published();
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
            destinations.add(new DestinationConfig("null" + s, DestinationType.FILE, FormatSpec.JSON, "/dev/null", null));
            configs.add(new StreamConfig("s" + s, List.of("null" + s), selected, List.of(), BufferMode.BLOCK, 4096, false));
        }
        return new OutputConfig(destinations, configs, OutputOptions.NONE);
    }
}
