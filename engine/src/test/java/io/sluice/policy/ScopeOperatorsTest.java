package io.sluice.policy;

import io.sluice.process.ProcessTree;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every scope of design §3 with its operators: an event matches a policy when it matches a rule and every scope
 * condition (or, with {@code follow}, every condition holds for the process or one of its ancestors).
 */
class ScopeOperatorsTest
{
    private static final TestEvent OPENAT = TestEvent.of("openat").pid(4242).uid(1000).comm("bash").exe("/usr/bin/bash");

    @Test
    void globalMatchesEveryProcess()
    {
        assertTrue(Policies.scope("global").rule("openat").matches(OPENAT));
    }

    @Test
    void onlyTheRuleEventsMatch()
    {
        assertFalse(Policies.scope("global").rule("execve").matches(OPENAT));
    }

    @Test
    void commEqualsAnyOfItsValues()
    {
        assertTrue(Policies.scope("comm=zsh,bash").rule("openat").matches(OPENAT));
        assertFalse(Policies.scope("comm=zsh").rule("openat").matches(OPENAT));
    }

    @Test
    void commNotEqualsNoneOfItsValues()
    {
        assertFalse(Policies.scope("comm!=zsh,bash").rule("openat").matches(OPENAT));
        assertTrue(Policies.scope("comm!=zsh").rule("openat").matches(OPENAT));
    }

    @Test
    void pidEqualsAndNotEquals()
    {
        assertTrue(Policies.scope("pid=1,4242").rule("openat").matches(OPENAT));
        assertFalse(Policies.scope("pid=1").rule("openat").matches(OPENAT));
        assertTrue(Policies.scope("pid!=1").rule("openat").matches(OPENAT));
        assertFalse(Policies.scope("pid!=4242").rule("openat").matches(OPENAT));
    }

    @Test
    void pidOrderings()
    {
        assertTrue(Policies.scope("pid<4243").rule("openat").matches(OPENAT));
        assertFalse(Policies.scope("pid<4242").rule("openat").matches(OPENAT));
        assertTrue(Policies.scope("pid<=4242").rule("openat").matches(OPENAT));
        assertFalse(Policies.scope("pid<=4241").rule("openat").matches(OPENAT));
        assertTrue(Policies.scope("pid>4241").rule("openat").matches(OPENAT));
        assertFalse(Policies.scope("pid>4242").rule("openat").matches(OPENAT));
        assertTrue(Policies.scope("pid>=4242").rule("openat").matches(OPENAT));
        assertFalse(Policies.scope("pid>=4243").rule("openat").matches(OPENAT));
    }

    @Test
    void uidWithEveryOperator()
    {
        assertTrue(Policies.scope("uid=1000").rule("openat").matches(OPENAT));
        assertFalse(Policies.scope("uid!=1000").rule("openat").matches(OPENAT));
        assertTrue(Policies.scope("uid>=1000").rule("openat").matches(OPENAT));
        assertFalse(Policies.scope("uid>1000").rule("openat").matches(OPENAT));
        assertTrue(Policies.scope("uid<=1000").rule("openat").matches(OPENAT));
        assertFalse(Policies.scope("uid<1000").rule("openat").matches(OPENAT));
        assertFalse(Policies.scope("uid>=1000").rule("openat").matches(TestEvent.of("openat").uid(0)));
    }

    @Test
    void uidsAboveTwoToTheThirtyOneCompareUnsigned()
    {
        assertTrue(Policies.scope("uid>1000").rule("openat").matches(TestEvent.of("openat").uid(-2)), "uid 4294967294 (nobody)");
    }

    @Test
    void executableAndBinaryWithWildcards()
    {
        assertTrue(Policies.scope("executable=/usr/bin/bash").rule("openat").matches(OPENAT));
        assertTrue(Policies.scope("binary=/usr/bin/*").rule("openat").matches(OPENAT));
        assertTrue(Policies.scope("executable=*/bash").rule("openat").matches(OPENAT));
        assertFalse(Policies.scope("executable!=/usr/bin/*").rule("openat").matches(OPENAT));
        assertFalse(Policies.scope("binary=/bin/sh").rule("openat").matches(OPENAT));
    }

