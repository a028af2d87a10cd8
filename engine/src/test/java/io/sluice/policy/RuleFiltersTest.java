package io.sluice.policy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every rule-filter form: {@code data.<arg>=} and {@code !=} with exact values and {@code *} prefix, suffix and
 * contains wildcards, integer arguments with every operator, {@code retval<op>N}, and scope filters inside a rule.
 * Filters of one rule combine with AND; rules for one event with OR.
 */
class RuleFiltersTest
{
    private static final TestEvent SHADOW = TestEvent.of("openat").comm("cat").pid(77).uid(0).container("abcdef")
        .int32("dirfd", -100).str("pathname", "/etc/shadow").int32("flags", 0).retval(3);

    private static boolean matches(final String... filters)
    {
        return Policies.scope("global").rule("openat", filters).matches(SHADOW);
    }

    @Test
    void dataEqualsExactValues()
    {
        assertTrue(matches("data.pathname=/etc/passwd,/etc/shadow"));
        assertFalse(matches("data.pathname=/etc/passwd"));
    }

    @Test
    void dataEqualsWithWildcards()
    {
        assertTrue(matches("data.pathname=/etc/*"), "prefix");
        assertTrue(matches("data.pathname=*shadow"), "suffix");
        assertTrue(matches("data.pathname=*c/sha*"), "contains");
        assertFalse(matches("data.pathname=/usr/*"));
        assertFalse(matches("data.pathname=*passwd"));
        assertFalse(matches("data.pathname=*hosts*"));
    }

    @Test
    void dataNotEquals()
    {
        assertFalse(matches("data.pathname!=/etc/*"));
        assertTrue(matches("data.pathname!=/usr/*,*passwd"));
    }

    @Test
    void integerArgumentsWithOperators()
    {
        assertTrue(matches("data.dirfd=-100"));
        assertTrue(matches("data.dirfd<0"));
        assertFalse(matches("data.dirfd>=0"));
        assertTrue(matches("data.flags!=1,2"));
    }

    @Test
    void returnValue()
    {
        assertTrue(matches("retval=3"));
        assertTrue(matches("retval>=0"));
        assertFalse(matches("retval<0"));
        assertTrue(matches("retval!=-1"));
    }

    @Test
    void scopeFiltersInARule()
    {
        assertTrue(matches("comm=cat"));
        assertFalse(matches("comm=bash"));
        assertTrue(matches("pid=77"));
        assertTrue(matches("uid=0"));
        assertFalse(matches("uid>0"));
        assertTrue(matches("containerId=abc*"));
        assertFalse(matches("containerId=xyz"));
        assertTrue(matches("scope.comm=cat"), "Tracee's --events openat.scope.comm= spelling");
    }

    @Test
    void filtersOfARuleCombineWithAnd()
    {
        assertTrue(matches("data.pathname=/etc/*", "comm=cat", "retval>=0"));
        assertFalse(matches("data.pathname=/etc/*", "comm=bash"));
    }

    @Test
    void rulesOfOneEventCombineWithOr()
    {
        assertTrue(Policies.scope("global").rule("openat", "comm=bash").rule("openat", "data.pathname=/etc/shadow").matches(SHADOW));
        assertFalse(Policies.scope("global").rule("openat", "comm=bash").rule("openat", "data.pathname=/tmp/*").matches(SHADOW));
    }

    @Test
    void anEventWithoutTheArgumentDoesNotPass()
    {
        assertFalse(Policies.scope("global").rule("openat", "data.pathname=*").matches(TestEvent.of("openat")));
        assertFalse(Policies.scope("global").rule("openat", "retval=0").matches(TestEvent.of("openat")));
    }
}
