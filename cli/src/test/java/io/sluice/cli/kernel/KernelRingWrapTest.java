package io.sluice.cli.kernel;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineSummary;
import io.sluice.proto.v1beta1.Event;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loader's consumer of the kernel ring ({@code kernel_rings.c}) hands on a record that wraps the ring's end whole:
 * through a 256 KiB kernel ring (the loader maps its data once, so such a record is in two pieces there), a loop
 * opens {@value #CALLS} paths of lengths varying call by call, some 35 times the ring's size in all, so records cross
 * the end at ever other offsets; every path arrives once, in order and intact, and nothing is lost. The loop's rate
 * ({@value #RATE}/s, ~450 KB/s) leaves the loader 0.4 s of lag past the ring's forced wake-up (at 64 KiB pending)
 * before it fills (at 2,000/s and 128 KiB, a loaded 2-core host once lost 94 of the calls); no timing is asserted.
 */
class KernelRingWrapTest
{
    private static final int CALLS = 20_000;
    private static final int RATE = 1_000;
    private static final int RING_BYTES = 256 * 1024;

    @BeforeAll
    static void kernel()
    {
        KernelTestSupport.requireKernel();
    }

    @Test
    void recordsThatWrapTheRingsEndArriveWholeAndInOrder(@TempDir final Path dir) throws Exception
    {
        final Path loopBinary = KernelTestSupport.compile("wraploop", dir);
        final String prefix = dir.resolve("wrap").toString();
        final Process loop = new ProcessBuilder(loopBinary.toString(), prefix, Integer.toString(CALLS), Integer.toString(RATE))
            .start();
        final Path output = dir.resolve("events.json");
        final OpenatEngine traced = OpenatEngine.start(loop.pid(), RING_BYTES, output);
        final Engine engine = traced.engine();
        final CompletableFuture<EngineSummary> run = traced.run();
        try
        {
            assertTrue(engine.awaitSourceStarted(60, TimeUnit.SECONDS), "sensor did not start");
            try (OutputStream in = loop.getOutputStream())
            {
                in.write("go\n".getBytes(StandardCharsets.US_ASCII));
            }
            assertTrue(loop.waitFor(120, TimeUnit.SECONDS), "the loop did not finish");
            assertEquals(0, loop.exitValue());
            Thread.sleep(1000);
            engine.requestStop();
            final EngineSummary summary = run.get(60, TimeUnit.SECONDS);

            assertNull(summary.failure());
            assertEquals(0, summary.lostKernel(), "lost (kernel): " + summary);
            final List<String> paths = loopPaths(output, prefix);
            assertEquals(CALLS, paths.size(), "the loop's openat events in the output");
            for (int seq = 0; seq < CALLS; seq++)
            {
                assertEquals(expectedPath(prefix, seq), paths.get(seq), "call " + seq);
            }
        }
        finally
        {
            loop.destroyForcibly();
            engine.requestStop();
        }
    }

    /** What wraploop.c opens at call {@code seq}. */
    private static String expectedPath(final String prefix, final int seq)
    {
        final StringBuilder path = new StringBuilder(prefix).append('-').append(seq).append('-');
        final int pad = seq * 37 % 257;
        for (int i = 0; i < pad; i++)
        {
            path.append((char)('a' + (seq + i) % 26));
        }
        return path.toString();
    }

    /** The paths the loop's openat events name, in the order of the output. */
    private static List<String> loopPaths(final Path output, final String prefix) throws Exception
    {
        final List<String> paths = new ArrayList<>();
        for (final Event event : KernelTestSupport.readEvents(output))
        {
            event.getDataList().stream().filter(arg -> arg.getStr().startsWith(prefix)).findFirst()
                .ifPresent(arg -> paths.add(arg.getStr()));
        }
        return paths;
    }
}
