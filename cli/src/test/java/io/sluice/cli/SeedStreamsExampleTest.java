package io.sluice.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 001's second example (Tracee's streams page: the tracing, processes and severe_events streams to a json, a
 * webhook and a forward destination), its YAML and its CLI twin each run as written against a real webhook receiver
 * and a real Fluentd Forward receiver (Python, on loopback): each destination gets exactly what its stream matched, and
 * the run's summary counts what the receivers got.
 *
 * <p>Substituted, and nothing else: the receivers' ports (8080 and 2222 in the seed) for the free ones the receivers
 * took, and the source: the synthetic source instead of the kernel, drawing the three sched_process events and two
 * others, its events pretending to have matched {@code severe-events-policy} or another policy (a synthetic source
 * names the policies its events matched; the seed's page defines no policy of that name).
 */
class SeedStreamsExampleTest
{
    private static final int EVENTS = 6_000;
    private static final String SOURCE = "synthetic:count=" + EVENTS + ",rate=2000,seed=7,"
        + "events=sched_process_exec;sched_process_fork;sched_process_exit;openat;execve,"
        + "policies=severe-events-policy;other-policy";
    private static final Set<String> PROCESS_EVENTS = Set.of("sched_process_exec", "sched_process_fork",
        "sched_process_exit");

    @TempDir
    Path dir;

    @Test
    void theYamlRunsAsWritten() throws Exception
    {
        try (WebhookPeer webhook = new WebhookPeer(Files.createDirectory(dir.resolve("webhook")));
            ForwardPeer fluent = new ForwardPeer(Files.createDirectory(dir.resolve("fluent"))))
        {
            final String yaml = seedYaml()
                .replace("localhost:8080", "localhost:" + port(webhook.url("")))
                .replace("localhost:2222", "localhost:" + port(fluent.url("")));
            final Path config = dir.resolve("seed001-routing.yaml");
            Files.writeString(config, yaml);
            check(run("--config", config.toString()), webhook, fluent);
        }
    }

    @Test
    void itsCliTwinRunsAsWritten() throws Exception
    {
        try (WebhookPeer webhook = new WebhookPeer(Files.createDirectory(dir.resolve("webhook")));
            ForwardPeer fluent = new ForwardPeer(Files.createDirectory(dir.resolve("fluent"))))
        {
            final String webhookPort = port(webhook.url(""));
            final String fluentPort = port(fluent.url(""));
            final List<String> twin = List.of(
                "destinations.json_destination.format=json",
                "destinations.webhook_destination.format=json",
                "destinations.webhook_destination.type=webhook",
                "destinations.webhook_destination.url=http://localhost:" + webhookPort + "/processes?timeout=5s",
                "destinations.fluent_destination.format=json",
                "destinations.fluent_destination.type=forward",
                "destinations.fluent_destination.url=http://localhost:" + fluentPort + "?tag=severe",
                "streams.tracing.destinations=json_destination",
                "streams.processes.destinations=webhook_destination",
                "streams.processes.filters.events=sched_process_exec,sched_process_fork,sched_process_exit",
                "streams.processes.buffer.mode=drop",
                "streams.severe_events.destinations=fluent_destination",
                "streams.severe_events.filters.policies=severe-events-policy",
                "streams.severe_events.buffer.mode=drop");
            final List<String> args = new ArrayList<>();
            twin.forEach(flag -> args.addAll(List.of("--output", flag)));
            check(run(args.toArray(new String[0])), webhook, fluent);
        }
    }

    private void check(final String err, final WebhookPeer webhook, final ForwardPeer fluent) throws IOException
    {
        final List<String> all = Sluice.lines(dir.resolve("stdout.json"));
        assertEquals(EVENTS, all.size(), "json_destination (stdout) has every event");
        final long processes = all.stream().filter(line -> PROCESS_EVENTS.contains(Sluice.eventOf(line))).count();
        final long severe = all.stream().filter(line -> line.contains("\"matched\":[\"severe-events-policy\"")).count();
        assertTrue(processes > EVENTS / 2 && severe > EVENTS / 4 && severe < EVENTS, processes + " " + severe);

        final RunSummary tracing = RunSummary.of(err, "tracing", "json_destination");
        assertEquals(EVENTS, tracing.matched(), err);
        assertEquals(EVENTS, tracing.delivered(), err);

        final RunSummary toWebhook = RunSummary.of(err, "processes", "webhook_destination");
        assertEquals(processes, toWebhook.matched(), err);
        assertEquals(webhook.acceptedOnceEach(EVENTS), toWebhook.delivered(), "the webhook got what was delivered");
        assertEquals(toWebhook.matched(), toWebhook.delivered() + toWebhook.dropped() + toWebhook.failed(), err);
        webhook.requests().forEach(line -> assertTrue(line.startsWith("200 "), line));

        final RunSummary toFluent = RunSummary.of(err, "severe_events", "fluent_destination");
        assertEquals(severe, toFluent.matched(), err);
        final ForwardPeer.Received received = fluent.received(EVENTS);
        assertEquals(received.total(), toFluent.delivered(), "the forward receiver got what was delivered: " + err);
        assertEquals(received.distinct(), received.total(), "each once");
        assertEquals(toFluent.matched(), toFluent.delivered() + toFluent.dropped() + toFluent.failed(), err);
        fluent.messages().forEach(line -> assertTrue(line.startsWith("packed ") && line.contains(" severe - event"), line));
        assertTrue(toWebhook.delivered() > 0 && toFluent.delivered() > toFluent.matched() / 2, err);
    }

    private String run(final String... args) throws IOException, InterruptedException
    {
        final List<String> all = new ArrayList<>(List.of("--source", SOURCE));
        all.addAll(List.of(args));
        final Path stderr = dir.resolve("sluice.err");
        final Process process = Sluice.start(dir.resolve("stdout.json"), stderr, all.toArray(new String[0]));
        try
        {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "sluice did not finish");
        }
        finally
        {
            process.destroyForcibly();
        }
        final String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), err);
        assertFalse(err.contains("Exception"), err);
        return err;
    }

    private static String seedYaml() throws IOException
    {
        try (InputStream in = SeedStreamsExampleTest.class.getResourceAsStream("config/seed001-routing.yaml"))
        {
            assertNotNull(in);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String port(final String url)
    {
        final int colon = url.lastIndexOf(':');
        int end = colon + 1;
        while (end < url.length() && Character.isDigit(url.charAt(end)))
        {
            end++;
        }
        return url.substring(colon + 1, end);
    }
}
