package io.sluice.cli;

import io.sluice.source.SyntheticSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGHUP during a run re-reads the policy files and the stream filters: the new set decides every event from one
 * event on, and no event is lost or repeated; a set that does not compile, or that changes a destination, is refused
 * with one line saying why, and the old set goes on. The runs pace themselves ({@code synthetic:rate=...}) so the
 * signal lands in the middle; every synthetic event carries its {@code seq}, so the output proves exactly-once.
 */
class ReloadSignalTest
{
    private static final int COUNT = 8000;
    private static final String SOURCE = "synthetic:count=" + COUNT + ",rate=2000,seed=7,events=openat;execve";

    @TempDir
    Path dir;

    @Test
    void aChangedPolicyDecidesFromOneEventOnWithNoEventLostOrRepeated() throws Exception
    {
        final Path all = policy("all", "openat", "execve");
        final Path sel = policy("sel", "openat");
        final Path out = dir.resolve("events.json");
        final Path err = dir.resolve("stderr.txt");
        final Process sluice = Sluice.start(err, "--source", SOURCE, "--policy", all.toString(), "--policy", sel.toString(),
            "--output", "json:" + out);
        try
        {
            awaitLine(err, "ready: ");
            Thread.sleep(1000);
            policy("sel", "openat", "execve");
            signal(sluice, "HUP");
            awaitLine(err, "SIGHUP: reloaded: 2 policies, filters of 1 stream");
            assertTrue(sluice.waitFor(60, TimeUnit.SECONDS), "sluice did not finish");
            assertEquals(0, sluice.exitValue(), read(err));
        }
        finally
        {
            sluice.destroyForcibly();
        }
        final List<String> lines = Sluice.lines(out);
        assertEquals(COUNT, lines.size(), "every event once (policy 'all' selects them all)");
        long firstSelectedExecve = -1;
        long lastUnselectedExecve = -1;
        for (int i = 0; i < lines.size(); i++)
        {
            final String line = lines.get(i);
            assertEquals(i, Sluice.seqOf(line), "in order, none lost or repeated");
            final boolean selected = line.contains("\"policies\":{\"matched\":[\"all\",\"sel\"]}");
            if (Sluice.eventOf(line).equals("openat"))
            {
                assertTrue(selected, "openat is selected by both sets: " + line);
            }
            else if (selected)
            {
                firstSelectedExecve = firstSelectedExecve < 0 ? i : firstSelectedExecve;
            }
            else
            {
                assertTrue(line.contains("\"policies\":{\"matched\":[\"all\"]}"), line);
                lastUnselectedExecve = i;
            }
        }
        assertTrue(lastUnselectedExecve > 0 && firstSelectedExecve > 0, "the signal landed mid-run: " + lastUnselectedExecve +
            ", " + firstSelectedExecve);
        assertTrue(lastUnselectedExecve < firstSelectedExecve, "the new set decides from one event on: execve unselected at seq "
            + lastUnselectedExecve + " after one selected at " + firstSelectedExecve);
    }

    @Test
    void aBrokenPolicyIsRefusedWithItsReasonAndTheRunningSetStays() throws Exception
    {
        final Path all = policy("all", "openat", "execve");
        final Path sel = policy("sel", "openat");
        final Path out = dir.resolve("events.json");
        final Path err = dir.resolve("stderr.txt");
        final Process sluice = Sluice.start(err, "--source", SOURCE, "--policy", all.toString(), "--policy", sel.toString(),
            "--output", "json:" + out);
        try
        {
            awaitLine(err, "ready: ");
            Thread.sleep(500);
            Files.writeString(sel, policyText("sel", "openat", "opnat"));
            signal(sluice, "HUP");
            awaitLine(err, "SIGHUP: reload refused, the running set stays: ");
            assertTrue(sluice.waitFor(60, TimeUnit.SECONDS), "sluice did not finish");
            assertEquals(0, sluice.exitValue(), read(err));
        }
        finally
        {
            sluice.destroyForcibly();
        }
        final String errors = read(err);
        final String refusal = errors.lines().filter(line -> line.contains("reload refused")).findFirst().orElseThrow();
        assertTrue(refusal.contains(sel.toString()) && refusal.contains("opnat"), "names the file and the value: " + refusal);
        final List<String> lines = Sluice.lines(out);
        assertEquals(COUNT, lines.size(), errors);
        for (int i = 0; i < lines.size(); i++)
        {
            final String line = lines.get(i);
            assertEquals(i, Sluice.seqOf(line));
            assertEquals(Sluice.eventOf(line).equals("openat"), line.contains("\"matched\":[\"all\",\"sel\"]"),
                "the running set stays: " + line);
        }
    }

