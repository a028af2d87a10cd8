package io.sluice.engine;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.BufferMode;
import io.sluice.config.DestinationConfig;
import io.sluice.config.FormatSpec;
import io.sluice.config.OutputConfig;
import io.sluice.config.OutputOptions;
import io.sluice.config.StreamConfig;
import io.sluice.config.StreamExportConfig;
import io.sluice.filter.field.FieldFilters;
import io.sluice.policy.PolicyCompiler;
import io.sluice.policy.PolicyDocument;
import io.sluice.policy.PolicySet;
import io.sluice.source.SyntheticSource;
import io.sluice.source.SyntheticSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Policies at ingest: each event's matched-policies bitmap is computed once, events no policy matched are not
 * published, {@code policies.matched} names the policies, and a stream's {@code filters.policies} selects by them,
 * even when a field filter dropped them (and the id) from the record.
 */
class PolicyRoutingTest
{
    @Test
    void policiesSelectEventsAndStreamsFilterOnThem(@TempDir final Path dir) throws Exception
    {
        final EventCatalog catalog = EventCatalog.standard();
        final PolicySet policies = new PolicyCompiler(catalog).compile(List.of(
            new PolicyDocument("opens", "opens.yaml", List.of("global"), List.of(new PolicyDocument.Rule("spec.rules[0]", "openat", List.of()))),
            new PolicyDocument("files-and-execs", "fe.yaml", List.of("global"), List.of(
                new PolicyDocument.Rule("spec.rules[0]", "openat", List.of()),
                new PolicyDocument.Rule("spec.rules[1]", "execve", List.of())))));
        final OutputConfig output = new OutputConfig(
            List.of(
                new DestinationConfig("all", "file", FormatSpec.JSON, dir.resolve("all.json").toString(), null),
                new DestinationConfig("opens", "file", FormatSpec.JSON, dir.resolve("opens.json").toString(), null)),
            List.of(
                new StreamConfig("all", List.of("all"), List.of(), List.of(), BufferMode.BLOCK, 1024, false),
                new StreamConfig("opens", List.of("opens"), List.of(), List.of("opens"), BufferMode.BLOCK, 1024, false)),
            OutputOptions.NONE);
        final SyntheticSpec spec = SyntheticSpec.parse("synthetic:count=30000,seed=7,events=openat;execve;connect", catalog);

        final EngineSummary summary = new Engine(Pipeline.of(output, new SyntheticSource(spec), catalog,
            EngineOptions.DEFAULTS.withPolicyNames(policies.names())).withPolicies(policies)).run();

        assertNull(summary.failure());
        final List<String> all = Files.readAllLines(dir.resolve("all.json"));
        final List<String> opens = Files.readAllLines(dir.resolve("opens.json"));
        long openats = 0;
        for (final String line : all)
        {
            final String event = OutputLines.eventOf(line);
            assertTrue(event.equals("openat") || event.equals("execve"), "connect matched no policy: " + event);
            if (event.equals("openat"))
            {
                openats++;
                assertTrue(line.contains("\"policies\":{\"matched\":[\"opens\",\"files-and-execs\"]}"), line);
            }
            else
            {
                assertTrue(line.contains("\"policies\":{\"matched\":[\"files-and-execs\"]}"), line);
            }
        }
        assertEquals(summary.published(), all.size());
        assertTrue(summary.ingested() > summary.published(), "connect events are ingested, not published");
        assertEquals(openats, opens.size());
        opens.forEach(line -> assertEquals("openat", OutputLines.eventOf(line)));
    }

    @Test
    void streamsStillFilterOnTheEventsOwnIdAndPoliciesWhenAFieldFilterDroppedThem(@TempDir final Path dir) throws Exception
    {
        final EventCatalog catalog = EventCatalog.standard();
        final PolicySet policies = new PolicyCompiler(catalog).compile(List.of(
            new PolicyDocument("opens", "opens.yaml", List.of("global"), List.of(new PolicyDocument.Rule("spec.rules[0]", "openat", List.of()))),
            new PolicyDocument("execs", "execs.yaml", List.of("global"), List.of(new PolicyDocument.Rule("spec.rules[0]", "execve", List.of())))));
        final OutputConfig output = new OutputConfig(
            List.of(new DestinationConfig("opens", "file", FormatSpec.JSON, dir.resolve("opens.json").toString(), null),
                new DestinationConfig("execs", "file", FormatSpec.JSON, dir.resolve("execs.json").toString(), null),
                new DestinationConfig("own-opens", "file", FormatSpec.JSON, dir.resolve("own-opens.json").toString(), null)),
            List.of(new StreamConfig("opens", List.of("opens"), List.of(), List.of("opens"), BufferMode.BLOCK, 1024, false),
                new StreamConfig("execs", List.of("execs"), List.of("execve"), List.of(), BufferMode.BLOCK, 1024, false),
                // the same selections made by the stream's own Tetragon filters, which read the event, not the slot
                new StreamConfig("own-opens", List.of("own-opens"), List.of(), List.of(), BufferMode.BLOCK, 1024, false,
                    new StreamExportConfig(List.of("{\"policy_names\": [\"opens\"], \"event_set\": [\"openat\"]}"), List.of(),
                        List.of(), List.of("{\"fields\": \"policies\", \"event_set\": [\"openat\"], \"action\": \"EXCLUDE\"}")))),
            OutputOptions.NONE);
        final FieldFilters fields = new FieldFilters(FieldFilters.parse("--field-filters",
            "{\"fields\": \"name,policies\", \"action\": \"INCLUDE\"}\n{\"fields\": \"policies.matched\", \"action\": \"EXCLUDE\"}",
            catalog), catalog);
        final SyntheticSpec spec = SyntheticSpec.parse("synthetic:count=3000,seed=8,events=openat;execve;connect", catalog);

        final EngineSummary summary = new Engine(Pipeline.of(output, new SyntheticSource(spec), catalog,
            EngineOptions.DEFAULTS.withPolicyNames(policies.names())).withPolicies(policies).withFieldFilters(fields)).run();

        assertNull(summary.failure());
        final List<String> opens = Files.readAllLines(dir.resolve("opens.json"));
        final List<String> execs = Files.readAllLines(dir.resolve("execs.json"));
        assertEquals(summary.published(), opens.size() + execs.size());
        assertTrue(!opens.isEmpty() && !execs.isEmpty());
        opens.forEach(line -> assertEquals("{\"name\":\"openat\",\"policies\":{}}", line));
        execs.forEach(line -> assertEquals("{\"name\":\"execve\",\"policies\":{}}", line));
        final List<String> ownOpens = Files.readAllLines(dir.resolve("own-opens.json"));
        assertEquals(opens.size(), ownOpens.size(), "policy_names and event_set of a stream's own filters");
        ownOpens.forEach(line -> assertEquals("{\"name\":\"openat\"}", line, "and its field filter's event_set"));
    }
}
