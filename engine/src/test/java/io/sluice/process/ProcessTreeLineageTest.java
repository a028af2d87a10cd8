package io.sluice.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * A lineage is walked by reference: an ancestor that exited stays reachable while it has live descendants (a double
 * fork does not cut a daemon off), a pid reused by a new process does not adopt the old one's children, and entries
 * no one needs any more are released.
 */
class ProcessTreeLineageTest
{
    private static final byte[] COMM = {'s', 'h'};

    @Test
    void aDoubleForkKeepsTheExitedMiddleAsAnAncestor(@TempDir final Path emptyProc)
    {
        final ProcessTree tree = new ProcessTree(new ProcFs(emptyProc));
        final ProcessEntry root = tree.getOrCreate(100, 100, 1, 1_000, 0, COMM, COMM.length);
        final ProcessEntry middle = tree.onFork(100, 200, 200, 2_000, 0);
        final ProcessEntry daemon = tree.onFork(200, 300, 300, 3_000, 0);
        assertSame(root, middle.parent());
        assertSame(middle, daemon.parent());

        tree.onExit(200);
        assertNull(tree.get(200), "the middle left the pid map");
        assertSame(middle, tree.get(300).parent(), "but is still the daemon's parent");
        assertEquals(200, tree.get(300).parent().hostPid());
        assertSame(root, tree.get(300).parent().parent());

        final ProcessEntry stranger = tree.onFork(100, 200, 200, 4_000, 0);
        assertNotSame(stranger, tree.get(300).parent(), "pid 200 reused: the daemon keeps its own ancestor");
        assertSame(middle, tree.get(300).parent());

        tree.onExit(300);
        assertNull(tree.get(300));
        final ProcessEntry reused = tree.onFork(100, 400, 400, 5_000, 0);
        assertSame(root, reused.parent());
        assertEquals(2, root.children, "the stranger and the newest child: the middle was released with the daemon");
    }
}
