package io.sluice.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The tree answers the pids it looked up last without hashing, and never answers what its pid map would not: a
 * process that exited is gone at once, and a pid taken by a new process answers the new one.
 */
class ProcessTreeLookupTest
{
    private static final byte[] COMM = {'s', 'h'};

    @Test
    void anExitedProcessIsGoneEvenJustAfterItWasLookedUp(@TempDir final Path emptyProc)
    {
        final ProcessTree tree = new ProcessTree(new ProcFs(emptyProc));
        final ProcessEntry parent = tree.getOrCreate(100, 100, 1, 1_000, 0, COMM, COMM.length);
        final ProcessEntry child = tree.onFork(100, 200, 200, 2_000, 0);
        assertSame(child, tree.get(200));
        assertSame(parent, tree.get(100));
        assertSame(child, tree.get(200), "the two last looked up, in either order");

        tree.onExit(200);
        assertNull(tree.get(200), "exited: not answered from the last lookups");
        assertSame(parent, tree.get(100));
        tree.onExit(100);
        assertNull(tree.get(100));
        assertEquals(0, tree.size());
    }

    @Test
    void aReusedPidAnswersTheNewProcess(@TempDir final Path emptyProc)
    {
        final ProcessTree tree = new ProcessTree(new ProcFs(emptyProc));
        tree.getOrCreate(100, 100, 1, 1_000, 0, COMM, COMM.length);
        final ProcessEntry first = tree.getOrCreate(300, 300, 100, 3_000, 0, COMM, COMM.length);
        // a live child keeps the exited entry as its ancestor, so the pid's new process is another entry
        final ProcessEntry grandchild = tree.onFork(300, 400, 400, 3_500, 0);
        assertSame(first, tree.get(300));

        tree.onExit(300);
        final ProcessEntry second = tree.getOrCreate(300, 300, 100, 4_000, 0, COMM, COMM.length);
        assertNotSame(first, second);
        assertSame(second, tree.get(300), "the new process, not the one looked up before");
        assertSame(first, grandchild.parent());
        assertEquals(ProcessEntry.uniqueId(300, 4_000), tree.get(300).uniqueId(), "the new process's identity");
        assertSame(tree.get(100), second.parent());
    }
}
