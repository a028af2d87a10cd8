package io.sluice.filter.export;

import io.sluice.config.ConfigException;
import io.sluice.filter.lineage.LineageMarker;
import io.sluice.policy.EventView;
import io.sluice.policy.TestEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tetragon's export filters with its semantics: one test per field, then the combination rules (fields of one
 * object AND, objects OR, an empty allowlist keeps all, deny wins) and the refusals at start-up.
 */
class ExportFiltersTest
{
    private static final String[] POLICIES = {"files", "execs"};

    private static final TestEvent CURL = TestEvent.of("sched_process_exec").pid(500).exe("/usr/bin/curl")
        .container("551e161c47d8").containerName("spaceship").pod("default", "xwing")
        .ancestor(400, "/bin/bash").ancestor(1, "/sbin/init")
        .str("pathname", "/usr/bin/curl").argv("curl", "https://ebpf.io/applications/#tetragon", "--password=foo");
    private static final TestEvent HOST_OPEN = TestEvent.of("openat").pid(600).exe("/usr/bin/cat").ancestor(400, "/bin/bash");

    private static boolean allow(final String json, final TestEvent event)
    {
        return allow(json, event, 0);
    }

    private static boolean allow(final String json, final TestEvent event, final long policies)
    {
        final ExportFilters filters = new ExportFilters(ExportFilters.parse("--export-allowlist", json, TestEvent.CATALOG, POLICIES), List.of());
        final EventView view = event.view();
        view.policiesMatched(policies);
        return keep(filters, view);
    }

    /** As the engine does: lineage conditions answered first (at ingest), then the lists. */
    private static boolean keep(final ExportFilters filters, final EventView view)
    {
        final LineageMarker marker = LineageMarker.assign(filters.lineageConditions());
        if (marker != null)
        {
            marker.mark(view);
        }
        return filters.keep(view);
    }

    @Test
    void eventSetTakesSluiceEventNames()
    {
        assertTrue(allow("{\"event_set\": [\"sched_process_exec\", \"sched_process_exit\"]}", CURL));
        assertFalse(allow("{\"event_set\": [\"sched_process_exec\"]}", HOST_OPEN));
    }

    @Test
    void binaryRegexIsUnanchoredRe2()
    {
        assertTrue(allow("{\"binary_regex\": [\"curl\"]}", CURL), "unanchored, like Go's MatchString");
        assertTrue(allow("{\"binary_regex\": [\"^/usr/bin/curl$\"]}", CURL));
        assertFalse(allow("{\"binary_regex\": [\"^curl\"]}", CURL));
        assertTrue(allow("{\"binary_regex\": [\"^/bin/\", \"cat$\"]}", HOST_OPEN), "any of the list");
    }

    @Test
    void namespaceWithTheEmptyStringForHostProcesses()
    {
        assertTrue(allow("{\"namespace\": [\"default\"]}", CURL));
        assertFalse(allow("{\"namespace\": [\"default\"]}", HOST_OPEN));
        assertTrue(allow("{\"namespace\": [\"\"]}", HOST_OPEN));
        assertFalse(allow("{\"namespace\": [\"\"]}", CURL));
    }

    @Test
    void pidAndPidSet()
    {
        assertTrue(allow("{\"pid\": [500, 501]}", CURL));
        assertFalse(allow("{\"pid\": [400]}", CURL), "pid is the process itself");
        assertTrue(allow("{\"pid_set\": [400]}", CURL), "pid_set includes descendants");
        assertTrue(allow("{\"pid_set\": [500]}", CURL));
        assertFalse(allow("{\"pid_set\": [999]}", CURL));
    }

    @Test
    void podRegexNeverMatchesHostProcesses()
    {
        assertTrue(allow("{\"pod_regex\": [\"^xw\"]}", CURL));
        assertFalse(allow("{\"pod_regex\": [\".*\"]}", HOST_OPEN));
    }

    @Test
    void argumentsRegexSeesTheArgumentsAfterArgvZero()
    {
        assertTrue(allow("{\"arguments_regex\": [\"ebpf\\\\.io\"]}", CURL));
        assertFalse(allow("{\"arguments_regex\": [\"^curl\"]}", CURL), "argv[0] is not an argument");
        assertTrue(allow("{\"arguments_regex\": [\"tetragon --password\"]}", CURL), "joined by spaces");
    }

    @Test
    void policyNames()
    {
        assertTrue(allow("{\"policy_names\": [\"execs\"]}", CURL, 0b10));
        assertFalse(allow("{\"policy_names\": [\"execs\"]}", CURL, 0b01));
    }

