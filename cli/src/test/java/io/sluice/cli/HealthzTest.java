package io.sluice.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /healthz} on the metrics listener: "OK" while the streams move; 503 naming the stream once a block stream
 * has been held back longer than {@code --healthz-stall} by a destination that never drains (a FIFO whose reader
 * opened it and reads nothing); "OK" again, by itself, once the reader drains it. While the block stream holds the
 * pipeline back, nothing moves, so the other stream's counts add up exactly.
 */
class HealthzTest
{
    @TempDir
    Path dir;

    @Test
    void failsWhileABlockStreamIsHeldBackAndRecoversWhenItDrains() throws Exception
    {
        final Path fifo = dir.resolve("held.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        final Path stderr = dir.resolve("stderr.txt");
        final Process process = Sluice.start(stderr, "--source", "synthetic:count=0,rate=4000",
            "--metrics-address", "127.0.0.1:0", "--healthz-stall", "1s",
            "--output", "destinations.pipe.format=json", "--output", "destinations.pipe.path=" + fifo,
            "--output", "streams.held.destinations=pipe",
            "--output", "destinations.file.format=json", "--output", "destinations.file.path=" + dir.resolve("file.json"),
            "--output", "streams.lossy.destinations=file", "--output", "streams.lossy.buffer.mode=drop");
        final Reader reader = new Reader(fifo);
        try
        {
            final String base = MetricsEndpointTest.awaitListening(process, stderr);
            reader.start();
            final HttpResponse<String> held = awaitStatus(base + "/healthz", 503);
            assertTrue(held.body().startsWith("stream held (block) has been held back for "), held.body());
            assertTrue(held.body().contains(" events pending, none delivered or failed since"), held.body());
            // the held stream's ring, then the main ring fill: from then on nothing reaches the other stream
            final Exposition still = awaitStill(base + "/metrics");
            final long matched = still.value("sluice_stream_matched_events_total", "stream", "lossy");
            assertTrue(matched > 0);
            assertEquals(matched, still.value("sluice_stream_delivered_events_total", "stream", "lossy")
                + still.value("sluice_stream_dropped_events_total", "stream", "lossy")
                + still.value("sluice_stream_failed_events_total", "stream", "lossy"));
            assertTrue(still.value("sluice_stream_pending_events", "stream", "held") > 0);
            reader.drain();
            final HttpResponse<String> recovered = awaitStatus(base + "/healthz", 200);
            assertEquals("OK", recovered.body());
            assertTrue(reader.bytes() > 0);
        }
        finally
        {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
            }
            reader.drain();
        }
        final String err = Files.readString(stderr, StandardCharsets.UTF_8);
        final RunSummary summary = RunSummary.of(err, "held", "pipe");
        assertEquals(summary.matched(), summary.delivered() + summary.failed() + summary.undelivered(), err);
    }

    /** @return a scrape equal, for the drop stream, to the one taken 300 ms before it. */
    private static Exposition awaitStill(final String url) throws Exception
    {
        final long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Exposition before = Exposition.scrape(url);
        while (System.nanoTime() < until)
        {
            Thread.sleep(300);
            final Exposition now = Exposition.scrape(url);
            if (now.value("sluice_stream_matched_events_total", "stream", "lossy")
                == before.value("sluice_stream_matched_events_total", "stream", "lossy")
                && now.value("sluice_stream_pending_events", "stream", "lossy") == 0)
            {
                return now;
            }
            before = now;
        }
        throw new AssertionError("the drop stream kept moving while the block stream was held");
    }

    private static HttpResponse<String> awaitStatus(final String url, final int status) throws Exception
    {
        final long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        HttpResponse<String> last = null;
        while (System.nanoTime() < until)
        {
            last = Exposition.get(url);
            if (last.statusCode() == status)
            {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(url + " never answered " + status + "; last: " + (last == null ? null :
            last.statusCode() + " " + last.body()));
    }

    /** Opens the FIFO at once (so the run's open returns) and reads from it only once told to drain. */
    private static final class Reader extends Thread
    {
        private final Path fifo;
        private final CountDownLatch draining = new CountDownLatch(1);
        private final AtomicBoolean started = new AtomicBoolean();
        private final AtomicLong bytes = new AtomicLong();

        Reader(final Path fifo)
        {
            super("fifo-reader");
            this.fifo = fifo;
            setDaemon(true);
        }

        @Override
        public synchronized void start()
        {
            if (started.compareAndSet(false, true))
            {
                super.start();
            }
        }

        void drain()
        {
            draining.countDown();
        }

        long bytes()
        {
            return bytes.get();
        }

        @Override
        public void run()
        {
            try (InputStream in = new FileInputStream(fifo.toFile()))
            {
                draining.await();
                final byte[] buffer = new byte[65536];
                int read;
                while ((read = in.read(buffer)) >= 0)
                {
                    bytes.addAndGet(read);
                }
            }
            catch (final IOException | InterruptedException ignore)
            {
                // the run ended
            }
        }
    }
}
