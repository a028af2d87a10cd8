package io.sluice.cli.kernel;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineOptions;
import io.sluice.engine.EngineSummary;
import io.sluice.engine.Pipeline;
import io.sluice.source.KernelSource;
import io.sluice.source.KernelSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kernel sensor is started while the engine is built, not once it runs: its loader loads and verifies its programs
 * (most of a start's half second) beside the engine's own setup. An engine that cannot be built stops the loader it
 * started.
 */
class SensorLaunchKernelTest
{
    @TempDir
    Path dir;

    @BeforeAll
    static void kernel()
    {
        KernelTestSupport.requireKernel();
    }

    @Test
    void theLoaderRunsOnceTheEngineIsBuiltBeforeTheEngineRuns() throws Exception
    {
        final Set<Long> before = loaders();
        final KernelSource source = new KernelSource(openatOfThisProcess());
        final Engine engine = new Engine(pipeline(source, EngineOptions.DEFAULTS));

        final long loader = awaitNewLoader(before);
        assertTrue(ProcessHandle.of(loader).map(ProcessHandle::isAlive).orElse(false), "started by the build alone");
        final CompletableFuture<EngineSummary> run = CompletableFuture.supplyAsync(engine::run);
        assertTrue(engine.awaitSourceStarted(60, TimeUnit.SECONDS), "the run finds it started and waits for its ready");
        engine.requestStop();
        final EngineSummary summary = run.get(60, TimeUnit.SECONDS);
        assertTrue(source.failure() == null, "the loader ran and stopped cleanly: " + source.failure());
        assertEquals(0, summary.lostKernel(), summary.toString());
        assertFalse(loaders().contains(loader), "stopped with the run");
    }

    @Test
    void anEngineThatCannotBeBuiltStopsTheLoaderItStarted() throws Exception
    {
        final Set<Long> before = loaders();
        final KernelSource source = new KernelSource(openatOfThisProcess());
        // a main ring of 1,000 slots is refused by the Disruptor, after the loader was started
        final EngineOptions unbuildable = new EngineOptions(EngineOptions.DEFAULTS.sharedRingCapacity(), 1000,
            EngineOptions.DEFAULTS.waitStrategy(), EngineOptions.DEFAULTS.policyNames(),
            EngineOptions.DEFAULTS.drainTimeout(), EngineOptions.DEFAULTS.color());

        assertThrows(IllegalArgumentException.class, () -> new Engine(pipeline(source, unbuildable)));

        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!source.isDone() && System.nanoTime() < deadline)
        {
            Thread.sleep(20);
        }
        assertTrue(source.isDone(), "the loader it started has ended");
        final Set<Long> left = loaders();
        left.removeAll(before);
        assertTrue(left.isEmpty(), "no loader of this build is left running: " + left);
    }

    private static KernelSpec openatOfThisProcess()
    {
        return OpenatEngine.spec(ProcessHandle.current().pid(), 1 << 20);
    }

    private Pipeline pipeline(final KernelSource source, final EngineOptions options)
    {
        return OpenatEngine.pipeline(source, dir.resolve("events.json"), options);
    }

    /** This JVM's live sluice-loader processes. */
    private static Set<Long> loaders()
    {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
            .filter(p -> p.info().command().map(c -> c.endsWith("sluice-loader")).orElse(false))
            .map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private static long awaitNewLoader(final Set<Long> before) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline)
        {
            final Set<Long> now = loaders();
            now.removeAll(before);
            if (!now.isEmpty())
            {
                return now.iterator().next();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no loader was started while the engine was built");
    }
}
