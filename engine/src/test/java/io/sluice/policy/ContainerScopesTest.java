package io.sluice.policy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A policy set scopes containers, as Tracee's {@code ContainerFilterEnabled} says, when a policy's scope selects
 * processes in containers: {@code container}, {@code container=new}, {@code container=<id>}, {@code containerId=...}
 * ({@code !=} included); not for {@code not-container}, {@code container!=new}, rule filters or other scopes. Tracee's
 * table then shows its container columns.
 */
class ContainerScopesTest
{
    @Test
    void containerScopesAreFound()
    {
        for (final String scope : List.of("container", "container=new", "container=abc123", "containerId=abc*",
            "containerId!=abc*"))
        {
            assertTrue(Policies.scope(scope).rule("openat").set().scopesContainers(), scope);
        }
    }

    @Test
    void otherScopesAndRuleFiltersAreNot()
    {
        for (final String scope : List.of("global", "not-container", "container!=new", "comm=bash", "uts=web*"))
        {
            assertFalse(Policies.scope(scope).rule("openat").set().scopesContainers(), scope);
        }
        assertFalse(Policies.scope("global").rule("openat", "containerId=abc").set().scopesContainers());
    }

    @Test
    void onePolicyOfSeveralIsEnough()
    {
        final PolicySet set = new PolicyCompiler(TestEvent.CATALOG).compile(List.of(
            Policies.scope("global").named("all").rule("openat").document(),
            Policies.scope("container").named("boxed").rule("execve").document()));
        assertTrue(set.scopesContainers());
    }
}
