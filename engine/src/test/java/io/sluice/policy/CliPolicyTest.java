package io.sluice.policy;

import io.sluice.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --events} and {@code --scope} in Tracee's grammar form one implicit policy.
 */
class CliPolicyTest
{
    private static PolicySet policy(final List<String> events, final String... scopes)
    {
        return new PolicyCompiler(TestEvent.CATALOG).compile(List.of(CliPolicy.of(TestEvent.CATALOG, events, List.of(scopes))));
    }

    private static int id(final String name)
    {
        return TestEvent.CATALOG.byName(name).id();
    }

    @Test
    void eventNamesSelectRules()
    {
        final PolicySet set = policy(List.of("openat,execve"));
        assertEquals(Set.of(id("openat"), id("execve")), set.eventIds());
        assertEquals(CliPolicy.NAME, set.names()[0]);
    }

    @Test
    void anEventWithoutFiltersIsDecidedByItsIdAlone()
    {
        final PolicySet plain = policy(List.of("openat,execve"));
        assertFalse(plain.needsEvent(id("openat")), "no scope, no filter: the id is the whole answer");
        assertEquals(1L, plain.matchById(id("openat")));
        assertEquals(0L, plain.matchById(id("connect")), "an event no policy wants");

        final PolicySet filtered = policy(List.of("openat.data.pathname=/etc/*,execve"));
        assertTrue(filtered.needsEvent(id("openat")), "a data filter needs the event");
        assertFalse(filtered.needsEvent(id("execve")));

        final PolicySet scoped = policy(List.of("openat"), "comm=bash");
        assertTrue(scoped.needsEvent(id("openat")), "a scope needs the event");
        assertEquals(0L, scoped.match(TestEvent.of("openat").comm("zsh").view()), "and decides on it");
    }

    @Test
    void aMinusExcludesFromTheDefaultSet()
    {
        final Set<Integer> ids = policy(List.of("-ptrace")).eventIds();
        assertFalse(ids.contains(id("ptrace")));
        assertTrue(ids.contains(id("sched_process_exec")));
    }

    @Test
    void anEventSetNameSelectsItsEvents()
    {
        assertTrue(policy(List.of("net")).eventIds().containsAll(Set.of(id("connect"), id("bind"), id("socket"))));
    }

    @Test
    void dataAndRetvalFiltersKeepTheirCommaSeparatedValues()
    {
        final PolicySet set = policy(List.of("openat.data.pathname=/etc/passwd", "/etc/shadow", "openat.retval>=0"));
        assertEquals(Set.of(id("openat")), set.eventIds());
        assertEquals(1, set.match(TestEvent.of("openat").str("pathname", "/etc/shadow").retval(3).view()));
        assertEquals(0, set.match(TestEvent.of("openat").str("pathname", "/etc/shadow").retval(-2).view()));
        assertEquals(0, set.match(TestEvent.of("openat").str("pathname", "/etc/hosts").retval(3).view()));
    }

    @Test
    void scopeFlagsFormTheScope()
    {
        final PolicySet set = policy(List.of("openat"), "comm=bash", "uid>=1000");
        assertEquals(1, set.match(TestEvent.of("openat").comm("bash").uid(1000).view()));
        assertEquals(0, set.match(TestEvent.of("openat").comm("bash").uid(0).view()));
        assertEquals(List.of("bash"), set.pushDown().comms(), "comm= goes to the kernel");
    }

    @Test
    void scopeAloneTracesTheDefaultSet()
    {
        assertTrue(policy(List.of(), "follow").eventIds().contains(id("sched_process_exec")));
    }

    @Test
    void unknownNamesAreRefusedNamingTheFlag()
    {
        assertEquals("--events: events = 'opnat': unknown event or event set (see 'sluice list')",
            assertThrows(ConfigException.class, () -> policy(List.of("openat,opnat"))).getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> policy(List.of("openat"), "colour=red")).getMessage()
            .startsWith("--events/--scope: spec.scope = 'colour=red': unknown scope key"));
    }

    @Test
    void traceePatternsSelectEventsOnTheCommandLine()
    {
        assertEquals(Set.of(id("sched_process_fork"), id("sched_process_exec"), id("sched_process_exit")),
            policy(List.of("sched_process_*")).eventIds());
        assertEquals(Set.of(id("sched_process_exit")), policy(List.of("sched_process_*.scope.comm=bash", "-sched_process_fork",
            "-sched_process_exec")).eventIds());
        final Set<Integer> fs = new java.util.HashSet<>();
        TestEvent.CATALOG.eventsNamed("fs").forEach(event -> fs.add(event.id()));
        assertEquals(fs, policy(List.of("tag=fs")).eventIds());
        final List<ThreatMetadata> threats = List.of(new ThreatMetadata("anti_debugging", "Anti-Debugging detected", 1,
            "Defense Evasion", "T1622"));
        final PolicySet threat = new PolicyCompiler(TestEvent.CATALOG).compile(List.of(CliPolicy.of(TestEvent.CATALOG, threats,
            List.of("threat.mitre.technique=T1622"), List.of())));
        assertEquals(Set.of(id("anti_debugging")), threat.eventIds());
        assertEquals("--events: events = 'threat.severity=critical': no detector matches the threat pattern",
            assertThrows(ConfigException.class, () -> CliPolicy.of(TestEvent.CATALOG, threats, List.of("threat.severity=critical"),
                List.of())).getMessage());
    }
}
