package io.sluice.filter.field;

import io.sluice.config.ConfigException;
import io.sluice.policy.TestEvent;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tetragon's field paths in a field filter ({@code process.binary}, {@code parent.*}, {@code pod.*}), read as the
 * {@code v1beta1.Event} paths they stand for: a Tetragon line gives the fields the Sluice spelling gives.
 */
class TetragonFieldPathsTest
{
    @Test
    void tetragonPathsMapToEventPaths()
    {
        assertEquals("workload.process.executable.path", TetragonFieldPaths.toEventPath("process.binary"));
        assertEquals("workload.process.host_pid", TetragonFieldPaths.toEventPath("process.pid"));
        assertEquals("workload.pod.namespace", TetragonFieldPaths.toEventPath("process.pod.namespace"));
        assertEquals("workload.pod.namespace", TetragonFieldPaths.toEventPath("pod.namespace"));
        assertEquals("workload.container.image.name", TetragonFieldPaths.toEventPath("process.pod.container.image.name"));
        assertEquals("workload.process.ancestors", TetragonFieldPaths.toEventPath("parent.binary"));
        assertEquals("workload.process.ancestors", TetragonFieldPaths.toEventPath("ancestors"));
        assertEquals("timestamp", TetragonFieldPaths.toEventPath("time"));
        assertNull(TetragonFieldPaths.toEventPath("process.arguments"), "no v1beta1.Event field holds them");
        assertNull(TetragonFieldPaths.toEventPath("workload.process"), "already a v1beta1.Event path");
    }

    @Test
    void aTetragonLineKeepsWhatItsEventPathsKeep()
    {
        final FieldFilters tetragon = new FieldFilters(FieldFilters.parse("--field-filters",
            "{\"fields\":\"process.binary,process.pid,parent.binary,pod.namespace\",\"action\":\"INCLUDE\"}", TestEvent.CATALOG),
            TestEvent.CATALOG);
        final FieldFilters sluice = new FieldFilters(FieldFilters.parse("--field-filters",
            "{\"fields\":\"workload.process.executable.path,workload.process.host_pid,workload.process.ancestors,"
                + "workload.pod.namespace\",\"action\":\"INCLUDE\"}", TestEvent.CATALOG), TestEvent.CATALOG);
        final int id = TestEvent.CATALOG.byName("sched_process_exec").id();
        assertEquals(sluice.keep(id), tetragon.keep(id));
        assertTrue(tetragon.keep(id) != EventField.ALL);
        assertTrue(assertThrows(ConfigException.class, () -> FieldFilters.parse("--field-filters",
            "{\"fields\":\"process.arguments\",\"action\":\"INCLUDE\"}", TestEvent.CATALOG).size())
            .getMessage().contains("process.arguments"));
    }

    @Test
    void eventSetTakesTetragonTypesAndKeysTheirCamelCase()
    {
        final int exec = TestEvent.CATALOG.byName("sched_process_exec").id();
        final int openat = TestEvent.CATALOG.byName("openat").id();
        final FieldFilters filters = new FieldFilters(FieldFilters.parse("--field-filters",
            "{\"fields\":\"process.binary\",\"action\":\"EXCLUDE\",\"eventSet\":[\"PROCESS_EXEC\"]}", TestEvent.CATALOG),
            TestEvent.CATALOG);
        assertTrue(filters.keep(exec) != EventField.ALL, "execs lose the binary");
        assertEquals(EventField.ALL, filters.keep(openat), "other events keep everything");
        final FieldFilters none = new FieldFilters(FieldFilters.parse("--field-filters",
            "{\"fields\":\"process.binary\",\"action\":\"EXCLUDE\",\"event_set\":[\"PROCESS_LSM\"]}", TestEvent.CATALOG),
            TestEvent.CATALOG);
        assertEquals(EventField.ALL, none.keep(exec), "a type Sluice has no events of applies to no event");
    }
}
