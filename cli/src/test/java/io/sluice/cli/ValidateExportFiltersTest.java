package io.sluice.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sluice validate} checks the global Tetragon filters ({@code --export-allowlist}, {@code --export-denylist},
 * {@code --redaction-filters}, {@code --field-filters}) as a run does: the same refusal, word for word, with exit 2;
 * exit 0 when they are valid. No source is started.
 */
class ValidateExportFiltersTest
{
    private final CommandRun command = new CommandRun();
    private final StringWriter out = command.out;
    private final StringWriter err = command.err;

    private int run(final String... args)
    {
        return command.run(args);
    }

    /** Runs {@code validate} with the flags, and a one-event synthetic run with the same flags: both must refuse alike. */
    private String refusedLikeARun(final String... flags)
    {
        return command.refusedLikeARun(List.of("--output", "none"), flags);
    }

    @Test
    void validFiltersAreAccepted(@TempDir final Path dir) throws Exception
    {
        final Path deny = dir.resolve("deny.json");
        Files.writeString(deny, "{\"binary_regex\": [\"sshd$\"]}\n\n{\"event_set\": [\"openat\"], \"pid_set\": [1]}\n");
        assertEquals(ExitCodes.OK, run("validate", "--output", "json:/tmp/x.json",
            "--export-allowlist", "{\"event_set\": [\"sched_process_exec\", \"openat\"], \"binary_regex\": [\"^/usr/bin/\"]}",
            "--export-allowlist", "{\"namespace\": [\"\"], \"pid\": [1, 2]}",
            "--export-denylist", "@" + deny,
            "--redaction-filters", "{\"redact\": [\"--password(?:\\\\s+|=)(\\\\S*)\"], \"binary_regex\": [\"(?:^|/)foo$\"]}",
            "--field-filters", "{\"fields\": \"workload.process.pid,workload.process.executable\", \"event_set\": [\"sched_process_exec\"], "
                + "\"invert_event_set\": true, \"action\": \"INCLUDE\"}"), err.toString());
        assertEquals("", err.toString());
        final String shown = out.toString();
        assertTrue(shown.startsWith("configuration is valid"), shown);
        assertTrue(shown.contains("global filters --export-allowlist (2 values)"), shown);
        assertTrue(shown.contains("global filters --export-denylist (1 value)"), shown);
        assertTrue(shown.contains("global filters --redaction-filters (1 value)"), shown);
        assertTrue(shown.contains("global filters --field-filters (1 value)"), shown);
        assertTrue(shown.contains("destination json-1: file json -> /tmp/x.json"), shown);
    }

    @Test
    void policyNamesAreCheckedAgainstTheLoadedPolicies()
    {
        assertEquals(ExitCodes.OK, run("validate", "--events", "openat", "--scope", "uid>=1000", "--output", "none",
            "--export-allowlist", "{\"policy_names\": [\"default-policy\"]}"), err.toString());
        // as Tetragon: a policy that is not loaded is accepted, and matches nothing
        assertEquals(ExitCodes.OK, run("validate", "--events", "openat", "--scope", "uid>=1000", "--output", "none",
            "--export-allowlist", "{\"policy_names\": [\"other\"]}"));
        assertTrue(err.toString().contains("sluice: warning: --export-allowlist: policy_names: 'other' is not a loaded policy:"
            + " it matches no event\n"), err.toString());
    }

    @Test
    void badRegularExpression()
    {
        assertEquals("sluice: --export-allowlist: binary_regex = '(': bad regular expression: missing closing )\n",
            refusedLikeARun("--export-allowlist", "{\"binary_regex\": [\"(\"]}"));
        assertEquals("sluice: --redaction-filters: redact = 'a(': bad regular expression: missing closing )\n",
            refusedLikeARun("--redaction-filters", "{\"redact\": [\"a(\"]}"));
        assertEquals("sluice: --export-denylist: pod_regex = '[z-a]': bad regular expression: invalid character class range\n",
            refusedLikeARun("--export-denylist", "{\"pod_regex\": [\"[z-a]\"]}"));
    }

    @Test
    void unknownField()
    {
        assertTrue(refusedLikeARun("--export-denylist", "{\"colour\": [\"red\"]}")
            .startsWith("sluice: --export-denylist: colour: unknown export filter field (expected ancestor_binary_regex, "));
        assertEquals("sluice: --field-filters: fields = 'workload.nope': unknown field of v1beta1.Event "
                + "(for instance workload.process.executable.path, data, threat.mitre)\n",
            refusedLikeARun("--field-filters", "{\"fields\": \"workload.nope\", \"action\": \"INCLUDE\"}"));
        assertEquals("sluice: --redaction-filters: colour: unknown redaction filter field (expected redact, binary_regex)\n",
            refusedLikeARun("--redaction-filters", "{\"redact\": [\"x(y)\"], \"colour\": [\"red\"]}"));
    }

    @Test
    void unknownEventInEventSet()
    {
        assertEquals("sluice: --export-allowlist: event_set = 'PROCESS_EXECVE': unknown event (event_set takes Sluice event"
                + " names, see 'sluice list', or Tetragon's event types: PROCESS_EXEC, PROCESS_EXIT, PROCESS_KPROBE,"
                + " PROCESS_TRACEPOINT ...)\n",
            refusedLikeARun("--export-allowlist", "{\"event_set\": [\"openat\", \"PROCESS_EXECVE\"]}"));
        assertEquals("sluice: --field-filters: event_set = 'opnat': unknown event (Sluice event names, see 'sluice list')\n",
            refusedLikeARun("--field-filters", "{\"fields\": \"name\", \"action\": \"INCLUDE\", \"event_set\": [\"opnat\"]}"));
    }

    @Test
    void missingFile(@TempDir final Path dir)
    {
        final Path missing = dir.resolve("missing.json");
        assertEquals("sluice: --export-denylist: file = '" + missing + "': cannot read: " + missing + "\n",
            refusedLikeARun("--export-denylist", "@" + missing));
        assertEquals("sluice: --field-filters: file = '" + missing + "': cannot read: " + missing + "\n",
            refusedLikeARun("--field-filters", "@" + missing));
    }

    @Test
    void errorsInAFileNameTheFileAndLine(@TempDir final Path dir) throws Exception
    {
        final Path allow = dir.resolve("allow.json");
        Files.writeString(allow, "{\"event_set\": [\"openat\"]}\n\n{\"binary_regex\": [\"a(\"]}\n");
        assertEquals("sluice: " + allow + ":3: binary_regex = 'a(': bad regular expression: missing closing )\n",
            refusedLikeARun("--export-allowlist", "@" + allow));
    }

    @Test
    void aStreamsOwnFiltersAreCheckedToo()
    {
        final String[] flags = {"--output", "destinations.d.type=file", "--output", "destinations.d.path=/dev/null",
            "--output", "streams.s.destinations=d",
            "--output", "streams.s.filters.allow={\"capabilities\": {\"effective\": {\"any\": [\"CAP_FLY\"]}}}"};
        assertEquals("sluice: --output streams.s.filters.allow={\"capabilities\": {\"effective\": {\"any\": [\"CAP_FLY\"]}}}: "
            + "capabilities.effective.any = 'CAP_FLY': unknown capability (expected a name such as CAP_SYS_ADMIN)\n",
            command.refusedLikeARun(List.of(), flags));
    }
}
