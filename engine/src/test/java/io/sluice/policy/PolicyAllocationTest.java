package io.sluice.policy;

import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Evaluating 64 policies (every scope and filter kind) decodes the event once and allocates nothing per event.
 */
class PolicyAllocationTest
{
    private static final int EVALUATIONS = 200_000;
    private static final long SLACK_BYTES = 4096;

    /** 64 policies over openat, execve and ptrace with scopes and filters of every kind. */
    static List<PolicyDocument> sixtyFourPolicies()
    {
        final String[][] scopes = {
            {"global"}, {"comm=bash,cat"}, {"uid>=1000"}, {"pid!=1"}, {"executable=/usr/bin/*"}, {"not-container"},
            {"comm!=sshd", "uid<65534"}, {"mntns!=0"}};
        final String[][] filters = {
            {}, {"data.pathname=/etc/*"}, {"data.pathname=*shadow*"}, {"retval<0"}, {"data.flags!=0", "retval>=0"},
            {"comm=cat"}, {"data.pathname!=*.so"}, {"containerId!=abc*"}};
        final List<PolicyDocument> documents = new ArrayList<>();
        for (int i = 0; i < 64; i++)
        {
            documents.add(new PolicyDocument("policy-" + i, "p" + i + ".yaml", List.of(scopes[i % scopes.length]), List.of(
                new PolicyDocument.Rule("spec.rules[0]", "openat", List.of(filters[(i / 8) % filters.length])),
                new PolicyDocument.Rule("spec.rules[1]", i % 2 == 0 ? "execve" : "ptrace", List.of()))));
        }
        return documents;
    }

    @Test
    void sixtyFourPoliciesAllocateNothingPerEvent()
    {
        final PolicySet set = new PolicyCompiler(TestEvent.CATALOG).compile(sixtyFourPolicies());
        final int[] length = new int[1];
        final ExpandableArrayBuffer cat = TestEvent.of("openat").comm("cat").uid(1000).exe("/usr/bin/cat")
            .int32("dirfd", -100).str("pathname", "/etc/shadow").int32("flags", 0).retval(3).record(length);
        final int catLength = length[0];
        final ExpandableArrayBuffer exec = TestEvent.of("execve").comm("bash").uid(0).str("pathname", "/bin/ls").record(length);
        final int execLength = length[0];
        final EventView view = new EventView(null);
        long checksum = 0;
        for (int i = 0; i < EVALUATIONS; i++)
        {
            checksum += set.match(view.wrap(cat, 0, catLength)) + set.match(view.wrap(exec, 0, execLength));
        }
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long threadId = Thread.currentThread().getId();
        final long before = threads.getThreadAllocatedBytes(threadId);
        for (int i = 0; i < EVALUATIONS; i++)
        {
            checksum += set.match(view.wrap(cat, 0, catLength)) + set.match(view.wrap(exec, 0, execLength));
        }
        final long allocated = threads.getThreadAllocatedBytes(threadId) - before;
        assertTrue(checksum != 0);
        assertTrue(allocated < SLACK_BYTES, "allocated " + allocated + " bytes over " + 2 * EVALUATIONS + " events");
    }
}