    @Test
    void parentAndAncestorBinaries()
    {
        assertTrue(allow("{\"parent_binary_regex\": [\"bash$\"]}", CURL));
        assertFalse(allow("{\"parent_binary_regex\": [\"init$\"]}", CURL), "the parent only");
        assertTrue(allow("{\"ancestor_binary_regex\": [\"init$\"]}", CURL));
        assertFalse(allow("{\"ancestor_binary_regex\": [\"sshd\"]}", CURL));
        assertFalse(allow("{\"ancestor_binary_regex\": [\"bash$\"]}", CURL),
            "Tetragon's ancestors are those beyond the immediate parent: a process whose only match is its parent is not kept");
    }

    @Test
    void capabilitiesWithEachMatchSet()
    {
        final long sysAdmin = 1L << 21;
        final long bpf = 1L << 39;
        final long netRaw = 1L << 13;
        final TestEvent admin = TestEvent.of("openat").capabilities(sysAdmin | bpf, sysAdmin | bpf | netRaw, 0);
        assertTrue(allow("{\"capabilities\": {\"effective\": {\"any\": [\"CAP_SYS_ADMIN\", \"CAP_NET_RAW\"]}}}", admin));
        assertFalse(allow("{\"capabilities\": {\"effective\": {\"any\": [\"CAP_NET_RAW\"]}}}", admin));
        assertTrue(allow("{\"capabilities\": {\"effective\": {\"all\": [\"CAP_BPF\", \"CAP_SYS_ADMIN\"]}}}", admin));
        assertFalse(allow("{\"capabilities\": {\"effective\": {\"all\": [\"CAP_BPF\", \"CAP_NET_RAW\"]}}}", admin));
        assertTrue(allow("{\"capabilities\": {\"effective\": {\"exactly\": [\"CAP_BPF\", \"CAP_SYS_ADMIN\"]}}}", admin));
        assertFalse(allow("{\"capabilities\": {\"permitted\": {\"exactly\": [\"CAP_BPF\", \"CAP_SYS_ADMIN\"]}}}", admin));
        assertTrue(allow("{\"capabilities\": {\"effective\": {\"none\": [\"CAP_NET_RAW\"]}}}", admin));
        assertFalse(allow("{\"capabilities\": {\"permitted\": {\"none\": [\"CAP_NET_RAW\"]}}}", admin));
        assertTrue(allow("{\"capabilities\": {\"inheritable\": {\"none\": [\"CAP_SYS_ADMIN\"]}}}", admin));
        assertFalse(allow("{\"capabilities\": {\"effective\": {\"any\": [\"CAP_BPF\"]}, \"permitted\": {\"none\": [\"NET_RAW\"]}}}",
            admin), "the sets given all hold (AND); names without CAP_ are taken, as Tetragon spells DAC_OVERRIDE");
        assertTrue(allow("{\"capabilities\": {\"effective\": {\"any\": [\"21\"]}}}", admin), "or the capability's number");
        assertFalse(allow("{\"capabilities\": {\"effective\": {\"none\": [\"CAP_SYS_ADMIN\"]}}}", HOST_OPEN),
            "an event whose capabilities were never read (from protobuf, or an old journal) matches no set, not even none");
    }

    @Test
    void labelsNeverMatchHostProcessesAndPodsCarryNoLabelsHere()
    {
        assertFalse(allow("{\"labels\": [\"!app\"]}", HOST_OPEN), "no pod: never, whatever the selector");
        assertTrue(allow("{\"labels\": [\"!app\"]}", CURL), "a pod without the label app");
        assertFalse(allow("{\"labels\": [\"app=xwing\"]}", CURL), "Sluice reads no pod labels");
        assertTrue(allow("{\"labels\": [\"app=xwing\", \"class notin (tie)\"]}", CURL), "any selector of the list");
        assertTrue(refusal("{\"labels\": [\"a,,b\"]}").startsWith("--export-allowlist: labels = 'a,,b': "),
            refusal("{\"labels\": [\"a,,b\"]}"));
    }

    @Test
    void containerIdAndName()
    {
        assertTrue(allow("{\"container_id\": [\"^551e\"]}", CURL));
        assertFalse(allow("{\"container_id\": [\"^551e\"]}", HOST_OPEN));
        assertTrue(allow("{\"container_name_regex\": [\"^space\"]}", CURL));
        assertFalse(allow("{\"container_name_regex\": [\"^xwing\"]}", CURL));
    }

