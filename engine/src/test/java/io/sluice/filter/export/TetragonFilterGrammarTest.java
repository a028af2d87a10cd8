package io.sluice.filter.export;

import io.sluice.config.ConfigException;
import io.sluice.filter.lineage.LineageMarker;
import io.sluice.policy.EventView;
import io.sluice.policy.TestEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tetragon's filter lines as its own tests write them (cilium/tetragon pkg/filters/*_test.go), restated: per field a
 * case that matches and one that does not; Tetragon's event type names in {@code event_set}; camelCase and
 * case-insensitive field names; several objects on one line and one object over several lines; ancestors beyond the
 * parent; {@code policy_names} naming a policy that is not loaded.
 */
class TetragonFilterGrammarTest
{
    private static final String[] POLICIES = {"red-policy", "blue-policy"};

    private static boolean allow(final String json, final TestEvent event)
    {
        return allow(json, event, 0);
    }

    private static boolean allow(final String json, final TestEvent event, final long policies)
    {
        final ExportFilters filters = new ExportFilters(ExportFilters.parse("--export-allowlist", json, TestEvent.CATALOG, POLICIES),
            List.of());
        final EventView view = event.view();
        view.policiesMatched(policies);
        final LineageMarker marker = LineageMarker.assign(filters.lineageConditions());
        if (marker != null)
        {
            marker.mark(view);
        }
        return filters.keep(view);
    }

    private static TestEvent inNamespace(final String namespace)
    {
        return TestEvent.of("sched_process_exec").container("c1").pod(namespace, "pod-1");
    }

    @Test
    void eventSetTakesTetragonEventTypes()
    {
        // TestParseFilterList: {"event_set":["PROCESS_EXEC", "PROCESS_EXIT", "PROCESS_KPROBE", "PROCESS_TRACEPOINT"]}
        final String all = "{\"event_set\":[\"PROCESS_EXEC\", \"PROCESS_EXIT\", \"PROCESS_KPROBE\", \"PROCESS_TRACEPOINT\"]}";
        assertTrue(allow(all, TestEvent.of("sched_process_exec")));
        assertTrue(allow(all, TestEvent.of("openat")));
        assertFalse(allow(all, TestEvent.of("anti_debugging")), "detector events have no Tetragon type");
        // TestEventTypeFilterMatch / NoMatch
        assertTrue(allow("{\"event_set\":[\"PROCESS_EXEC\"]}", TestEvent.of("sched_process_exec")));
        assertFalse(allow("{\"event_set\":[\"PROCESS_EXEC\"]}", TestEvent.of("sched_process_exit")));
        assertTrue(allow("{\"event_set\":[\"PROCESS_EXIT\"]}", TestEvent.of("sched_process_exit")));
        assertTrue(allow("{\"event_set\":[\"PROCESS_KPROBE\"]}", TestEvent.of("openat")));
        assertFalse(allow("{\"event_set\":[\"PROCESS_KPROBE\"]}", TestEvent.of("sched_process_fork")), "no syscall");
        assertTrue(allow("{\"event_set\":[\"PROCESS_TRACEPOINT\"]}", TestEvent.of("sched_process_fork")));
        assertFalse(allow("{\"event_set\":[\"PROCESS_TRACEPOINT\"]}", TestEvent.of("sched_process_exec")));
        assertFalse(allow("{\"event_set\":[\"PROCESS_LSM\"]}", TestEvent.of("openat")), "a type Sluice has no events of");
        assertTrue(allow("{\"event_set\":[\"PROCESS_LSM\", \"openat\"]}", TestEvent.of("openat")), "and Sluice names beside");
    }

    @Test
    void namespaceAndNamespaceRegex()
    {
        // TestNamespace: {"namespace":["kube-system",""]}
        assertTrue(allow("{\"namespace\":[\"kube-system\",\"\"]}", inNamespace("kube-system")));
        assertFalse(allow("{\"namespace\":[\"kube-system\",\"\"]}", inNamespace("default")));
        assertTrue(allow("{\"namespace\":[\"kube-system\",\"\"]}", TestEvent.of("openat")), "\"\" is the host");
        // TestNamespaceRegex: {"namespace_regex":["test-.*"]}
        assertTrue(allow("{\"namespace_regex\":[\"test-.*\"]}", inNamespace("test-app")));
        assertTrue(allow("{\"namespace_regex\":[\"test-.*\"]}", inNamespace("test-system")));
        assertFalse(allow("{\"namespace_regex\":[\"test-.*\"]}", inNamespace("kube-system")));
        assertFalse(allow("{\"namespace_regex\":[\".*\"]}", TestEvent.of("openat")), "no pod, no match");
    }

    @Test
    void podRegex()
    {
        // TestPodRegexFilter: {"pod_regex":["client", "server"]} and {"pod_regex":["client.*", "^server$"]}
        final TestEvent client = TestEvent.of("openat").container("c").pod("default", "client-deadb33f");
        final TestEvent server = TestEvent.of("openat").container("c").pod("default", "server-ab41ed2");
        final TestEvent proxy = TestEvent.of("openat").container("c").pod("kube-system", "kube-proxy");
        assertTrue(allow("{\"pod_regex\":[\"client\", \"server\"]}", server));
        assertFalse(allow("{\"pod_regex\":[\"client\", \"server\"]}", proxy));
        assertTrue(allow("{\"pod_regex\":[\"client.*\", \"^server$\"]}", client));
        assertFalse(allow("{\"pod_regex\":[\"client.*\", \"^server$\"]}", server));
    }

