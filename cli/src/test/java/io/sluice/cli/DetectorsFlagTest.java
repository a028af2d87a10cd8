package io.sluice.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --detectors}: a YAML detector runs in a real sluice run, one detection per trigger, named in {@code --events}
 * and {@code threat.*} like the detectors Sluice ships; it is listed by {@code sluice list detectors}; a bad file stops
 * the run with one line naming file:line, field and value, and exit code 2.
 */
class DetectorsFlagTest
{
    private static final String EXEC_WATCH = """
        type: detector
        id: yaml-exec
        produced_event:
          name: yaml_exec_seen
          version: 1.0.0
          description: Every exec, named
          fields:
            - name: comm
              type: string
            - name: loud
              type: string
        requirements:
          events:
            - name: sched_process_exec
        threat:
          severity: critical
          description: An exec happened
          mitre:
            technique:
              id: T1059
              name: Command and Scripting Interpreter
            tactic:
              name: Execution
        auto_populate:
          threat: true
          detected_from: true
        output:
          fields:
            - name: comm
              expression: workload.process.thread.name
            - name: loud
              expression: upper(workload.process.thread.name)
        """;

    private final Sluice sluice = new Sluice();

    @TempDir
    Path dir;

    @Test
    void aRunRaisesOneDetectionPerTriggerSelectedByThreatSeverity() throws IOException
    {
        Files.writeString(dir.resolve("exec.yaml"), EXEC_WATCH);
        final Path out = dir.resolve("events.json");
        assertEquals(ExitCodes.OK, sluice.run("--source", "synthetic:count=200,seed=3", "--detectors", dir.toString(),
            "--events", "sched_process_exec,threat.severity=critical", "--output", "json:" + out), sluice.err);
        final List<String> lines = Sluice.lines(out);
        final List<String> detections = lines.stream().filter(line -> line.contains(",\"name\":\"yaml_exec_seen\",")).toList();
        final long triggers = lines.stream().filter(line -> Sluice.eventOf(line).equals("sched_process_exec")).count() - detections.size();
        assertTrue(triggers > 0, "the synthetic source draws the detector's input");
        assertEquals(triggers, detections.size(), "one detection per trigger");
        assertTrue(detections.get(0).contains("\"severity\":\"CRITICAL\""), detections.get(0));
        assertTrue(detections.get(0).matches(".*\\{\"name\":\"comm\",\"str\":\"([^\"]*)\"},\\{\"name\":\"loud\",\"str\":\"[^a-z\"]*\"}.*"),
            detections.get(0));
    }

    @Test
    void aReplayWithTheSameDetectorsGivesTheSameDetections() throws IOException
    {
        Files.writeString(dir.resolve("exec.yaml"), EXEC_WATCH);
        final Path journal = dir.resolve("journal");
        final Path direct = dir.resolve("direct.json");
        assertEquals(ExitCodes.OK, sluice.run("--source", "synthetic:count=100,seed=4", "--detectors", dir.toString(),
            "--events", "sched_process_exec,yaml_exec_seen", "--output", "destinations.journal.type=journal",
            "--output", "destinations.journal.path=" + journal, "--output", "destinations.d.format=json",
            "--output", "destinations.d.path=" + direct), sluice.err);
        final Path replayed = dir.resolve("replayed.json");
        assertEquals(ExitCodes.OK, sluice.run("replay", journal.toString(), "--recorded-policies", "--progress", "never",
            "--detectors", dir.toString(), "--output", "destinations.d.format=json", "--output", "destinations.d.path=" + replayed),
            sluice.err);
        final List<String> recorded = Sluice.lines(direct);
        assertTrue(recorded.stream().anyMatch(line -> line.contains(",\"name\":\"yaml_exec_seen\",")), "detections were recorded");
        assertEquals(recorded, Sluice.lines(replayed), "the recorded detections, named as they were");
    }

    @Test
    void listDetectorsShowsTheLoadedOnes() throws IOException
    {
        Files.writeString(dir.resolve("exec.yaml"), EXEC_WATCH);
        final StringWriter text = new StringWriter();
        final picocli.CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(text, true));
        assertEquals(ExitCodes.OK, commandLine.execute("list", "detectors", "--json", "--detectors", dir.toString()));
        assertTrue(text.toString().contains("\"id\":\"yaml-exec\""), text.toString());
        assertTrue(text.toString().contains("\"event\":\"yaml_exec_seen\""), text.toString());
    }

    @Test
    void aBadDetectorStopsTheRunWithOneLine() throws IOException
    {
        final Path file = dir.resolve("bad.yaml");
        Files.writeString(file, EXEC_WATCH.replace("upper(workload", "upper(workloads"));
        assertEquals(ExitCodes.USAGE, sluice.run("--source", "synthetic:count=1", "--detectors", file.toString(),
            "--events", "sched_process_exec"));
        assertTrue(sluice.err.startsWith("sluice: " + file + ":32: output.fields[1].expression = 'upper(workloads.process.thread.name)': "
            + "bad CEL expression:"), sluice.err);
        assertEquals(1, sluice.err.strip().lines().count(), sluice.err);
        assertEquals(ExitCodes.USAGE, sluice.run("validate", "--detectors", dir.resolve("none").toString()));
        assertFalse(sluice.err.contains("Exception"), sluice.err);
    }
}