    @Test
    void fieldsOfAnObjectCombineWithAndObjectsWithOr()
    {
        assertFalse(allow("{\"event_set\": [\"sched_process_exec\"], \"namespace\": \"foo\"}", CURL), "AND inside an object");
        assertTrue(allow("{\"event_set\": [\"sched_process_exec\"], \"namespace\": \"default\"}", CURL));
        final String seed = "{\"event_set\": [\"sched_process_exec\", \"sched_process_exit\"], \"namespace\": \"foo\"}\n" +
            "{\"event_set\": [\"openat\"]}";
        assertTrue(allow(seed, HOST_OPEN), "OR across objects (seed 004's example)");
        assertFalse(allow(seed, CURL));
    }

    @Test
    void anEmptyAllowlistKeepsAllAndDenyWins()
    {
        final ExportFilters denyOnly = new ExportFilters(List.of(),
            ExportFilters.parse("--export-denylist", "{\"binary_regex\": [\"cat$\"]}", TestEvent.CATALOG, POLICIES));
        assertTrue(keep(denyOnly, CURL.view()));
        assertFalse(keep(denyOnly, HOST_OPEN.view()));
        final ExportFilters both = new ExportFilters(
            ExportFilters.parse("--export-allowlist", "{\"event_set\": [\"openat\"]}", TestEvent.CATALOG, POLICIES),
            ExportFilters.parse("--export-denylist", "{\"pid\": [600]}", TestEvent.CATALOG, POLICIES));
        assertFalse(keep(both, HOST_OPEN.view()), "allowed and denied: deny wins");
        assertFalse(keep(both, CURL.view()), "not allowed");
    }

    @Test
    void filtersComeFromAFileOnePerLine(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("allow.json");
        Files.writeString(file, "{\"pid\": [1]}\n\n{\"binary_regex\": [\"curl\"]}\n");
        assertEquals(2, ExportFilters.parse("--export-allowlist", "@" + file, TestEvent.CATALOG, POLICIES).size());
        Files.writeString(file, "{\"pid\": [1]}\n{\"binary_regex\": [\"(\"]}\n");
        assertTrue(assertThrows(ConfigException.class, () -> ExportFilters.parse("--export-allowlist", "@" + file, TestEvent.CATALOG,
            POLICIES)).getMessage().startsWith(file + ":2: binary_regex = '(': bad regular expression"));
    }

    @Test
    void badInputIsRefusedAtStartUp()
    {
        assertEquals("--export-allowlist: binary_regx: unknown export filter field (expected ancestor_binary_regex, arguments_regex, "
            + "binary_regex, capabilities, cel_expression, container_id, container_name_regex, event_set, health_check, in_init_tree, "
            + "labels, namespace, namespace_regex, parent_arguments_regex, parent_binary_regex, pid, pid_set, pod_regex, policy_names)",
            refusal("{\"binary_regx\": [\"x\"]}"));
        assertTrue(refusal("{\"binary_regex\": [\"a(b\"]}").startsWith("--export-allowlist: binary_regex = 'a(b': bad regular expression"));
        assertTrue(refusal("{\"event_set\": [\"PROCESS_EXECVE\"]}").contains("unknown event"));
        assertTrue(refusal("{\"pid\": [\"one\"]}").contains("expected a pid"));
        assertTrue(refusal("[1, 2]").contains("not a JSON object"));
        assertEquals("--export-allowlist: capabilities = '[CAP_SYS_ADMIN]': expected an object with effective, permitted and/or inheritable",
            refusal("{\"capabilities\": [\"CAP_SYS_ADMIN\"]}"));
        assertEquals("--export-allowlist: capabilities.effective = '{any=[CAP_BPF], all=[CAP_BPF]}': a capability set takes exactly one "
            + "of any, all, exactly, none", refusal("{\"capabilities\": {\"effective\": {\"any\": [\"CAP_BPF\"], \"all\": [\"CAP_BPF\"]}}}"));
        assertEquals("--export-allowlist: capabilities.effective.any = 'CAP_FLY': unknown capability (expected a name such as CAP_SYS_ADMIN)",
            refusal("{\"capabilities\": {\"effective\": {\"any\": [\"CAP_FLY\"]}}}"));
        assertTrue(refusal("{\"capabilities\": {\"bounding\": {\"any\": [\"CAP_BPF\"]}}}").contains("unknown capability set"));
        assertTrue(refusal("{\"capabilities\": {\"effective\": {\"some\": [\"CAP_BPF\"]}}}").contains("unknown match set"));
        assertTrue(refusal("{\"parent_arguments_regex\": [\"(\"]}").contains("bad regular expression"));
    }

    private static String refusal(final String json)
    {
        return assertThrows(ConfigException.class,
            () -> ExportFilters.parse("--export-allowlist", json, TestEvent.CATALOG, POLICIES)).getMessage();
    }
}