    @Test
    void binaryAndArgumentsRegex()
    {
        // TestParseFilterList's lines; TestArgumentsRegexFilter's arguments
        final TestEvent kubelet = TestEvent.of("sched_process_exec").exe("/usr/bin/kubelet");
        assertTrue(allow("{\"binary_regex\":[\"kube.*\",\"iptables\"]}", kubelet));
        assertFalse(allow("{\"binary_regex\":[\"/usr/sbin/.*\"]}", kubelet));
        final TestEvent shim = TestEvent.of("sched_process_exec").exe("/usr/bin/containerd-shim")
            .argv("containerd-shim", "-namespace", "moby", "-id", "1234abcd", "-address", "/run/containerd/containerd.sock");
        assertTrue(allow("{\"arguments_regex\":[\"^-namespace moby\"]}", shim));
        assertTrue(allow("{\"arguments_regex\":[\"-address /run/containerd/containerd\\\\.sock$\"]}", shim));
        assertFalse(allow("{\"arguments_regex\":[\"^--version$\",\"^-a -b -c$\"]}", shim));
    }

    @Test
    void healthCheckNeverSeesAProbe()
    {
        // TestParseFilterList: {"health_check":true}; Sluice reads no pod spec, so nothing may be an exec probe
        assertFalse(allow("{\"health_check\":true}", inNamespace("default")));
        assertTrue(allow("{\"health_check\":false}", inNamespace("default")));
        assertTrue(assertThrows(ConfigException.class, () -> allow("{\"health_check\":\"yes\"}", inNamespace("default")))
            .getMessage().endsWith("expected true or false"));
    }

    @Test
    void policyNamesAsTetragonTestsThem()
    {
        // TestPolicyNamesFilterCorrectValue: {"policy_names":["red-policy","blue-policy"]}
        assertTrue(allow("{\"policy_names\":[\"red-policy\",\"blue-policy\"]}", TestEvent.of("openat"), 0b10));
        assertFalse(allow("{\"policy_names\":[\"red-policy\"]}", TestEvent.of("openat"), 0b10));
        // TestPolicyNamesFilterEmptyValue: [""] matches nothing, and is accepted
        assertFalse(allow("{\"policy_names\":[\"\"]}", TestEvent.of("openat"), 0b11));
    }

    @Test
    void aPolicyThatIsNotLoadedIsAcceptedWithAWarningAndMatchesNothing()
    {
        final List<ExportFilter> filters = ExportFilters.parse("--export-allowlist", "{\"policy_names\":[\"green-policy\"]}",
            TestEvent.CATALOG, POLICIES);
        assertEquals(List.of("--export-allowlist: policy_names: 'green-policy' is not a loaded policy: it matches no event"),
            filters.get(0).warnings());
        assertFalse(allow("{\"policy_names\":[\"green-policy\"]}", TestEvent.of("openat"), -1L));
        assertTrue(allow("{\"policy_names\":[\"green-policy\", \"red-policy\"]}", TestEvent.of("openat"), 0b01));
    }

    @Test
    void camelCaseAndUpperCaseNamesAreTheSameFields()
    {
        final TestEvent curl = TestEvent.of("sched_process_exec").exe("/usr/bin/curl").container("c").pod("prod", "web")
            .ancestor(400, "/bin/bash").ancestor(1, "/sbin/init");
        for (final String field : List.of("binary_regex", "binaryRegex", "BINARY_REGEX"))
        {
            assertTrue(allow("{\"" + field + "\":[\"curl$\"]}", curl), field);
            assertFalse(allow("{\"" + field + "\":[\"wget$\"]}", curl), field);
        }
        assertTrue(allow("{\"eventSet\":[\"PROCESS_EXEC\"], \"parentBinaryRegex\":[\"bash$\"], \"namespaceRegex\":[\"^pr\"],"
            + " \"ancestorBinaryRegex\":[\"init$\"], \"podRegex\":[\"web\"]}", curl));
        assertTrue(assertThrows(ConfigException.class, () -> allow("{\"binary_regex\":[\"a\"], \"binaryRegex\":[\"b\"]}", curl))
            .getMessage().contains("written twice"));
    }

    @Test
    void severalObjectsOnOneLineAndOneOverSeveralLines()
    {
        final String lines = "{\"binary_regex\":[\"curl$\"]} {\"binary_regex\":[\"wget$\"]}\n{\n  \"namespace\": [\"prod\"]\n}\n";
        final List<ExportFilter> filters = ExportFilters.parse("--export-allowlist", lines, TestEvent.CATALOG, POLICIES);
        assertEquals(3, filters.size());
        assertTrue(allow(lines, TestEvent.of("openat").exe("/usr/bin/wget")), "the second object on line one");
        assertTrue(allow(lines, inNamespace("prod")), "the object over three lines");
        assertFalse(allow(lines, TestEvent.of("openat").exe("/usr/bin/cat")));
        assertTrue(assertThrows(ConfigException.class, () -> allow("{\"pid\":[1]} [1]", TestEvent.of("openat")))
            .getMessage().endsWith("not a JSON object"));
    }

    @Test
    void ancestorsAreThoseBeyondTheParent()
    {
        final TestEvent child = TestEvent.of("sched_process_exec").exe("/usr/bin/curl").ancestor(400, "/bin/bash")
            .ancestor(300, "/usr/sbin/sshd").ancestor(1, "/sbin/init");
        assertFalse(allow("{\"ancestor_binary_regex\":[\"bash$\"]}", child), "the parent is parent_binary_regex's");
        assertTrue(allow("{\"ancestor_binary_regex\":[\"sshd$\"]}", child));
        assertTrue(allow("{\"ancestor_binary_regex\":[\"init$\"]}", child));
        assertFalse(allow("{\"ancestor_binary_regex\":[\"curl$\"]}", child), "nor the process itself");
    }
}
