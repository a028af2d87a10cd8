package io.sluice.cli.kernel;

import io.sluice.codec.catalog.EventCatalog;
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
import io.sluice.source.KernelSource;
import io.sluice.source.KernelSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An engine tracing {@code openat} of one process through the real sensor, into one block stream named {@code all}
 * that writes JSON to a file, running on a thread of its own: what the kernel tests that count calls share.
 *
 * @param engine the engine (ask it to stop, wait for its source).
 * @param run    its summary, once it has stopped.
 */
record OpenatEngine(Engine engine, CompletableFuture<EngineSummary> run)
{
    /**
     * @param pid       the traced process.
     * @param ringBytes the kernel ring's size.
     * @param output    the JSON file.
     * @return the engine, started.
     */
    static OpenatEngine start(final long pid, final int ringBytes, final Path output)
    {
        final Engine engine = new Engine(pipeline(new KernelSource(spec(pid, ringBytes)), output, EngineOptions.DEFAULTS));
        return new OpenatEngine(engine, CompletableFuture.supplyAsync(() ->
        {
            try
            {
                return engine.run();
            }
            catch (final Exception ex)
            {
                throw new IllegalStateException(ex);
            }
        }));
    }

    /**
     * @param pid       the traced process.
     * @param ringBytes the kernel ring's size.
     * @return the sensor's selection: {@code openat} of that process.
     */
    static KernelSpec spec(final long pid, final int ringBytes)
    {
        final EventCatalog catalog = EventCatalog.standard();
        return new KernelSpec(KernelTestSupport.loader(), List.of(catalog.byName("openat")), false,
            false, List.of((int)pid), List.of(), List.of(), ringBytes, System.getProperty("os.arch"));
    }

    /**
     * @param source  the source.
     * @param output  the JSON file of the block stream {@code all}.
     * @param options the engine's options.
     * @return the pipeline.
     */
    static Pipeline pipeline(final KernelSource source, final Path output, final EngineOptions options)
    {
        final OutputConfig config = new OutputConfig(
            List.of(new DestinationConfig("out", "file", FormatSpec.JSON, output.toString(), null)),
            List.of(new StreamConfig("all", List.of("out"), List.of(), List.of(), BufferMode.BLOCK, 1024, false)),
            OutputOptions.NONE);
        return Pipeline.of(config, source, EventCatalog.standard(), options);
    }
}