    @Test
    void containerAndNotContainer()
    {
        final TestEvent inContainer = TestEvent.of("openat").container("0123456789ab");
        assertTrue(Policies.scope("container").rule("openat").matches(inContainer));
        assertFalse(Policies.scope("container").rule("openat").matches(OPENAT));
        assertTrue(Policies.scope("not-container").rule("openat").matches(OPENAT));
        assertFalse(Policies.scope("not-container").rule("openat").matches(inContainer));
        assertTrue(Policies.scope("container=0123*").rule("openat").matches(inContainer));
        assertFalse(Policies.scope("container=ffff").rule("openat").matches(inContainer));
    }

    @Test
    void containerNewSelectsContainersFirstSeenAfterStart()
    {
        final TestEvent old = TestEvent.of("openat").container("0123456789ab");
        final TestEvent fresh = TestEvent.of("openat").newContainer("fedcba987654");
        assertTrue(Policies.scope("container=new").rule("openat").matches(fresh));
        assertFalse(Policies.scope("container=new").rule("openat").matches(old));
        assertFalse(Policies.scope("container=new").rule("openat").matches(OPENAT), "a host process");
        assertTrue(Policies.scope("container!=new").rule("openat").matches(old));
        assertFalse(Policies.scope("container!=new").rule("openat").matches(OPENAT), "Tracee: a container, not new");
        assertFalse(Policies.scope("container!=new").rule("openat").matches(fresh));
    }

    @Test
    void utsNameWithWildcards()
    {
        final TestEvent event = TestEvent.of("openat").uts("web-7f9c");
        assertTrue(Policies.scope("uts=web-7f9c").rule("openat").matches(event));
        assertTrue(Policies.scope("uts=web-*").rule("openat").matches(event));
        assertFalse(Policies.scope("uts=db-*").rule("openat").matches(event));
        assertTrue(Policies.scope("uts!=db-*").rule("openat").matches(event));
        assertFalse(Policies.scope("uts!=web-7f9c").rule("openat").matches(event));
    }

    @Test
    void mountAndPidNamespaces()
    {
        final TestEvent event = TestEvent.of("openat").mntns(-268435456).pidns(-268435455);
        assertTrue(Policies.scope("mntns=4026531840").rule("openat").matches(event));
        assertFalse(Policies.scope("mntns=4026531841").rule("openat").matches(event));
        assertTrue(Policies.scope("pidns=4026531841").rule("openat").matches(event));
        assertTrue(Policies.scope("pidns!=1").rule("openat").matches(event));
    }

    @Test
    void scopesCombineWithAnd()
    {
        assertTrue(Policies.scope("comm=bash", "uid>=1000", "pid=4242").rule("openat").matches(OPENAT));
        assertFalse(Policies.scope("comm=bash", "uid>=1001").rule("openat").matches(OPENAT));
    }

    @Test
    void treeSelectsAProcessAndItsDescendants() throws Exception
    {
        final ProcessTree tree = ProcessTree.system();
        tree.seed();
        final int self = (int)ProcessHandle.current().pid();
        final int parent = (int)ProcessHandle.current().parent().orElseThrow().pid();
        final EventView event = TestEvent.of("openat").pid(self).view(tree);
        assertTrue(Policies.scope("tree=" + parent).rule("openat").set().match(event) != 0, "a child of the root");
        assertTrue(Policies.scope("tree=" + self).rule("openat").set().match(event) != 0, "the root itself");
        assertTrue(Policies.scope("tree=1").rule("openat").set().match(event) != 0, "everything descends from init");
        assertEquals(0, Policies.scope("tree!=" + parent).rule("openat").set().match(event));
        assertEquals(0, Policies.scope("tree=" + Integer.MAX_VALUE).rule("openat").set().match(event));
    }

    @Test
    void followMatchesDescendantsOfAProcessInScope() throws Exception
    {
        final ProcessTree tree = ProcessTree.system();
        tree.seed();
        final int self = (int)ProcessHandle.current().pid();
        final int parent = (int)ProcessHandle.current().parent().orElseThrow().pid();
        final String parentComm = Files.readString(Path.of("/proc/" + parent + "/comm")).trim();
        final EventView event = TestEvent.of("openat").pid(self).comm("not-the-parent").view(tree);

        assertEquals(0, Policies.scope("comm=" + parentComm).rule("openat").set().match(event), "without follow");
        assertEquals(1, Policies.scope("comm=" + parentComm, "follow").rule("openat").set().match(event), "with follow");
        assertEquals(1, Policies.scope("pid=" + parent, "follow").rule("openat").set().match(event));
        assertEquals("not-the-parent", new String(event.comm(), 0, event.commLength()), "the view is the event's again");
        assertEquals(0, Policies.scope("comm=no-such-comm", "follow").rule("openat").set().match(event));
    }
}
