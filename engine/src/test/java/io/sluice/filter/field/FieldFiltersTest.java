package io.sluice.filter.field;

import io.sluice.codec.json.EventJsonWriter;
import io.sluice.codec.proto.EventProtoEncoder;
import io.sluice.config.ConfigException;
import io.sluice.policy.EventView;
import io.sluice.policy.TestEvent;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.Process;
import io.sluice.proto.v1beta1.StackAddress;
import io.sluice.proto.v1beta1.Thread;
import io.sluice.proto.v1beta1.UserStackTrace;
import io.sluice.proto.v1beta1.Workload;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tetragon's field filters over {@code v1beta1.Event}, applied one after another: INCLUDE keeps only the named
 * fields (and the messages they sit in), EXCLUDE drops them; {@code event_set} and {@code invert_event_set} choose
 * the events. Checked on the JSON the events print ({@link FieldMaskDifferentialTest} checks it against protobuf's
 * {@code FieldMaskUtil} over generated events and masks).
 */
class FieldFiltersTest
{
    private static final TestEvent OPENAT = TestEvent.of("openat").pid(77).comm("cat").exe("/usr/bin/cat")
        .ancestor(1, "/sbin/init").str("pathname", "/etc/hosts");
    private static final TestEvent EXEC = TestEvent.of("sched_process_exec").pid(78).comm("ls").exe("/usr/bin/ls")
        .str("pathname", "/usr/bin/ls");

    private static String json(final String filters, final TestEvent event)
    {
        final int[] length = new int[1];
        final ExpandableArrayBuffer record = event.record(length);
        return json(filters, record, length);
    }

    private static String json(final String filters, final Event event)
    {
        final ExpandableArrayBuffer record = new ExpandableArrayBuffer();
        return json(filters, record, new int[]{new EventProtoEncoder(TestEvent.CATALOG).encode(event, record, 0)});
    }

