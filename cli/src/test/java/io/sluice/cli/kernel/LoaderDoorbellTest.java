package io.sluice.cli.kernel;

import io.sluice.ring.Futex;
import io.sluice.ring.RingDoorbell;
import io.sluice.ring.SharedRing;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * armed on an empty ring and records come, the loader takes the flag back and wakes the futex the ingest waits on,
 * from its own process; it prints nothing for it. The loader's self-test is the producer.
 */
@Timeout(120)
class LoaderDoorbellTest
{
    /** The sleeping thread's name, as {@code /proc} shows it (15 characters at most). */
    private static final String SLEEPER = "doorbell-sleep";

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
            assertTrue(Futex.AVAILABLE, "futex calls on this machine (bound before the sleep arms)");
            // a wait that returns at once (the word is 0): JNA's classes loaded now, so the sleeper's thread sleeps
            // only in its futex wait once armed
            final UnsafeBuffer zero = new UnsafeBuffer(ByteBuffer.allocateDirect(Integer.BYTES));
            new Futex().await(zero.addressOffset(), 1, TimeUnit.SECONDS.toNanos(60));
            final AtomicBoolean slept = new AtomicBoolean();
            final Thread sleeper = new Thread(() -> slept.set(doorbell.sleepArmed(TimeUnit.SECONDS.toNanos(60))),
                SLEEPER);
            sleeper.start();
            // armed, found the ring empty, and asleep in the futex wait: only now may the loader write
            awaitAsleep(doorbell);

            final List<String> lines = selfTest(ring, 10);

            assertEquals(List.of("ready"), lines, "the loader's output: the ring is no line of it");
            assertFalse(doorbell.isArmed(), "the loader took the flag back");
            sleeper.join(TimeUnit.SECONDS.toMillis(30));
            assertFalse(sleeper.isAlive(), "the loader's futex wake ended the sleep, not its 60 s");
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
            consumer.start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(loader.getInputStream(), StandardCharsets.UTF_8)))
            {
                while (out.readLine() != null)
                {
                    // the loader's output ends when it exits
                }
            }
            // as the kernel source does when the loader exits: the consumer sees the end now
            doorbell.wake();
            assertTrue(loader.waitFor(60, TimeUnit.SECONDS), "the loader did not exit");
            consumer.join(TimeUnit.SECONDS.toMillis(60));
            assertEquals(0, loader.exitValue(), "the loader wrote every record: its output closed, it exited 0");
            assertEquals(records, read.get(), "records read");
        }
    }

    /** Runs the loader's self-test and returns its output lines. */
    private static List<String> selfTest(final SharedRing ring, final int records) throws Exception
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
            }
        }
        assertTrue(loader.waitFor(30, TimeUnit.SECONDS), "the loader did not exit");
        assertEquals(0, loader.exitValue());
        return lines;
    }

    /**
     * Until the sleeper is armed and its thread sleeps in the kernel ({@code S} in {@code /proc/self/task/TID/stat},
     * twice 20 ms apart): a thread in JNA's call shows as runnable to Java.
     */
    private static void awaitAsleep(final RingDoorbell doorbell) throws Exception
    {
        int asleep = 0;
        while (asleep < 2)
        {
            Thread.sleep(20);
            asleep = doorbell.isArmed() && "S".equals(sleeperState()) ? asleep + 1 : 0;
        }
    }

    private static String sleeperState() throws Exception
    {
        try (var tasks = Files.list(Path.of("/proc/self/task")))
        {
            for (final Path task : (Iterable<Path>)tasks::iterator)
            {
                if (SLEEPER.equals(Files.readString(task.resolve("comm")).trim()))
                {
                    final String stat = Files.readString(task.resolve("stat"));
                    return stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
                }
            }
        }
        return "";
    }
}
