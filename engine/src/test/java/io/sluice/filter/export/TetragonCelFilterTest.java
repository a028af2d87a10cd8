package io.sluice.filter.export;

import io.sluice.config.ConfigException;
import io.sluice.policy.TestEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tetragon's {@code cel_expression} and {@code in_init_tree} as its own tests write them
 * ({@code pkg/filters/cel_expression_test.go}, {@code container_test.go}), restated on Sluice's events: a case that
 * matches and one that does not, and the refusals.
 */
class TetragonCelFilterTest
{
    private static final String EXEC_OR_EXIT = "(has(process_exec.process) && process_exec.process.pid > uint(1)) "
        + "|| (has(process_exit.process) && process_exit.process.pid > uint(1))";

    private static boolean allow(final String json, final TestEvent event)
    {
        return new ExportFilters(ExportFilters.parse("--export-allowlist", json, TestEvent.CATALOG, new String[0]), List.of())
            .keep(event.view());
    }

    private static String cel(final String... expressions)
    {
        final StringBuilder json = new StringBuilder("{\"cel_expression\":[");
        for (int i = 0; i < expressions.length; i++)
        {
            json.append(i == 0 ? "" : ",").append('"').append(expressions[i].replace("\"", "\\\"")).append('"');
        }
        return json.append("]}").toString();
    }

    private static TestEvent withPid(final String event, final int pid)
    {
        return TestEvent.of(event).ids(1000 + pid, pid, 1000 + pid, pid);
    }

    @Test
    void processExecFilter()
    {
        // TestProcessExecFilter: process_exec.process.pid > uint(1)
        assertFalse(allow(cel("process_exec.process.pid > uint(1)"), withPid("sched_process_exec", 1)));
        assertTrue(allow(cel("process_exec.process.pid > uint(1)"), withPid("sched_process_exec", 2)));
        assertFalse(allow(cel("process_exec.process.pid > uint(1)"), withPid("sched_process_exit", 2)), "another event type");
    }

    @Test
    void processExecExitFilter()
    {
        // TestProcessExecExitFilter
        assertTrue(allow(cel(EXEC_OR_EXIT), withPid("sched_process_exec", 2)));
        assertFalse(allow(cel(EXEC_OR_EXIT), withPid("sched_process_exec", 1)));
        assertTrue(allow(cel(EXEC_OR_EXIT), withPid("sched_process_exit", 2)));
        assertFalse(allow(cel(EXEC_OR_EXIT), withPid("sched_process_exit", 1)));
        assertFalse(allow(cel(EXEC_OR_EXIT), withPid("openat", 2)), "neither an exec nor an exit");
    }

    @Test
    void processKprobeFilterReadsTheSyscallAsFunctionName()
    {
        // TestProcessKprobeFilter: process_kprobe.function_name == 'security_file_permission' (Sluice's kprobes are syscalls)
        assertTrue(allow(cel("process_kprobe.function_name == 'openat'"), TestEvent.of("openat")));
        assertFalse(allow(cel("process_kprobe.function_name == 'openat'"), TestEvent.of("close")));
        assertTrue(allow(cel("process_kprobe.args.exists(a, has(a.string_arg) && a.string_arg.startsWith('/etc/'))"),
            TestEvent.of("openat").str("pathname", "/etc/shadow")));
        assertFalse(allow(cel("process_kprobe.args.exists(a, has(a.string_arg) && a.string_arg.startsWith('/etc/'))"),
            TestEvent.of("openat").str("pathname", "/tmp/x")));
        assertTrue(allow(cel("process_exit.process.pid == uint(9)", "process_kprobe.process.binary == '/usr/bin/curl'"),
            TestEvent.of("connect").exe("/usr/bin/curl")), "any expression of the list");
    }

    @Test
    void badExpressionsAreRefusedAtStartUp()
    {
        // TestInvalidFilter: process_exec.process.bad_field_name == 'curl'
        final ConfigException bad = assertThrows(ConfigException.class,
            () -> allow(cel("process_exec.process.bad_field_name == 'curl'"), TestEvent.of("sched_process_exec")));
        assertTrue(bad.getMessage().contains("cel_expression: 'process_exec.process.bad_field_name == 'curl'': no such field: "
            + "process_exec.process.bad_field_name"), bad.getMessage());
        final ConfigException notBool = assertThrows(ConfigException.class,
            () -> allow(cel("process_exec.process.binary + 'x'"), TestEvent.of("sched_process_exec")));
        assertTrue(notBool.getMessage().contains("wanted bool result type"), notBool.getMessage());
        // TestCIDR / TestIP: Kubernetes' CEL ip() and cidr() are no part of CEL for Java: refused, not answered false
        final ConfigException cidr = assertThrows(ConfigException.class,
            () -> allow(cel("cidr('10.0.0.0/16').containsIP(process_kprobe.args[0].sock_arg.saddr)"), TestEvent.of("connect")));
        assertTrue(cidr.getMessage().contains("cidr"), cidr.getMessage());
    }

    @Test
    void inInitTree()
    {
        // TestInInitTree: {"in_init_tree": true} / false; a process whose tree is unknown is not in it
        final TestEvent init = TestEvent.of("sched_process_exec").container("c1").ids(5000, 1, 5000, 1);
        final TestEvent child = TestEvent.of("sched_process_exec").container("c1").ids(5007, 7, 5007, 7).ancestor(5000, 1, "/sbin/init");
        final TestEvent exec = TestEvent.of("sched_process_exec").container("c1").ids(5009, 9, 5009, 9)
            .ancestor(4900, 4900, "/usr/bin/runc");
        final TestEvent host = TestEvent.of("sched_process_exec").ids(1, 1, 1, 1);
        assertTrue(allow("{\"in_init_tree\":true}", init));
        assertTrue(allow("{\"in_init_tree\":true}", child));
        assertFalse(allow("{\"in_init_tree\":true}", exec), "kubectl exec: its parent is the runtime, on the host");
        assertFalse(allow("{\"in_init_tree\":true}", host), "not in a container");
        assertFalse(allow("{\"in_init_tree\":false}", child));
        assertTrue(allow("{\"in_init_tree\":false}", exec));
        assertTrue(allow("{\"in_init_tree\":false}", host));
        assertTrue(allow("{\"inInitTree\":true}", init), "protojson's spelling");
        assertTrue(allow(cel("process_exec.process.in_init_tree"), child), "and in CEL");
        assertFalse(allow(cel("process_exec.process.in_init_tree"), exec));
        assertThrows(ConfigException.class, () -> allow("{\"in_init_tree\":\"yes\"}", init));
    }
}