    @Test
    void streamFiltersReloadFromTheConfigButDestinationsCannotChange() throws Exception
    {
        final Path out = dir.resolve("events.json");
        final Path config = dir.resolve("sluice.yaml");
        Files.writeString(config, config(out, "openat"));
        final Path err = dir.resolve("stderr.txt");
        final Process sluice = Sluice.start(err, "--source", SOURCE, "--config", config.toString());
        try
        {
            awaitLine(err, "ready: ");
            Thread.sleep(500);
            Files.writeString(config, config(dir.resolve("elsewhere.json"), "openat"));
            signal(sluice, "HUP");
            awaitLine(err, "SIGHUP: reload refused, the running set stays: ");
            Thread.sleep(500);
            Files.writeString(config, config(out, "openat, execve"));
            signal(sluice, "HUP");
            awaitLine(err, "SIGHUP: reloaded: no policies, filters of 1 stream");
            assertTrue(sluice.waitFor(60, TimeUnit.SECONDS), "sluice did not finish");
            assertEquals(0, sluice.exitValue(), read(err));
        }
        finally
        {
            sluice.destroyForcibly();
        }
        final String errors = read(err);
        assertTrue(errors.contains("destinations = 'd': destinations cannot change on reload"), errors);
        assertFalse(Files.exists(dir.resolve("elsewhere.json")));
        final List<String> lines = Sluice.lines(out);
        long previous = -1;
        long firstExecve = -1;
        for (final String line : lines)
        {
            final long seq = Sluice.seqOf(line);
            assertTrue(seq > previous, "in order, none repeated: " + seq + " after " + previous);
            if (firstExecve >= 0)
            {
                // after the first execve routed, the stream takes every event: no gap (the events just before it may
                // be execves the old filters left out, so the gap before it is not checked)
                assertEquals(previous + 1, seq, "no event lost after the reload (first execve " + firstExecve + ")\n" + errors);
            }
            if (Sluice.eventOf(line).equals("execve") && firstExecve < 0)
            {
                firstExecve = seq;
            }
            previous = seq;
        }
        assertTrue(firstExecve > 0, "execve came through after the reload, not before: " + firstExecve);
        assertEquals(COUNT - 1, previous);
        // and before it, only execves are missing (the old filters took every openat): none lost at the boundary
        final Set<Long> present = new HashSet<>();
        lines.forEach(line -> present.add(Sluice.seqOf(line)));
        final int execve = SyntheticSource.eventIndex(7, firstExecve, 2);
        for (long seq = 0; seq < firstExecve; seq++)
        {
            if (!present.contains(seq))
            {
                assertEquals(execve, SyntheticSource.eventIndex(7, seq, 2),
                    "event " + seq + " is missing, yet it is not an execve the old filters left out");
            }
        }
    }

    private String config(final Path out, final String events)
    {
        return """
            output:
              destinations:
                - name: d
                  format: json
                  path: %s
              streams:
                - name: s
                  destinations: [d]
                  filters:
                    events: [%s]
            """.formatted(out, events);
    }

    private Path policy(final String name, final String... events) throws IOException
    {
        final Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, policyText(name, events));
        return file;
    }

    private static String policyText(final String name, final String... events)
    {
        final StringBuilder rules = new StringBuilder();
        for (final String event : events)
        {
            rules.append("    - event: ").append(event).append('\n');
        }
        return """
            apiVersion: tracee.aquasec.com/v1beta1
            kind: Policy
            metadata:
              name: %s
            spec:
              scope: [global]
              rules:
            """.formatted(name) + rules;
    }

    static void signal(final Process process, final String signal) throws Exception
    {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor());
    }

    static void awaitLine(final Path err, final String text) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline)
        {
            if (Files.exists(err) && read(err).contains(text))
            {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no '" + text + "' in: " + read(err));
    }

    static String read(final Path file) throws IOException
    {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
