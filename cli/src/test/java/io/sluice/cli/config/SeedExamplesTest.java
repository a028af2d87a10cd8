package io.sluice.cli.config;

import io.sluice.config.BufferMode;
import io.sluice.config.DestinationConfig;
import io.sluice.config.FormatSpec;
import io.sluice.config.OutputConfig;
import io.sluice.config.OutputOptions;
import io.sluice.config.StreamConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The examples of seed 001 (Tracee's streams documentation): each YAML and its CLI twin give the same model.
 */
class SeedExamplesTest
{
    @TempDir
    Path dir;

    @Test
    void firstExampleYamlAndItsCliTwinGiveTheSameModel() throws IOException
    {
        final OutputConfig fromYaml = Load.yaml(resource("seed001-streams.yaml"));
        final OutputConfig fromFlags = Load.flags(
            "destinations.json_destination.format=json",
            "streams.tracing.destinations=json_destination",
            "streams.tracing.buffer.mode=block",
            "streams.tracing.buffer.size=1024");

        assertEquals(new OutputConfig(
            List.of(new DestinationConfig("json_destination", "file", FormatSpec.JSON, "stdout", null)),
            List.of(new StreamConfig("tracing", List.of("json_destination"), List.of(), List.of(), BufferMode.BLOCK,
                1024, false)),
            OutputOptions.NONE), fromYaml);
        assertEquals(fromYaml, fromFlags);
        assertEquals(List.of(), Load.WARNINGS);
    }

    @Test
    void secondExampleLoadsWithItsForwardDestinationsHttpUrlAsPlainTcp() throws IOException
    {
        // webhook_destination (a url, no type: http means webhook); fluent_destination has a tag: forward, whose
        // http:// URL Sluice takes as plain TCP to localhost:2222 (Tracee's forward output refuses the scheme)
        final OutputConfig config = Load.load(resource("seed001-routing.yaml"), Set.of("severe-events-policy"));
        final DestinationConfig fluent = config.destination("fluent_destination");
        assertEquals("forward", fluent.type());
        assertEquals("http://localhost:2222?tag=severe", fluent.url());
        assertEquals("severe", fluent.options().get("tag"));
        assertEquals("webhook", config.destination("webhook_destination").type());
    }

    @Test
    void secondExampleWithItsForwardDestinationPointedElsewhereLoadsAsWebhooks() throws IOException
    {
        final OutputConfig config = Load.load(resource("seed001-routing.yaml"), Set.of("severe-events-policy"),
            "destinations.fluent_destination.url=http://localhost:2222/severe");
        final DestinationConfig webhook = config.destination("webhook_destination");
        assertEquals("webhook", webhook.type());
        assertEquals(FormatSpec.JSON, webhook.format());
        assertEquals("http://localhost:8080/processes?timeout=5s", webhook.url());
        assertEquals("5s", webhook.options().get("timeout"));
        assertEquals("application/json", webhook.options().get("contentType"));
        assertEquals("webhook", config.destination("fluent_destination").type());
    }

    @Test
    void secondExampleCliTwinGivesTheSameModelAsTheYaml() throws IOException
    {
        assertEquals(Load.load(resource("seed001-routing.yaml"), Set.of("severe-events-policy")),
            Load.load(null, Set.of("severe-events-policy"),
                "destinations.json_destination.format=json",
                "destinations.webhook_destination.format=json",
                "destinations.webhook_destination.type=webhook",
                "destinations.webhook_destination.url=http://localhost:8080/processes?timeout=5s",
                "destinations.fluent_destination.format=json",
                "destinations.fluent_destination.type=forward",
                "destinations.fluent_destination.url=http://localhost:2222?tag=severe",
                "streams.tracing.destinations=json_destination",
                "streams.processes.destinations=webhook_destination",
                "streams.processes.filters.events=sched_process_exec,sched_process_fork,sched_process_exit",
                "streams.processes.buffer.mode=drop",
                "streams.severe_events.destinations=fluent_destination",
                "streams.severe_events.filters.policies=severe-events-policy",
                "streams.severe_events.buffer.mode=drop"));
    }

    @Test
    void secondExampleWithFileDestinationsInPlaceOfTheNetworkOnesLoads()
    {
        // The routing of the second example, with the webhook and fluent destinations overridden by flags to files.
        final OutputConfig config = Load.load(null, Set.of("severe-events-policy"),
            "destinations.json_destination.format=json",
            "destinations.webhook_destination.format=json",
            "destinations.webhook_destination.path=/tmp/processes.json",
            "destinations.fluent_destination.format=json",
            "destinations.fluent_destination.path=/tmp/severe.json",
            "streams.tracing.destinations=json_destination",
            "streams.processes.destinations=webhook_destination",
            "streams.processes.filters.events=sched_process_exec,sched_process_fork,sched_process_exit",
            "streams.processes.buffer.mode=drop",
            "streams.severe_events.destinations=fluent_destination",
            "streams.severe_events.filters.policies=severe-events-policy",
            "streams.severe_events.buffer.mode=drop");
        assertEquals(List.of(
            new StreamConfig("tracing", List.of("json_destination"), List.of(), List.of(), BufferMode.BLOCK, 1024,
                false),
            new StreamConfig("processes", List.of("webhook_destination"),
                List.of("sched_process_exec", "sched_process_fork", "sched_process_exit"), List.of(), BufferMode.DROP,
                1024, false),
            new StreamConfig("severe_events", List.of("fluent_destination"), List.of(), List.of("severe-events-policy"),
                BufferMode.DROP, 1024, false)), config.streams());
    }

    /** Copies a test resource to the temp dir, so that messages name a real file path. */
    private Path resource(final String name) throws IOException
    {
        try (InputStream in = SeedExamplesTest.class.getResourceAsStream(name))
        {
            assertNotNull(in, name);
            final Path file = dir.resolve(name);
            Files.copy(in, file);
            return file;
        }
    }
}
