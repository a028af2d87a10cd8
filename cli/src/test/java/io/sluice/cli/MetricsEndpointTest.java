package io.sluice.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --metrics-address} during a synthetic run, scraped over HTTP and parsed by Python's prometheus_client: the
 * counters move from one scrape to the next, every stream's counts add up in each scrape
 * ({@code matched == delivered + dropped + failed + undelivered + pending}, pending never negative), and at exit the
 * summary's counts add up and are at least what was scraped.
 */
class MetricsEndpointTest
{
    private static final Pattern LISTENING = Pattern.compile("sluice: metrics: listening on (http://\\S+) ");

    @TempDir
    Path dir;

    @Test
    void countersMoveAndAddUpInEveryScrapeAndTheExpositionParses() throws Exception
    {
        final Path stderr = dir.resolve("stderr.txt");
        final Process process = Sluice.start(stderr, "--source", "synthetic:count=0,rate=5000,events=openat;execve;connect",
            "--events", "openat,execve,anti_debugging", "--metrics-address", "127.0.0.1:0",
            "--output", "destinations.all.format=json", "--output", "destinations.all.path=" + dir.resolve("all.json"),
            "--output", "streams.everything.destinations=all",
            "--output", "destinations.few.format=json", "--output", "destinations.few.path=" + dir.resolve("few.json"),
            "--output", "streams.lossy.destinations=few", "--output", "streams.lossy.buffer.mode=drop",
            "--output", "streams.lossy.filters.events=execve");
        try
        {
            final String url = awaitListening(process, stderr) + "/metrics";
            Thread.sleep(500);
            final Exposition first = Exposition.scrape(url);
            Thread.sleep(700);
            final Exposition second = Exposition.scrape(url);
            for (final Exposition scrape : List.of(first, second))
            {
                addsUp(scrape, "everything");
                addsUp(scrape, "lossy");
            }
            assertEquals("counter", second.type("sluice_events_ingested"));
            assertEquals("counter", second.type("sluice_stream_delivered_events"));
            assertEquals("gauge", second.type("sluice_stream_ring_used_slots"));
            assertEquals("histogram", second.type("sluice_stream_latency_seconds"));
            assertTrue(second.value("sluice_events_ingested_total") > first.value("sluice_events_ingested_total"));
            assertTrue(matched(second, "everything") > matched(first, "everything"));
            assertTrue(matched(second, "lossy") > 0 && matched(second, "lossy") < matched(second, "everything"),
                "lossy takes execve only");
            final long written = second.value("sluice_destination_written_events_total", "destination", "all", "stream", "everything");
            assertTrue(written > 0 && second.value("sluice_destination_written_bytes_total", "destination", "all", "stream",
                "everything") > written * 100, "every JSON event is more than 100 bytes");
            assertTrue(second.value("sluice_policy_matched_events_total", "policy", "default-policy") > 0);
            assertTrue(second.value("sluice_events_unmatched_total") > 0, "connect events: no policy selects them");
            assertEquals(0, second.value("sluice_events_export_filtered_total"), "no export filter");
            assertEquals(0, second.value("sluice_detector_hits_total", "detector", "anti_debugging"));
            assertTrue(second.value("sluice_stream_latency_seconds_count", "stream", "everything") > 0);
            assertEquals(1024, second.value("sluice_stream_ring_slots", "stream", "everything"));
            assertTrue(second.value("sluice_shared_ring_capacity_bytes") > 0);
            assertTrue(second.value("sluice_main_ring_slots") > 0);
            process.destroy();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            final String err = Files.readString(stderr, StandardCharsets.UTF_8);
            final RunSummary summary = RunSummary.of(err, "everything", "all");
            assertEquals(summary.matched(), summary.delivered() + summary.dropped() + summary.failed(), err);
            assertTrue(summary.matched() >= matched(second, "everything"), err);
            assertTrue(summary.written() >= written, err);
        }
        finally
        {
            process.destroyForcibly();
        }
    }

    private static void addsUp(final Exposition scrape, final String stream)
    {
        final long pending = scrape.value("sluice_stream_pending_events", "stream", stream);
        assertTrue(pending >= 0, stream + ": pending " + pending);
        assertEquals(matched(scrape, stream), scrape.value("sluice_stream_delivered_events_total", "stream", stream)
            + scrape.value("sluice_stream_dropped_events_total", "stream", stream)
            + scrape.value("sluice_stream_failed_events_total", "stream", stream)
            + scrape.value("sluice_stream_undelivered_events_total", "stream", stream) + pending, stream);
    }

    private static long matched(final Exposition scrape, final String stream)
    {
        return scrape.value("sluice_stream_matched_events_total", "stream", stream);
    }

    /**
     * @param process the run.
     * @param stderr  its error output.
     * @return the listener's base URL, once the run says where it listens.
     */
    static String awaitListening(final Process process, final Path stderr) throws Exception
    {
        final long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until && process.isAlive())
        {
            final String err = Files.exists(stderr) ? Files.readString(stderr, StandardCharsets.UTF_8) : "";
            final Matcher listening = LISTENING.matcher(err);
            if (listening.find())
            {
                return listening.group(1);
            }
            Thread.sleep(50);
        }
        Thread.sleep(100);
        throw new AssertionError("the run never said where its metrics listen: " + Files.readString(stderr));
    }
}
