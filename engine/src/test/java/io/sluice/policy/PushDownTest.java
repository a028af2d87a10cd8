package io.sluice.policy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Simple scopes go to the kernel only when every policy has one of that kind (the union of their values);
 * otherwise the engine alone filters. {@code follow} keeps a policy's scopes in the engine.
 */
class PushDownTest
{
    private static PolicySet set(final Policies... policies)
    {
        return new PolicyCompiler(TestEvent.CATALOG).compile(java.util.Arrays.stream(policies).map(Policies::document).toList());
    }

    @Test
    void everyPolicyWithAPidScopeGivesTheUnion()
    {
        final PolicySet set = set(Policies.scope("pid=10,11").named("a").rule("openat"), Policies.scope("pid=12", "uid=0").named("b").rule("execve"));
        assertEquals(List.of(10, 11, 12), set.pushDown().pids());
        assertEquals(List.of(), set.pushDown().uids(), "policy a has no uid scope");
    }

    @Test
    void aGlobalPolicyOrFollowKeepsEverythingInTheEngine()
    {
        assertEquals(List.of(), set(Policies.scope("comm=bash").named("a").rule("openat"), Policies.scope("global").named("b").rule("openat"))
            .pushDown().comms());
        assertEquals(List.of(), set(Policies.scope("comm=bash", "follow").named("a").rule("openat")).pushDown().comms());
        assertEquals(List.of(), set(Policies.scope("comm=ba*").named("a").rule("openat")).pushDown().comms(), "wildcards");
        assertEquals(List.of(), set(Policies.scope("uid>=1000").named("a").rule("openat")).pushDown().uids(), "orderings");
    }
}
