package io.sluice.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sluice validate} on the seeds' configurations as written: seed 000's config with its two policies, seed 001's
 * two streams examples. A valid one prints its effective configuration (options, policies with scope and rules,
 * streams with filters and buffer, destinations with type, format, target and the type's own keys, secrets masked) and
 * exits 0; one naming a policy that is not loaded exits 2 with one line naming file, line, field and value.
 */
class ValidateSeedConfigsTest
{
    private final CommandRun command = new CommandRun();

    @TempDir
    Path dir;

    private Path resource(final String name) throws IOException
    {
        try (InputStream in = ValidateSeedConfigsTest.class.getResourceAsStream("config/" + name))
        {
            assertNotNull(in, name);
            final Path file = dir.resolve(name);
            Files.write(file, in.readAllBytes());
            return file;
        }
    }

    @Test
    void seed000WithItsPoliciesIsValidAndShownAsItTakesEffect() throws IOException
    {
        final Path config = resource("seed000-config.yaml");
        final Path json = resource("seed000-json-policy.yaml");
        final Path webhook = resource("seed000-webhook-policy.yaml");
        assertEquals(ExitCodes.OK, command.run("validate", "--config", config.toString(), "--policy", json.toString(),
            "--policy", webhook.toString()), command.err.toString());
        // seed 000 is written in Tracee's older layout (output.options), still read with a note
        assertEquals("sluice: warning: " + config + ":32: output.options is deprecated: write the options at the top of output,"
            + " as current Tracee does (output.sort-events: true)\n", command.err.toString());
        assertEquals("""
            configuration is valid
            options: sort-events off, parse-arguments off, exec-env on, stack-addresses off
            policy json-policy (JSON): 1 events
              scope global
              rule sched_process_exec
            policy webhook-policy (WEBHOOK): 1 events
              scope global
              rule anti_debugging
            stream catch_all_stream: block, buffer 1024, events all, policies all
              destination stdoutdestination: file json -> stdout
              destination filedestination: file table -> file1
            stream anti_debugging_stream: block, buffer 1024, events all, policies webhook-policy
              destination webhook-1: webhook json -> http://192.168.64.1:1090/mock, batch=1, contentType=application/json, \
            inflight=4, linger=5ms, timeout=10s
            """.replace("JSON", json.toString()).replace("WEBHOOK", webhook.toString()), command.out.toString());
    }

    @Test
    void seed000WithoutItsPoliciesIsRefusedInOneLine() throws IOException
    {
        final Path config = resource("seed000-config.yaml");
        assertEquals(ExitCodes.USAGE, command.run("validate", "--config", config.toString()));
        assertEquals("", command.out.toString());
        assertEquals("sluice: " + config + ":29: output.streams[1].filters.policies[0] = 'webhook-policy': unknown policy "
            + "(no policy is loaded)\n", command.err.toString());
    }

    @Test
    void seed001sFirstExampleIsOneBlockStreamToStdout() throws IOException
    {
        assertEquals(ExitCodes.OK, command.run("validate", "--config", resource("seed001-streams.yaml").toString()));
        assertEquals("""
            configuration is valid
            options: sort-events off, parse-arguments off, exec-env off, stack-addresses off
            policies: none
            stream tracing: block, buffer 1024, events all, policies all
              destination json_destination: file json -> stdout
            """, command.out.toString());
    }

    @Test
    void seed001sRoutingExampleShowsEachStreamsFiltersAndMasksTheSharedKey() throws IOException
    {
        final Path policy = dir.resolve("severe.yaml");
        Files.writeString(policy, """
            apiVersion: tracee.aquasec.com/v1beta1
            kind: Policy
            metadata:
              name: severe-events-policy
            spec:
              scope: [comm=bash, follow]
              rules:
                - event: openat
                  filters: [data.pathname=/etc/shadow]
                - event: anti_debugging
            """);
        final String yaml = Files.readString(resource("seed001-routing.yaml"))
            .replace("?tag=severe", "?tag=severe&sharedKey=s3cret");
        final Path config = dir.resolve("routing.yaml");
        Files.writeString(config, yaml);
        assertEquals(ExitCodes.OK, command.run("validate", "--config", config.toString(), "--policy", policy.toString()),
            command.err.toString());
        final String shown = command.out.toString();
        assertTrue(shown.contains("""
            policy severe-events-policy (%s): 2 events, follow
              scope comm=bash, follow
              rule openat: data.pathname=/etc/shadow
              rule anti_debugging
            """.formatted(policy)), shown);
        assertTrue(shown.contains("""
            stream processes: drop, buffer 1024, events sched_process_exec,sched_process_fork,sched_process_exit, policies all
              destination webhook_destination: webhook json -> http://localhost:8080/processes?timeout=5s, """), shown);
        assertTrue(shown.contains("""
            stream severe_events: drop, buffer 1024, events all, policies severe-events-policy
              destination fluent_destination: forward json -> http://localhost:2222?tag=severe&sharedKey=***, """), shown);
        assertTrue(shown.contains(", sharedKey=***, tag=severe,"), shown);
        assertTrue(!shown.contains("s3cret"), shown);

        assertEquals(ExitCodes.USAGE, command.run("validate", "--config", config.toString()));
        assertEquals("sluice: " + config + ":36: output.streams[2].filters.policies[0] = 'severe-events-policy': unknown "
            + "policy (no policy is loaded)\n", command.err.toString());
    }

    @Test
    void globalAndStreamFiltersAndATypesOwnSecretKeysAreShownMasked()
    {
        assertEquals(ExitCodes.OK, command.run("validate", "--export-allowlist", "{\"event_set\":[\"openat\"]}",
            "--output", "destinations.k.type=kafka", "--output", "destinations.k.url=kafka://localhost:9092/events",
            "--output", "destinations.k.kafka.sasl.jaas.config=org.Login required password=\"p4ss\";",
            "--output", "streams.s.destinations=k", "--output", "streams.s.filters.deny={\"pid_set\":[1]}"),
            command.err.toString());
        final String shown = command.out.toString();
        assertTrue(shown.contains("global filters --export-allowlist (1 value)\n  --export-allowlist {\"event_set\":[\"openat\"]}\n"),
            shown);
        assertTrue(shown.contains("stream s: block, buffer 1024, events all, policies all\n  filters.deny {\"pid_set\":[1]}\n"
            + "  destination k: kafka json -> kafka://localhost:9092/events, acks=all, "), shown);
        assertTrue(shown.contains(", kafka.sasl.jaas.config=***, "), shown);
        assertTrue(!shown.contains("p4ss"), shown);
    }
}
