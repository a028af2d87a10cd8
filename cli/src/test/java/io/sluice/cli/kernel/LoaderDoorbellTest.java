package io.sluice.cli.kernel;

import io.sluice.ring.RingDoorbell;
import io.sluice.ring.SharedRing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loader rings the shared ring's doorbell (io.sluice.ring.RingDoorbell) from C: when the engine's ingest sleeps
 * armed on an empty ring and records come, the loader takes the flag back and prints {@code wake}, which the kernel
 * source turns into an unpark; when nobody sleeps armed it prints nothing. The loader's self-test is the producer.
 */
@Timeout(120)
class LoaderDoorbellTest
{
    @BeforeAll
    static void loader()
    {
        KernelTestSupport.requireLoader();
    }

    @Test
    void aConsumerAsleepArmedIsRungOnceRecordsCome(@TempDir final Path dir) throws Exception
    {
        try (SharedRing ring = SharedRing.create(dir.resolve("bell.ring"), 64 * 1024))
        {
            final RingDoorbell doorbell = ring.doorbell();
            final AtomicBoolean slept = new AtomicBoolean();
            final Thread sleeper = new Thread(() -> slept.set(doorbell.sleepArmed(TimeUnit.SECONDS.toNanos(60))));
            sleeper.start();
            while (sleeper.getState() != Thread.State.TIMED_WAITING)
            {
                // armed, found the ring empty, and parked: only now may the loader write
                Thread.onSpinWait();
            }

            final List<String> lines = selfTest(ring, 10, doorbell);

            assertEquals(List.of("ready", "wake"), lines, "the loader's output");
            assertFalse(doorbell.isArmed(), "the loader took the flag back");
            sleeper.join(TimeUnit.SECONDS.toMillis(30));
            assertFalse(sleeper.isAlive(), "the ring ended the sleep, not its 60 s");
            assertTrue(slept.get(), "it slept: the ring was empty when it armed");
            assertEquals(10, ring.ring().read((type, buffer, offset, length) ->
            {
            }), "the records it was rung for");
        }
    }

    @Test
    void aFullRingRingsTheDoorbellBeforeTheLoaderWaitsForRoom(@TempDir final Path dir) throws Exception
    {
        // 20,000 records of up to ~300 bytes through 8 KiB: the ring fills hundreds of times within one batch, each time
        // with the consumer asleep armed for a minute; only a ring on the full ring wakes it in time
        final int records = 20_000;
        try (SharedRing ring = SharedRing.create(dir.resolve("full.ring"), 8 * 1024))
        {
            final RingDoorbell doorbell = ring.doorbell();
            final Process loader = new ProcessBuilder(KernelTestSupport.loader().toString(),
                "--ring", ring.file().toString(), "--self-test", Integer.toString(records))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            final AtomicLong read = new AtomicLong();
            final Thread consumer = new Thread(() ->
            {
                while (read.get() < records && (loader.isAlive() || ring.ring().size() > 0))
                {
                    final int n = ring.ring().read((type, buffer, offset, length) ->
                    {
                    });
                    read.addAndGet(n);
                    if (n == 0)
                    {
                        doorbell.sleepArmed(TimeUnit.SECONDS.toNanos(60));
                    }
                }
            });
            doorbell.sleeperIs(consumer);
            consumer.start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(loader.getInputStream(), StandardCharsets.UTF_8)))
            {
                String line;
                while ((line = out.readLine()) != null)
                {
                    if ("wake".equals(line))
                    {
                        doorbell.wake();
                    }
                }
            }
            doorbell.wake();
            assertTrue(loader.waitFor(60, TimeUnit.SECONDS), "the loader did not exit");
            consumer.join(TimeUnit.SECONDS.toMillis(60));
            assertEquals(0, loader.exitValue(), "the loader wrote every record: its output closed, it exited 0");
            assertEquals(records, read.get(), "records read");
        }
    }

    @Test
    void nobodyArmedNoRing(@TempDir final Path dir) throws Exception
    {
        try (SharedRing ring = SharedRing.create(dir.resolve("quiet.ring"), 64 * 1024))
        {
            assertEquals(List.of("ready"), selfTest(ring, 10, ring.doorbell()), "the loader's output");
        }
    }

    /** Runs the loader's self-test and returns its output lines; each {@code wake} wakes the doorbell's sleeper. */
    private static List<String> selfTest(final SharedRing ring, final int records, final RingDoorbell doorbell)
        throws Exception
    {
        final Process loader = new ProcessBuilder(KernelTestSupport.loader().toString(),
            "--ring", ring.file().toString(), "--self-test", Integer.toString(records))
            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        final List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(loader.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = out.readLine()) != null)
            {
                lines.add(line);
                if ("wake".equals(line))
                {
                    doorbell.wake();
                }
            }
        }
        assertTrue(loader.waitFor(30, TimeUnit.SECONDS), "the loader did not exit");
        assertEquals(0, loader.exitValue());
        return lines;
    }
}
