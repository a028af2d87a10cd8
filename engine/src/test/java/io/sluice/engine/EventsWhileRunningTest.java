package io.sluice.engine;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.sbe.EventRecordWriter;
import io.sluice.codec.sbe.ValueType;
import io.sluice.config.BufferMode;
import io.sluice.config.DestinationConfig;
import io.sluice.config.FormatSpec;
import io.sluice.config.OutputConfig;
import io.sluice.config.OutputOptions;
import io.sluice.config.StreamConfig;
import io.sluice.format.ColorMode;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * An event reaches its destination while the source still runs, however few come: the ingest signals the routers,
 * and each router its writers, once per batch rather than once per event, and passes on what it holds before it waits.
 * A few events followed by a silence are a batch that never fills: they must not wait for the next events, nor for the
 * run's end.
 */
class EventsWhileRunningTest
{
    private static final EventCatalog CATALOG = EventCatalog.standard();
    private static final byte[] PATHNAME = "pathname".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void fewEventsAndThenASilenceReachTheFileBeforeTheSourceEnds() throws Exception
    {
        final Path file = dir.resolve("out.json");
        final PausingSource source = new PausingSource(file);
        final OutputConfig output = new OutputConfig(
            List.of(new DestinationConfig("json", "file", FormatSpec.JSON, file.toString(), null)),
            List.of(new StreamConfig("all", List.of("json"), List.of(), List.of(), BufferMode.BLOCK, 1024, false)),
            OutputOptions.NONE);
        final EngineOptions options = new EngineOptions(64 * 1024, EngineOptions.DEFAULT_MAIN_RING_SIZE, "phased",
            new String[0], Duration.ofSeconds(10), ColorMode.AUTO);

        final EngineSummary summary = new Engine(Pipeline.of(output, source, CATALOG, options)).run();

        assertNull(summary.failure());
        assertEquals(List.of(3, 5), source.seenAfterEachPause,
            "lines in the file while the source waited after its 3rd and its 5th event");
        assertEquals(5, Files.readAllLines(file).size());
        assertEquals(5, summary.stream("all").delivered());
    }

    private static byte[] openat(final int n)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(256);
        final EventRecordWriter writer = new EventRecordWriter();
        writer.wrap(buffer, 0).block().timestamp(1_732_454_400L, n).id(CATALOG.byName("openat").id(), 0)
            .process(42, 42, 7).thread(42, 42, 7, (short)0);
        writer.block().presence().timestamp(true).workload(true).process(true).thread(true).pid(true).hostPid(true);
        final int length = writer.data(1)
            .dataEntry(ValueType.STR.value(), 0, PATHNAME, ("/tmp/" + n).getBytes(StandardCharsets.UTF_8))
            .finish();
        return Arrays.copyOf(buffer.byteArray(), length);
    }

    /**
     * Writes 3 events, then waits (up to 10 s) until the file holds as many lines, then 2 more and the same, then is
     * done: what it found after each wait is what reached the file while it still ran.
     */
    private static final class PausingSource extends TestSource
    {
        private final Path file;
        private volatile List<Integer> seenAfterEachPause = List.of();

        PausingSource(final Path file)
        {
            super("pausing");
            this.file = file;
        }

        @Override
        void write(final RingBuffer ring)
        {
            for (int n = 0; n < 3; n++)
            {
                writeRecord(ring, openat(n));
            }
            final int first = awaitLines(3);
            for (int n = 3; n < 5; n++)
            {
                writeRecord(ring, openat(n));
            }
            seenAfterEachPause = List.of(first, awaitLines(5));
        }

        private int awaitLines(final int wanted)
        {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            int lines = lines();
            while (lines < wanted && System.nanoTime() < deadline)
            {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
                lines = lines();
            }
            return lines;
        }

        private int lines()
        {
            try
            {
                return Files.exists(file) ? Files.readAllLines(file).size() : 0;
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
    }
}
