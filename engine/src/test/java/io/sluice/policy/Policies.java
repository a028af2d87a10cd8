package io.sluice.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles small policies for tests: {@code Policies.scope("comm=bash").rule("openat", "data.pathname=/etc/*")}.
 */
final class Policies
{
    private final List<String> scope;
    private final List<PolicyDocument.Rule> rules = new ArrayList<>();
    private String name = "test-policy";

    private Policies(final List<String> scope)
    {
        this.scope = scope;
    }

    static Policies scope(final String... scope)
    {
        return new Policies(List.of(scope));
    }

    Policies named(final String policyName)
    {
        this.name = policyName;
        return this;
    }

    Policies rule(final String event, final String... filters)
    {
        rules.add(new PolicyDocument.Rule("spec.rules[" + rules.size() + "]", event, List.of(filters)));
        return this;
    }

    PolicyDocument document()
    {
        return new PolicyDocument(name, name + ".yaml", scope, List.copyOf(rules));
    }

    Policy compile()
    {
        return new PolicyCompiler(TestEvent.CATALOG).compile(document());
    }

    PolicySet set()
    {
        return new PolicyCompiler(TestEvent.CATALOG).compile(List.of(document()));
    }

    boolean matches(final TestEvent event)
    {
        return set().match(event.view()) != 0;
    }
}