    private static String json(final String filters, final ExpandableArrayBuffer record, final int[] length)
    {
        final FieldFilters fieldFilters = new FieldFilters(FieldFilters.parse("--field-filters", filters, TestEvent.CATALOG),
            TestEvent.CATALOG);
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
    void aUserStackIsDroppedWholeOrLeftEmpty()
    {
        final UserStackTrace stack = UserStackTrace.newBuilder()
            .addAddresses(StackAddress.newBuilder().setAddress(0x7f00_0000_1000L)).build();
        final Event event = Event.newBuilder().setName("openat").setWorkload(Workload.newBuilder().setProcess(
            Process.newBuilder().setThread(Thread.newBuilder().setName("cat").setUserStackTrace(stack)))).build();
        assertEquals("{\"name\":\"openat\",\"workload\":{\"process\":{\"thread\":{\"name\":\"cat\","
            + "\"user_stack_trace\":{\"addresses\":[{\"address\":\"139637976731648\"}]}}}}}", json("", event));
        assertEquals("{\"name\":\"openat\",\"workload\":{\"process\":{\"thread\":{\"name\":\"cat\"}}}}",
            json("{\"fields\": \"workload.process.thread.user_stack_trace\", \"action\": \"EXCLUDE\"}", event));
        assertEquals("{\"name\":\"openat\",\"workload\":{\"process\":{\"thread\":{\"name\":\"cat\","
            + "\"user_stack_trace\":{}}}}}",
            json("{\"fields\": \"workload.process.thread.user_stack_trace.addresses\", \"action\": \"EXCLUDE\"}",
                event));
        assertEquals("{\"workload\":{\"process\":{\"thread\":{\"user_stack_trace\":{\"addresses\":"
            + "[{\"address\":\"139637976731648\"}]}}}}}",
            json("{\"fields\": \"workload.process.thread.user_stack_trace\", \"action\": \"INCLUDE\"}", event));
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
    void anyFieldPathCanBeNamedDownToTheLeaves()
    {
        assertEquals("{\"workload\":{\"process\":{\"pid\":{\"value\":77},\"real_user\":{\"id\":{}},\"host_pid\":{\"value\":77}}}}",
            json("{\"fields\": \"workload.process.pid,workload.process.real_user,workload.process.host_pid.value\", \"action\": \"INCLUDE\"}"
                + "\n{\"fields\": \"workload.process.real_user.id.value\", \"action\": \"EXCLUDE\"}", OPENAT));
        assertEquals("{\"workload\":{\"process\":{\"thread\":{\"name\":\"cat\"},\"executable\":{}}}}",
            json("{\"fields\": \"workload.process.thread.name,workload.process.executable\", \"action\": \"INCLUDE\"}"
                + "\n{\"fields\": \"workload.process.executable.path\", \"action\": \"EXCLUDE\"}", OPENAT));
    }

    @Test
    void includingALeafOfAnAbsentMessageDoesNotMakeItAppear()
    {
        // the event has a workload and a process, but no container, thread start time or threat: as FieldMaskUtil.merge,
        // the present messages on the way stay (and print as {}), the absent ones stay absent
        assertEquals("{\"workload\":{\"process\":{\"thread\":{}}}}", json("{\"fields\": \"workload.container.image.name,"
            + "workload.process.thread.start_time.seconds,threat.mitre.tactic.name,detected_from.name\", \"action\": \"INCLUDE\"}", OPENAT));
    }

    @Test
    void withoutTheNameTheIdStaysAlone()
    {
        assertEquals("{\"id\":\"openat\"}", json("{\"fields\": \"id,name\", \"action\": \"INCLUDE\"}\n"
            + "{\"fields\": \"name\", \"action\": \"EXCLUDE\"}", OPENAT));
    }

    @Test
    void detectedFromIsAnEventToo()
    {
        final Event detection = Event.newBuilder().setIdValue(TestEvent.CATALOG.byName("anti_debugging").id())
            .setDetectedFrom(Event.newBuilder().setIdValue(TestEvent.CATALOG.byName("ptrace").id())
                .addData(EventValue.newBuilder().setName("request").setStr("PTRACE_TRACEME")))
            .build();
        final String all = json("", detection);
        assertTrue(all.contains("\"detected_from\":{\"id\":\"ptrace\",\"name\":\"ptrace\",\"data\":[{\"name\":\"request\""), all);
        assertEquals("{\"detected_from\":{\"name\":\"ptrace\"}}",
            json("{\"fields\": \"detected_from.name\", \"action\": \"INCLUDE\"}", detection));
        assertEquals("{\"detected_from\":{\"id\":\"ptrace\",\"data\":[{\"name\":\"request\",\"str\":\"PTRACE_TRACEME\"}]}}",
            json("{\"fields\": \"detected_from\", \"action\": \"INCLUDE\"}\n{\"fields\": \"detected_from.name\", \"action\": \"EXCLUDE\"}",
                detection));
        // valid paths of the Event that detected_from is, which the record never carries: the message stays, empty
        assertEquals("{\"detected_from\":{}}", json("{\"fields\": \"detected_from.workload.process.pid,"
            + "detected_from.detected_from.id\", \"action\": \"INCLUDE\"}", detection));
        assertEquals(all, json("{\"fields\": \"detected_from.threat,detected_from.timestamp.seconds\", \"action\": \"EXCLUDE\"}",
            detection));
    }

    @Test
    void whatAFilterDropsIsClearedFromTheRecordNotOnlyHidden()
    {
        final int[] length = new int[1];
        final ExpandableArrayBuffer record = OPENAT.record(length);
        final ExpandableArrayBuffer masked = new ExpandableArrayBuffer();
        final FieldFilters dropProcess = new FieldFilters(FieldFilters.parse("--field-filters",
            "{\"fields\": \"workload.process\", \"action\": \"EXCLUDE\"}", TestEvent.CATALOG), TestEvent.CATALOG);
        final int maskedLength = dropProcess.apply(new EventView(null).wrap(record, 0, length[0]), masked);
        EventView view = new EventView(null).wrap(masked, 0, maskedLength);
        assertEquals(0, view.executableLength(), "a journal stores the record: the executable is written nowhere");
        assertEquals(0, view.pid());
        assertEquals(0, view.ancestorCount());
        final byte[] bytes = new byte[maskedLength];
        masked.getBytes(0, bytes);
        assertFalse(new String(bytes, StandardCharsets.ISO_8859_1).contains("/usr/bin/cat"));

        final FieldFilters dropPath = new FieldFilters(FieldFilters.parse("--field-filters",
            "{\"fields\": \"workload.process.executable.path,workload.process.pid.value\", \"action\": \"EXCLUDE\"}",
            TestEvent.CATALOG), TestEvent.CATALOG);
        view = new EventView(null).wrap(masked, 0, dropPath.apply(new EventView(null).wrap(record, 0, length[0]), masked));
        assertEquals(0, view.executableLength());
        assertEquals(0, view.pid());
        assertEquals(1, view.ancestorCount(), "what was not named stays");
    }

    @Test
    void badFiltersAreRefused()
    {
        assertTrue(refusal("{\"fields\": \"process.arguments\", \"action\": \"INCLUDE\"}").startsWith(
            "--field-filters: fields = 'process.arguments': unknown field of v1beta1.Event"));
        assertTrue(refusal("{\"fields\": \"data.name\", \"action\": \"EXCLUDE\"}").startsWith(
            "--field-filters: fields = 'data.name': unknown field of v1beta1.Event: data is repeated, it can only be named whole"));
        assertTrue(refusal("{\"fields\": \"id,workload.process.ancestors.pid\", \"action\": \"INCLUDE\"}").contains(
            "fields = 'workload.process.ancestors.pid': unknown field of v1beta1.Event: workload.process.ancestors is repeated"));
        assertTrue(refusal("{\"fields\": \"workload.process.unique_id.x\", \"action\": \"INCLUDE\"}").contains(
            "fields = 'workload.process.unique_id.x': unknown field of v1beta1.Event: workload.process.unique_id has no fields"));
        assertTrue(refusal("{\"fields\": \"data\", \"action\": \"KEEP\"}").contains("action = 'KEEP': expected INCLUDE or EXCLUDE"));
        assertTrue(refusal("{\"fields\": \"data\", \"action\": \"INCLUDE\", \"colour\": 1}").contains("colour: unknown field filter field"));
        assertTrue(refusal("{\"fields\": \"data\", \"action\": \"INCLUDE\", \"event_set\": [\"PROCESS_EXECVE\"]}").contains("unknown event"));
    }

    private static String refusal(final String json)
    {
        return assertThrows(ConfigException.class, () -> FieldFilters.parse("--field-filters", json, TestEvent.CATALOG)).getMessage();
    }
}
