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
import io.sluice.ring.RecordType;
import io.sluice.source.EventSource;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ingest puts events on the main ring in batches (one signal to the routers per batch, so every stage after it
 * batches too), but a batch never waits for more events: what a pass over the shared ring put there is published
 * before the ingest idles. Three events and then silence reach the file while the source is still running.
 */
class IngestPublishTest
{
    private static final EventCatalog CATALOG = EventCatalog.standard();
    private static final byte[] PATHNAME = "pathname".getBytes(StandardCharsets.UTF_8);
    private static final int FIRST = 3;

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void eventsFollowedBySilenceAreRoutedAtOnceNotHeldForABatch() throws Exception
    {
        final Path out = dir.resolve("out.json");
        final QuietSource source = new QuietSource();
        final OutputConfig output = new OutputConfig(
            List.of(new DestinationConfig("json", "file", FormatSpec.JSON, out.toString(), null)),
            List.of(new StreamConfig("all", List.of("json"), List.of(), List.of(),
                BufferMode.BLOCK, 1024, false)),
            OutputOptions.NONE);
        final AtomicReference<EngineSummary> summary = new AtomicReference<>();
        final Thread running = new Thread(() -> summary.set(new Engine(Pipeline.of(output, source, CATALOG,
            EngineOptions.DEFAULTS)).run()), "engine");
        running.start();

        final long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long lines = 0;
        while (System.nanoTime() - until < 0 && (lines = Files.exists(out) ? Files.readAllLines(out).size() : 0) < FIRST)
        {
            Thread.sleep(10);
        }
        assertEquals(FIRST, lines, "the first events reached the file while the source was silent");
        source.finish.countDown();
        running.join(30_000);

        assertNull(summary.get().failure());
        assertEquals(FIRST + 1, Files.readAllLines(out).size());
        assertTrue(Files.readAllLines(out).get(FIRST).contains("/tmp/last"));
    }

    private static byte[] openat(final String path)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(256);
        final EventRecordWriter writer = new EventRecordWriter();
        writer.wrap(buffer, 0).block().timestamp(1_732_454_400L, 0).id(CATALOG.byName("openat").id(), 0)
            .process(42, 42, 7).thread(42, 42, 7, (short)0);
        writer.block().presence().timestamp(true).workload(true).process(true).thread(true).pid(true).hostPid(true);
        final int length = writer.data(1)
            .dataEntry(ValueType.STR.value(), 0, PATHNAME, path.getBytes(StandardCharsets.UTF_8))
            .finish();
        return Arrays.copyOf(buffer.byteArray(), length);
    }

    /** Writes three events, stays silent (not done) until told, then writes one more and is done. */
    private static final class QuietSource implements EventSource
    {
        private final CountDownLatch finish = new CountDownLatch(1);
        private volatile boolean done;
        private volatile long produced;

        @Override
        public String description()
        {
            return "quiet";
        }

        @Override
        public void start(final RingBuffer ring)
        {
            final Thread thread = new Thread(() ->
            {
                for (int i = 0; i < FIRST; i++)
                {
                    write(ring, openat("/tmp/" + i));
                }
                try
                {
                    finish.await();
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                }
                write(ring, openat("/tmp/last"));
                done = true;
            }, "quiet-source");
            thread.setDaemon(true);
            thread.start();
        }

        private void write(final RingBuffer ring, final byte[] record)
        {
            while (!ring.write(RecordType.EVENT, new UnsafeBuffer(record), 0, record.length))
            {
                Thread.onSpinWait();
            }
            produced++;
        }

        @Override
        public void requestStop()
        {
            finish.countDown();
        }

        @Override
        public boolean isDone()
        {
            return done;
        }

        @Override
        public long produced()
        {
            return produced;
        }

        @Override
        public Throwable failure()
        {
            return null;
        }
    }
}
