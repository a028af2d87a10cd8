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
import io.sluice.engine.Pipeline;
import io.sluice.engine.EngineSummary;
import io.sluice.source.KernelSource;
import io.sluice.source.KernelSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No silent loss in the kernel: a deliberately tiny kernel ring and a flood of openat from one process. Losses are
 * reported as {@code lost (kernel)}, and delivered + lost equals exactly the number of calls the flooder made.
 */
class KernelLossTest
{
    private static final int CALLS = 200_000;

    @BeforeAll
    static void kernel()
    {
        KernelTestSupport.requireKernel();
    }

    @Test
    void everyCallIsDeliveredOrCountedLost(@TempDir final Path dir) throws Exception
    {
        final Path flooderBinary = KernelTestSupport.compile("flooder", dir);
        final Process flooder = new ProcessBuilder(flooderBinary.toString(), Integer.toString(CALLS)).start();
        final EventCatalog catalog = EventCatalog.standard();
        final KernelSpec spec = new KernelSpec(KernelTestSupport.loader(), List.of(catalog.byName("openat")), false,
            false, List.of((int)flooder.pid()), List.of(), List.of(), 4096, System.getProperty("os.arch"));
        final OutputConfig output = new OutputConfig(
            List.of(new DestinationConfig("out", "file", FormatSpec.JSON, dir.resolve("events.json").toString(), null)),
            List.of(new StreamConfig("all", List.of("out"), List.of(), List.of(), BufferMode.BLOCK, 1024, false)),
            OutputOptions.NONE);
        final Engine engine = new Engine(Pipeline.of(output, new KernelSource(spec), catalog, EngineOptions.DEFAULTS));
        final CompletableFuture<EngineSummary> run = CompletableFuture.supplyAsync(() ->
        {
            try
            {
                return engine.run();
            }
            catch (final Exception ex)
            {
                throw new IllegalStateException(ex);
            }
        });
        try
        {
            assertTrue(engine.awaitSourceStarted(60, TimeUnit.SECONDS), "sensor did not start");
            try (OutputStream in = flooder.getOutputStream())
            {
                in.write("go\n".getBytes());
            }
            assertTrue(flooder.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, flooder.exitValue());
            Thread.sleep(500);
            engine.requestStop();
            final EngineSummary summary = run.get(60, TimeUnit.SECONDS);

            assertNull(summary.failure());
            final EngineSummary.StreamSummary all = summary.stream("all");
            assertTrue(summary.lostKernel() > 0, "a 4 KiB kernel ring must overflow under a flood: " + summary);
            assertEquals(CALLS, all.delivered() + summary.lostKernel(), "delivered + lost (kernel) == calls made");
            assertEquals(all.matched(), all.delivered());
        }
        finally
        {
            flooder.destroyForcibly();
            engine.requestStop();
        }
    }
}
