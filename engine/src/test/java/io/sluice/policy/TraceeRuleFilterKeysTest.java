package io.sluice.policy;

import io.sluice.config.ConfigException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every rule filter key of current Tracee's {@code ScopeFilter.Parse} (pkg/filters/scope.go) whose field Sluice's
 * events carry, each matching and not matching; the keys whose field they do not carry, and {@code container=<id>}
 * (which Tracee refuses in a rule), refused with file, field and value.
 */
class TraceeRuleFilterKeysTest
{
    /** A process seen from inside its pid namespace: host pid 4000 is pid 40 there, its parent host 3000 is pid 30. */
    private static final TestEvent EVENT = TestEvent.of("openat").comm("nginx").ids(4000, 40, 4001, 41)
        .ancestor(3000, 30, "/usr/sbin/nginx").uid(101).uts("web-1").syscall("openat").cgroup(0xFFFF_0000_0000_0001L)
        .timestamp(1_700_000_000_000_000_000L).container("c0ffee").containerName("web").image("nginx:1.25").running()
        .pod("prod", "web-7f9c").podUid("0b6c-11ee").str("pathname", "/etc/hosts");

    private static boolean matches(final String filter)
    {
        return Policies.scope("global").rule("openat", filter).matches(EVENT);
    }

    private static void both(final String yes, final String no)
    {
        assertTrue(matches(yes), yes);
        assertFalse(matches(no), no);
    }

    @Test
    void processKeys()
    {
        both("processName=nginx", "processName=bash");
        both("comm=ngin*", "comm!=nginx");
        both("pid=40", "pid=4000");
        both("p=40", "processId>40");
        both("processId<=40", "p!=40");
        both("tid=41", "threadId=4001");
        both("threadId>=41", "tid<41");
        both("ppid=30", "ppid=3000");
        both("parentProcessId=30", "parentProcessId!=30");
        both("hostPid=4000", "hostPid=40");
        both("hostTid=4001", "hostThreadId=41");
        both("hostParentProcessId=3000", "hostParentProcessId=30");
        both("uid=101", "userId=0");
        both("userId>100", "uid<101");
    }

    @Test
    void contextKeys()
    {
        both("hostName=web-1", "hostName=db*");
        both("syscall=openat", "syscall=open");
        both("cgroupId=18446462598732840961", "cgroupId=1");
        assertTrue(matches("cgroupId=0xFFFF000000000001"), "hexadecimal too");
        both("cgroupId>1", "cgroupId<1");
        both("timestamp>1600000000000000000", "timestamp<1600000000000000000");
        both("container", "host");
        both("container=started", "not-container");
    }

    @Test
    void containerAndPodKeys()
    {
        both("containerId=c0f*", "containerId=beef");
        both("containerImage=nginx:*", "containerImage=redis*");
        both("containerName=web", "containerName!=web");
        both("podName=web-*", "podName=db");
        both("podNamespace=prod", "podNamespace=kube-system");
        both("podUid=0b6c-11ee", "podUid!=0b6c-11ee");
    }

    @Test
    void containerKeysPassOnlyEventsInAContainerAsInTracee()
    {
        final TestEvent host = TestEvent.of("openat");
        assertFalse(Policies.scope("global").rule("openat", "containerName!=web").matches(host));
        assertFalse(Policies.scope("global").rule("openat", "podNamespace!=prod").matches(host));
        assertTrue(Policies.scope("global").rule("openat", "host").matches(host));
        assertTrue(Policies.scope("global").rule("openat", "syscall!=close").matches(host.syscall("openat")));
    }

    @Test
    void keysTraceeRefusesOrSluiceCannotApplyAreRefused()
    {
        assertEquals("test-policy.yaml: spec.rules[0] (openat).filters = 'container=c0ffee': a rule filter takes container or "
            + "container=started only, as in Tracee (for one container: containerId=<id>)", refusal("container=c0ffee"));
        assertTrue(refusal("processorId=1").endsWith("Sluice's events do not carry the cpu an event happened on"));
        assertTrue(refusal("podSandbox=true").contains("pod's sandbox"));
        assertTrue(refusal("containerImageDigest=sha256:1").contains("never applies it"));
        assertTrue(refusal("hostname=x").contains("unknown filter key 'hostname'"));
        assertTrue(refusal("processName>x").endsWith("'processName' takes = or != only"));
        assertTrue(refusal("tid=abc").endsWith("'abc' is not an integer"));
    }

    private static String refusal(final String filter)
    {
        return assertThrows(ConfigException.class, () -> matches(filter)).getMessage();
    }

    @Test
    void everyRuleFilterOfTraceesPolicyDocsCompiles()
    {
        // docs/docs/policies/rules.md, "Scope filter" examples, each on sched_process_exec (container=<id> is refused
        // by Tracee's code, pkg/filters/scope.go, though the page shows it; see keysTraceeRefuses...)
        Policies policy = Policies.scope("global");
        for (final String filter : java.util.List.of("pid=1000", "tid=13819", "ppid=1000", "hostTid=1000", "hostPid=1000",
            "hostParentProcessId=1", "uid=0", "mntns=4026531840", "pidns=4026531836", "comm=uname", "hostName=hostname",
            "cgroupId=5247", "containerId=66c2778945e29dfd36532d63c38c2ce4ed1", "containerImage=ubuntu:latest",
            "containerName=test", "podName=daemonset/test", "podNamespace=production",
            "podUid=66c2778945e29dfd36532d63c38c2ce4ed16a002c44cb254b8e"))
        {
            policy = policy.rule("sched_process_exec", filter);
        }
        assertEquals(1, policy.compile().eventIds().length);
        assertTrue(policy.matches(TestEvent.of("sched_process_exec").comm("uname").pid(5)), "comm=uname is one of the rules");
    }
}
