package io.sluice.cli.kernel;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Path;
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
        final OpenatEngine traced = OpenatEngine.start(flooder.pid(), 4096, dir.resolve("events.json"));
        final Engine engine = traced.engine();
        final CompletableFuture<EngineSummary> run = traced.run();
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
