package io.sluice.detect;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.proto.EventProtoDecoder;
import io.sluice.codec.proto.EventProtoEncoder;
import io.sluice.policy.EventView;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.Executable;
import io.sluice.proto.v1beta1.Process;
import io.sluice.proto.v1beta1.Severity;
import io.sluice.proto.v1beta1.StackAddress;
import io.sluice.proto.v1beta1.Thread;
import io.sluice.proto.v1beta1.Threat;
import io.sluice.proto.v1beta1.UInt32Value;
import io.sluice.proto.v1beta1.UserStackTrace;
import io.sluice.proto.v1beta1.Workload;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each shipped detector: what raises it, what does not, and the MITRE facts its event carries in {@code threat},
 * with the triggering event in {@code detected_from}.
 */
class DetectorsTest
{
    private static final EventCatalog CATALOG = EventCatalog.standard();

    private static Event.Builder event(final String name, final EventValue... data)
    {
        return Event.newBuilder().setIdValue(CATALOG.byName(name).id()).setWorkload(Workload.newBuilder().setProcess(
            Process.newBuilder().setThread(Thread.newBuilder().setName("victim").setSyscall(name))
                .setPid(UInt32Value.newBuilder().setValue(4321)).setExecutable(Executable.newBuilder().setPath("/tmp/victim"))))
            .addAllData(List.of(data));
    }

    private static EventValue int64(final String name, final long value)
    {
        return EventValue.newBuilder().setName(name).setInt64(value).build();
    }

    private static EventValue str(final String name, final String value)
    {
        return EventValue.newBuilder().setName(name).setStr(value).build();
    }

    /** @return the detection the event raises, decoded, or null. */
    private static Event detect(final String detector, final Event.Builder trigger)
    {
        final DetectorSet set = DetectorSet.wanted(CATALOG, Set.of(CATALOG.byName(detector).id()));
        final ExpandableArrayBuffer record = new ExpandableArrayBuffer();
        final int length = new EventProtoEncoder(CATALOG).encode(trigger.build(), record, 0);
        final EventView view = new EventView(null).wrap(record, 0, length);
        final ExpandableArrayBuffer out = new ExpandableArrayBuffer();
        for (int k = 0; k < set.watching(view.eventId()); k++)
        {
            final int detection = set.detect(k, view, out);
            if (detection > 0)
            {
                return new EventProtoDecoder(CATALOG).decode(out, 0, detection);
            }
        }
        return null;
    }

    private static void assertThreat(final Event detection, final String event, final Severity severity, final String tactic,
        final String techniqueId, final String techniqueName, final String signatureId)
    {
        assertEquals(event, detection.getName());
        assertTrue(detection.getIdValue() >= EventCatalog.FIRST_DETECTOR_ID);
        final Threat threat = detection.getThreat();
        assertEquals(severity, threat.getSeverity());
        assertEquals(tactic, threat.getMitre().getTactic().getName());
        assertEquals(techniqueId, threat.getMitre().getTechnique().getExternalId());
        assertEquals(techniqueName, threat.getMitre().getTechnique().getName());
        assertEquals(signatureId, threat.getPropertiesMap().get("id"));
        assertEquals(event, threat.getPropertiesMap().get("signatureID"));
        assertTrue(!threat.getName().isEmpty() && !threat.getDescription().isEmpty());
        assertEquals(4321, detection.getWorkload().getProcess().getPid().getValue(), "the trigger's workload");
        assertEquals(0, detection.getDataCount());
    }

    @Test
    void antiDebuggingIsPtraceTraceme()
    {
        final Event detection = detect("anti_debugging",
            event("ptrace", int64("request", 0), EventValue.newBuilder().setName("pid").setInt32(0).build()));
        assertThreat(detection, "anti_debugging", Severity.LOW, "Defense Evasion", "T1622", "Debugger Evasion", "TRC-102");
        assertEquals("ptrace", detection.getDetectedFrom().getName());
        assertEquals(102, detection.getDetectedFrom().getIdValue());
        assertEquals(int64("request", 0), detection.getDetectedFrom().getData(0));
        assertNull(detect("anti_debugging", event("ptrace", int64("request", 16))), "PTRACE_ATTACH is debugging, not evasion");
    }

