package io.sluice.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --policy} on the command line: policies select events and name them in {@code policies.matched}, stream
 * {@code filters.policies} names loaded policies, and every bad input is a usage error (exit 2) naming the file or
 * flag, the field and the value.
 */
class PolicyFlagsTest
{
    @TempDir
    Path dir;

    private final Sluice sluice = new Sluice();

    private Path policy(final String name, final String event) throws IOException
    {
        final Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, """
            apiVersion: tracee.aquasec.com/v1beta1
            kind: Policy
            metadata:
              name: %s
            spec:
              scope: [global]
              rules:
                - event: %s
            """.formatted(name, event));
        return file;
    }

    @Test
    void policiesSelectAndNameEventsOnStreams() throws IOException
    {
        final Path all = dir.resolve("all.json");
        final Path execs = dir.resolve("execs.json");
        assertEquals(ExitCodes.OK, sluice.run("--source", "synthetic:count=2000,seed=3,events=openat;execve;connect",
            "--policy", policy("opens", "openat").toString(), "--policy", policy("execs", "execve").toString(),
            "--output", "destinations.all.format=json", "--output", "destinations.all.path=" + all,
            "--output", "destinations.execs.format=json", "--output", "destinations.execs.path=" + execs,
            "--output", "streams.everything.destinations=all",
            "--output", "streams.exec-only.destinations=execs", "--output", "streams.exec-only.filters.policies=execs"), sluice.err);
        final List<String> lines = Files.readAllLines(all);
        assertFalse(lines.isEmpty());
        for (final String line : lines)
        {
            final String event = Sluice.eventOf(line);
            assertTrue(event.equals("openat") && line.contains("\"policies\":{\"matched\":[\"opens\"]}") ||
                event.equals("execve") && line.contains("\"policies\":{\"matched\":[\"execs\"]}"), line);
        }
        Files.readAllLines(execs).forEach(line -> assertEquals("execve", Sluice.eventOf(line)));
    }

    @Test
    void policiesCannotBeMixedWithEventsOrScope() throws IOException
    {
        final String file = policy("p", "openat").toString();
        assertEquals(ExitCodes.USAGE, sluice.run("--policy", file, "--events", "openat"));
        assertTrue(sluice.err.contains("--policy: policy = '" + file + "': cannot be combined with --events"), sluice.err);
        assertEquals(ExitCodes.USAGE, sluice.run("--policy", file, "--scope", "comm=bash"));
        assertTrue(sluice.err.contains("cannot be combined with --scope"), sluice.err);
    }

    @Test
    void badPoliciesAreUsageErrors() throws IOException
    {
        final List<String> args = new ArrayList<>(List.of("--source", "synthetic:count=1"));
        for (int i = 0; i < 65; i++)
        {
            args.add("--policy");
            args.add(policy("p" + i, "openat").toString());
        }
        assertEquals(ExitCodes.USAGE, sluice.run(args.toArray(new String[0])));
        assertTrue(sluice.err.contains("p64.yaml: metadata.name = 'p64': too many policies: at most 64"), sluice.err);

        final Path duplicate = dir.resolve("dup.yaml");
        Files.writeString(duplicate, Files.readString(policy("p1", "execve")));
        assertEquals(ExitCodes.USAGE, sluice.run("--source", "synthetic:count=1", "--policy", dir.resolve("p1.yaml").toString(),
            "--policy", duplicate.toString()));
        assertTrue(sluice.err.contains("metadata.name = 'p1': policy name already used by"), sluice.err);

        assertEquals(ExitCodes.USAGE, sluice.run("--source", "synthetic:count=1", "--policy", policy("bad", "opnat").toString()));
        assertTrue(sluice.err.contains("bad.yaml: spec.rules[0].event = 'opnat': unknown event"), sluice.err);

        assertEquals(ExitCodes.USAGE, sluice.run("--scope", "colour=red"));
        assertTrue(sluice.err.contains("spec.scope = 'colour=red': unknown scope key 'colour'"), sluice.err);

        assertEquals(ExitCodes.USAGE, sluice.run("--source", "synthetic:count=1", "--policy", policy("q", "openat").toString(),
            "--output", "streams.s.destinations=d", "--output", "destinations.d.path=stdout",
            "--output", "streams.s.filters.policies=nope"));
        assertTrue(sluice.err.contains("nope"), sluice.err);
    }

    @Test
    void detectorEventsCanBeNamedInEventsAndStreamFilters()
    {
        assertEquals(ExitCodes.OK, sluice.run("validate", "--events", "anti_debugging,shadow_file_access",
            "--output", "streams.s.destinations=d", "--output", "destinations.d.path=stdout",
            "--output", "streams.s.filters.events=anti_debugging", "--output", "streams.s.filters.policies=default-policy"),
            sluice.err);
    }

    @Test
    void validatePrintsThePolicies() throws IOException
    {
        assertEquals(ExitCodes.OK, sluice.run("validate", "--policy", policy("v", "openat").toString(),
            "--output", "streams.s.destinations=d", "--output", "destinations.d.path=stdout", "--output", "streams.s.filters.policies=v"),
            sluice.err);
    }
}
