package io.sluice.policy;

import io.sluice.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scope forms of current Tracee's {@code parseScopeFilters} (pkg/cmd/flags/policy.go): {@code pid=new} and
 * {@code pid!=new}, the executable aliases {@code exec}, {@code executable}, {@code bin}, {@code binary},
 * {@code container=started}, {@code container!=new} (a container that is not new), and {@code mntns}/{@code pidns}
 * refusing ordering operators.
 */
class TraceeScopeFormsTest
{
    private static final long START = 1_700_000_000_000_000_000L;

    private static boolean matches(final String scope, final TestEvent event)
    {
        final PolicyDocument document = new PolicyDocument("p", "p.yaml", List.of(scope),
            List.of(new PolicyDocument.Rule("spec.rules[0]", "openat", List.of())));
        return new PolicyCompiler(TestEvent.CATALOG, List.of(), START).compile(List.of(document)).match(event.view()) != 0;
    }

    @Test
    void pidNewSelectsProcessesStartedAfterSluice()
    {
        final TestEvent fresh = TestEvent.of("openat").threadStart(START + 5);
        final TestEvent old = TestEvent.of("openat").threadStart(START - 5);
        assertTrue(matches("pid=new", fresh));
        assertFalse(matches("pid=new", old));
        assertTrue(matches("pid!=new", old));
        assertFalse(matches("pid!=new", fresh));
    }

    @Test
    void everyExecutableAliasSelectsTheBinary()
    {
        final TestEvent ls = TestEvent.of("openat").exe("/usr/bin/ls");
        for (final String key : List.of("exec", "executable", "bin", "binary"))
        {
            assertTrue(matches(key + "=/usr/bin/ls", ls), key);
            assertFalse(matches(key + "=/usr/bin/cat", ls), key);
            assertTrue(matches(key + "!=/usr/bin/cat", ls), key);
        }
    }

    @Test
    void containerStartedSelectsRunningContainers()
    {
        assertTrue(matches("container=started", TestEvent.of("openat").container("abc").running()));
        assertFalse(matches("container=started", TestEvent.of("openat").container("abc")));
        assertFalse(matches("container=started", TestEvent.of("openat")));
    }

    @Test
    void containerNotNewIsAContainerThatIsNotNew()
    {
        assertTrue(matches("container!=new", TestEvent.of("openat").container("abc")));
        assertFalse(matches("container!=new", TestEvent.of("openat").newContainer("abc")));
        assertFalse(matches("container!=new", TestEvent.of("openat")), "a host process is in no container");
    }

    @Test
    void namespaceScopesRefuseOrderingAsTraceeDoes()
    {
        final ConfigException refused = assertThrows(ConfigException.class, () -> matches("mntns>1", TestEvent.of("openat")));
        assertEquals("p.yaml: spec.scope = 'mntns>1': 'mntns' takes = or != only (as in Tracee)", refused.getMessage());
        assertTrue(matches("pidns!=5", TestEvent.of("openat").pidns(4)));
    }

    @Test
    void anUnknownScopeKeyIsRefusedWithFileFieldAndValue()
    {
        final ConfigException refused = assertThrows(ConfigException.class, () -> matches("processName=ls", TestEvent.of("openat")));
        assertTrue(refused.getMessage().startsWith("p.yaml: spec.scope = 'processName=ls': unknown scope key 'processName'"),
            refused.getMessage());
    }
}
