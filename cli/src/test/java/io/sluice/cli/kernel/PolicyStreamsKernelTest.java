package io.sluice.cli.kernel;

import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 000's configuration on the real kernel: two policies ({@code json-policy} on {@code sched_process_exec},
 * {@code webhook-policy} on {@code anti_debugging}), a catch-all stream and a stream filtered on
 * {@code webhook-policy} (a JSON file stands in for the webhook). A program calling {@code ptrace(PTRACE_TRACEME)}
 * raises exactly one {@code anti_debugging} event with {@code threat} and {@code detected_from}; the filtered
 * stream carries it and nothing else, the catch-all stream carries the program's {@code sched_process_exec}
 * (and, having no filter, every event some policy matched, as in Tracee).
 */
class PolicyStreamsKernelTest
{
    @BeforeAll
    static void kernel()
    {
        KernelTestSupport.requireKernel();
    }

    private static void policy(final Path file, final String name, final String event) throws Exception
    {
        Files.writeString(file, """
            apiVersion: tracee.aquasec.com/v1beta1
            kind: Policy
            metadata:
              annotations:
                description: seed 000
              name: %s
            spec:
              rules:
                - event: %s
              scope:
                - global
            """.formatted(name, event));
    }

    @Test
    void antiDebuggingReachesThePolicyFilteredStreamOnly(@TempDir final Path dir) throws Exception
    {
        final Path victim = KernelTestSupport.compile("victim", dir);
        final Path catchAll = dir.resolve("catch-all.json");
        final Path table = dir.resolve("file1");
        final Path webhook = dir.resolve("webhook.json");
        final Path config = dir.resolve("config.yaml");
        Files.writeString(config, """
            output:
              destinations:
                - name: stdoutdestination
                  type: file
                  path: %s
                  format: json
                - name: filedestination
                  type: file
                  path: %s
                  format: table
                - name: webhook-1
                  type: file
                  path: %s
                  format: json
              streams:
                - name: catch_all_stream
                  destinations:
                    - stdoutdestination
                    - filedestination
                - name: anti_debugging_stream
                  destinations:
                    - webhook-1
                  filters:
                    policies:
                      - webhook-policy
              options:
                exec-env: true
            """.formatted(catchAll, table, webhook));
        final Path jsonPolicy = dir.resolve("json-policy.yaml");
        final Path webhookPolicy = dir.resolve("webhook-policy.yaml");
        policy(jsonPolicy, "json-policy", "sched_process_exec");
        policy(webhookPolicy, "webhook-policy", "anti_debugging");

        final Path stderr = dir.resolve("sluice.err");
        final Process sluice = KernelTestSupport.startSluice(stderr,
            "--config", config.toString(), "--policy", jsonPolicy.toString(), "--policy", webhookPolicy.toString());
        final long victimPid;
        try
        {
            KernelTestSupport.awaitReady(sluice, stderr);
            final Path known = dir.resolve("known.txt");
            Files.writeString(known, "x");
            final Process traced = new ProcessBuilder(victim.toString(), known.toString()).start();
            traced.getInputStream().readAllBytes();
            assertEquals(0, traced.waitFor(), "victim failed");
            victimPid = traced.pid();
            Thread.sleep(500);
        }
        finally
        {
            sluice.destroy();
            assertTrue(sluice.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(0, sluice.exitValue(), Files.readString(stderr));

        final List<Event> filtered = KernelTestSupport.readEvents(webhook);
        final List<Event> ours = filtered.stream().filter(e -> pid(e) == victimPid).toList();
        assertEquals(1, ours.size(), () -> "the victim's events on the filtered stream: " + ours);
        assertTrue(filtered.stream().allMatch(e -> e.getName().equals("anti_debugging")), "nothing but anti_debugging: " + filtered);
        final Event detection = ours.get(0);
        assertEquals(6100, detection.getIdValue());
        assertEquals(List.of("webhook-policy"), detection.getPolicies().getMatchedList());
        assertEquals(Severity.LOW, detection.getThreat().getSeverity());
        assertEquals("Defense Evasion", detection.getThreat().getMitre().getTactic().getName());
        assertEquals("T1622", detection.getThreat().getMitre().getTechnique().getExternalId());
        assertEquals("Debugger Evasion", detection.getThreat().getMitre().getTechnique().getName());
        assertEquals(java.util.Map.of("Category", "defense-evasion"), detection.getThreat().getPropertiesMap(),
            "as Tracee prints it");
        assertEquals("ptrace", detection.getDetectedFrom().getName());
        assertEquals(102, detection.getDetectedFrom().getIdValue());
        assertTrue(detection.getDetectedFrom().getDataList().stream()
            .anyMatch(v -> v.getName().equals("request") && v.getInt64() == 0), "PTRACE_TRACEME: " + detection.getDetectedFrom());
        assertTrue(detection.getWorkload().getProcess().getExecutable().getPath().endsWith("/victim"));

        final List<Event> all = KernelTestSupport.readEvents(catchAll);
        assertTrue(all.stream().anyMatch(e -> e.getName().equals("sched_process_exec") && pid(e) == victimPid &&
            e.getPolicies().getMatchedList().equals(List.of("json-policy"))), "the victim's exec on the catch-all stream");
        assertTrue(all.stream().noneMatch(e -> e.getName().equals("ptrace")), "ptrace is traced for the detector, matched by no policy");
        assertTrue(Files.readString(table).contains("sched_process_exec"), "the table destination of the catch-all stream");
    }

    private static long pid(final Event event)
    {
        return event.getWorkload().getProcess().getHostPid().getValue();
    }

}