    @Test
    void aDetectionKeepsTheUserStackOfTheThreadThatCausedIt()
    {
        final UserStackTrace stack = UserStackTrace.newBuilder()
            .addAddresses(StackAddress.newBuilder().setAddress(0x5555_0000_1234L))
            .addAddresses(StackAddress.newBuilder().setAddress(0x7f00_0000_5678L)).build();
        final Event.Builder trigger = event("openat", str("pathname", "/etc/shadow"));
        trigger.getWorkloadBuilder().getProcessBuilder().getThreadBuilder().setUserStackTrace(stack);
        final Event detection = detect("shadow_file_access", trigger);
        assertEquals(stack, detection.getWorkload().getProcess().getThread().getUserStackTrace());
        assertEquals("victim", detection.getWorkload().getProcess().getThread().getName(), "the fields before it too");
    }

    @Test
    void filelessExecutionIsAnExecFromMemory()
    {
        final Event detection = detect("fileless_execution", event("sched_process_exec", str("cmdpath", "/proc/self/fd/3"),
            str("pathname", "/memfd:payload (deleted)")));
        assertThreat(detection, "fileless_execution", Severity.HIGH, "Defense Evasion", "T1620", "Reflective Code Loading", "TRC-105");
        assertEquals("sched_process_exec", detection.getDetectedFrom().getName());
        assertTrue(detect("fileless_execution", event("sched_process_exec", str("pathname", "/dev/shm/x"))) != null);
        assertNull(detect("fileless_execution", event("sched_process_exec", str("pathname", "/usr/bin/ls"))));
    }

    @Test
    void kernelModuleLoadingIsInitOrFinitModule()
    {
        final Event detection = detect("kernel_module_loading", event("finit_module",
            EventValue.newBuilder().setName("fd").setInt32(3).build(), int64("returnValue", 0)));
        assertThreat(detection, "kernel_module_loading", Severity.HIGH, "Persistence", "T1547.006",
            "Boot or Logon Autostart Execution: Kernel Modules and Extensions", "TRC-1017");
        assertTrue(detect("kernel_module_loading", event("init_module", int64("returnValue", 0))) != null);
        assertNull(detect("kernel_module_loading", event("finit_module", int64("returnValue", -1))), "a failed load");
    }

    @Test
    void shadowFileAccessIsAnOpenOfEtcShadow()
    {
        final Event detection = detect("shadow_file_access", event("openat", str("pathname", "/etc/shadow")));
        assertThreat(detection, "shadow_file_access", Severity.MEDIUM, "Credential Access", "T1003.008",
            "OS Credential Dumping: /etc/passwd and /etc/shadow", "SLC-1");
        assertEquals(str("pathname", "/etc/shadow"), detection.getDetectedFrom().getData(0));
        assertTrue(detect("shadow_file_access", event("openat2", str("pathname", "/etc/gshadow"))) != null);
        assertNull(detect("shadow_file_access", event("openat", str("pathname", "/etc/passwd"))));
    }

    @Test
    void detectorEventsAreInTheCatalogFromSixThousand()
    {
        for (final Detector detector : DetectorSet.standard())
        {
            assertTrue(CATALOG.byName(detector.eventName()).id() >= EventCatalog.FIRST_DETECTOR_ID, detector.eventName());
        }
    }

    @Test
    void wantedDetectorsAddTheirInputsToTheKernelSelection()
    {
        final List<String> names = DetectorSet.kernelEvents(CATALOG, Set.of(CATALOG.byName("anti_debugging").id(),
            CATALOG.byName("sched_process_exec").id())).stream().map(e -> e.name()).toList();
        assertEquals(List.of("ptrace", "sched_process_exec"), names);
    }
}
