package io.sluice.filter;

import io.sluice.codec.json.EventJsonWriter;
import io.sluice.config.ConfigException;
import io.sluice.policy.EventView;
import io.sluice.policy.TestEvent;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tetragon's field filters over {@code v1beta1.Event}, applied one after another: INCLUDE keeps only the named
 * fields (and the messages they sit in), EXCLUDE drops them; {@code event_set} and {@code invert_event_set} choose
 * the events. Checked on the JSON the events print.
 */
class FieldFiltersTest
{
    private static final TestEvent OPENAT = TestEvent.of("openat").pid(77).comm("cat").exe("/usr/bin/cat")
        .ancestor(1, "/sbin/init").str("pathname", "/etc/hosts");
    private static final TestEvent EXEC = TestEvent.of("sched_process_exec").pid(78).comm("ls").exe("/usr/bin/ls")
        .str("pathname", "/usr/bin/ls");

    private static String json(final String filters, final TestEvent event)
    {
        final FieldFilters fieldFilters = new FieldFilters(FieldFilters.parse("--field-filters", filters, TestEvent.CATALOG),
            TestEvent.CATALOG);
        final int[] length = new int[1];
        final ExpandableArrayBuffer record = event.record(length);
        final EventView view = new EventView(null).wrap(record, 0, length[0]);
        final ExpandableArrayBuffer masked = new ExpandableArrayBuffer();
        final int maskedLength = fieldFilters.apply(view, masked);
        final ExpandableArrayBuffer in = maskedLength == 0 ? record : masked;
        final ExpandableArrayBuffer out = new ExpandableArrayBuffer();
        final int n = new EventJsonWriter(TestEvent.CATALOG).write(in, 0, maskedLength == 0 ? length[0] : maskedLength, out, 0);
        return out.getStringWithoutLengthUtf8(0, n).trim();
    }

    @Test
    void seed004sExampleIncludesSomeFieldsForEveryEventButExecs()
    {
        final String filter = "{\"fields\":\"workload.process.pid,workload.process.executable\", \"event_set\": [\"sched_process_exec\"], "
            + "\"invert_event_set\": true, \"action\": \"INCLUDE\"}";
        assertEquals("{\"workload\":{\"process\":{\"pid\":{\"value\":77},\"executable\":{\"path\":\"/usr/bin/cat\"}}}}", json(filter, OPENAT));
        assertEquals(json("", EXEC), json(filter, EXEC), "execs keep every field");
    }

    @Test
    void excludeDropsAFieldAndWhatIsUnderIt()
    {
        final String all = json("", OPENAT);
        final String noProcess = json("{\"fields\": \"workload.process\", \"action\": \"EXCLUDE\"}", OPENAT);
        assertTrue(all.contains("\"process\"") && !noProcess.contains("\"process\""), noProcess);
        assertTrue(noProcess.startsWith("{\"id\":\"openat\",\"name\":\"openat\",\"workload\":{},\"data\":["), noProcess);
        final String noData = json("{\"fields\": \"data,workload.process.ancestors\", \"action\": \"EXCLUDE\"}", OPENAT);
        assertTrue(!noData.contains("\"data\"") && !noData.contains("ancestors") && noData.contains("\"executable\""), noData);
    }

    @Test
    void withoutTheIdTheNameIsStillTheEventsName()
    {
        assertEquals("{\"name\":\"openat\"}", json("{\"fields\": \"name\", \"action\": \"INCLUDE\"}", OPENAT));
        assertEquals("{\"id\":\"openat\",\"name\":\"openat\"}", json("{\"fields\": \"id,name\", \"action\": \"INCLUDE\"}", OPENAT));
    }

    @Test
    void filtersApplyOneAfterAnother()
    {
        final String filters = "{\"fields\": \"name,data\", \"action\": \"INCLUDE\"}\n{\"fields\": \"data\", \"action\": \"EXCLUDE\", "
            + "\"event_set\": [\"openat\"]}";
        assertEquals("{\"name\":\"openat\"}", json(filters, OPENAT));
        assertEquals("{\"name\":\"sched_process_exec\",\"data\":[{\"name\":\"pathname\",\"str\":\"/usr/bin/ls\"}]}", json(filters, EXEC));
    }

    @Test
    void badFiltersAreRefused()
    {
        assertTrue(refusal("{\"fields\": \"process.binary\", \"action\": \"INCLUDE\"}").startsWith(
            "--field-filters: fields = 'process.binary': unknown field of v1beta1.Event"));
        assertTrue(refusal("{\"fields\": \"data\", \"action\": \"KEEP\"}").contains("action = 'KEEP': expected INCLUDE or EXCLUDE"));
        assertTrue(refusal("{\"fields\": \"data\", \"action\": \"INCLUDE\", \"colour\": 1}").contains("colour: unknown field filter field"));
        assertTrue(refusal("{\"fields\": \"data\", \"action\": \"INCLUDE\", \"event_set\": [\"PROCESS_EXEC\"]}").contains("unknown event"));
    }

    private static String refusal(final String json)
    {
        return assertThrows(ConfigException.class, () -> FieldFilters.parse("--field-filters", json, TestEvent.CATALOG)).getMessage();
    }
}
