package io.sluice.filter.export;

import io.sluice.filter.lineage.LineageMarker;
import io.sluice.policy.EventView;
import io.sluice.policy.TestEvent;
import io.sluice.process.ProcessTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The export filter fields that need the whole lineage ({@code pid_set}, {@code ancestor_binary_regex},
 * {@code arguments_regex}, {@code parent_arguments_regex}) answered from a real process tree: a shell started with a
 * marker argument runs {@code sleep} as its child, and an event of that {@code sleep} is judged by its ancestry.
 * Then the same conditions as a stream thread sees them: a bit of the record's lineage marks.
 */
class LineageConditionTest
{
    private Process shell;
    private int shellPid;
    private int sleepPid;
    private ProcessTree tree;

    @TempDir
    Path dir;

    /** The shell runs from a copy of its own name, so that no other ancestor (the build's shells) has its path. */
    @BeforeEach
    void startAShellWithAChild() throws Exception
    {
        final Path sh = Files.copy(Path.of("/bin/sh"), dir.resolve("lineage-parent-sh"));
        sh.toFile().setExecutable(true);
        shell = new ProcessBuilder(sh.toString(), "-c", "sleep 60; true", "lineage-marker-7431").start();
        shellPid = (int)shell.pid();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sleepPid == 0 && System.nanoTime() < deadline)
        {
            sleepPid = shell.children().findFirst().map(child -> (int)child.pid()).orElse(0);
            Thread.sleep(10);
        }
        tree = ProcessTree.system();
        tree.seed();
    }

    @AfterEach
    void stop()
    {
        shell.descendants().forEach(ProcessHandle::destroyForcibly);
        shell.destroyForcibly();
    }

    private boolean allow(final String json)
    {
        final ExportFilters filters = new ExportFilters(ExportFilters.parse("--export-allowlist", json, TestEvent.CATALOG,
            new String[0]), List.of());
        final LineageMarker marker = LineageMarker.assign(filters.lineageConditions());
        final EventView view = TestEvent.of("openat").pid(sleepPid).exe("/usr/bin/sleep").view(tree);
        marker.mark(view);
        return filters.keep(view);
    }

    @Test
    void pidSetHoldsForEveryDescendant()
    {
        assertTrue(allow("{\"pid_set\": [" + shellPid + "]}"), "the shell's child");
        assertTrue(allow("{\"pid_set\": [1]}"), "every process descends from pid 1");
        assertTrue(allow("{\"pid_set\": [" + sleepPid + "]}"), "the process itself");
        assertFalse(allow("{\"pid_set\": [" + ProcessHandle.current().pid() + "999]}"));
    }

    @Test
    void ancestorBinaryLooksAtTheAncestorsBeyondTheParent()
    {
        assertFalse(allow("{\"ancestor_binary_regex\": [\"lineage-parent-sh$\"]}"), "the parent is not beyond the parent");
        assertTrue(allow("{\"ancestor_binary_regex\": [\"java$\"]}"), "this JVM is an ancestor too");
        assertFalse(allow("{\"ancestor_binary_regex\": [\"sleep$\"]}"), "the process itself is not its ancestor");
    }

    @Test
    void argumentsAndParentArgumentsComeFromTheTree()
    {
        assertTrue(allow("{\"arguments_regex\": [\"^60$\"]}"), "sleep's arguments after argv[0]");
        assertFalse(allow("{\"arguments_regex\": [\"sleep\"]}"), "argv[0] is not an argument");
        assertTrue(allow("{\"parent_arguments_regex\": [\"^-c \\\"sleep 60; true\\\" lineage-marker-7431$\"]}"),
            "the shell's, joined as Tetragon joins them (an argument with a space quoted)");
        assertFalse(allow("{\"parent_arguments_regex\": [\"^60$\"]}"));
    }

    @Test
    void streamThreadsReadTheBitTheIngestThreadWrote()
    {
        final ExportFilters streamFilters = new ExportFilters(ExportFilters.parse("streams.s.filters.allow",
            "{\"pid_set\": [" + shellPid + "]}\n{\"parent_arguments_regex\": [\"nothing-like-this\"]}", TestEvent.CATALOG,
            new String[0]), List.of());
        final LineageMarker marker = LineageMarker.assign(streamFilters.lineageConditions());
        final int[] length = new int[1];
        final var record = TestEvent.of("openat").pid(sleepPid).record(length);
        final long marks = marker.mark(new EventView(tree).wrap(record, 0, length[0]));
        assertEquals(0b01, marks, "pid_set held, parent_arguments_regex did not");

        final EventView streamView = new EventView(null).wrap(record, 0, length[0]);
        assertEquals(0b01, streamView.lineageMarks(), "written into the record");
        assertTrue(streamFilters.keep(streamView), "a stream without the tree still sees the whole lineage");
    }

    @Test
    void withoutATreeOnlyTheRecordIsKnown()
    {
        final ExportFilters filters = new ExportFilters(ExportFilters.parse("--export-allowlist",
            "{\"parent_arguments_regex\": [\".\"]}", TestEvent.CATALOG, new String[0]), List.of());
        final EventView view = TestEvent.of("openat").pid(sleepPid).ancestor(shellPid, "/bin/sh").view();
        LineageMarker.assign(filters.lineageConditions()).mark(view);
        assertFalse(filters.keep(view), "no tree, no parent arguments");
    }
}
