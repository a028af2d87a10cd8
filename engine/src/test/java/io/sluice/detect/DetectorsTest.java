package io.sluice.detect;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.Severity;
import io.sluice.proto.v1beta1.StackAddress;
import io.sluice.proto.v1beta1.UserStackTrace;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.sluice.detect.Detections.CATALOG;
import static io.sluice.detect.Detections.assertTracee;
import static io.sluice.detect.Detections.detect;
import static io.sluice.detect.Detections.event;
import static io.sluice.detect.Detections.int64;
import static io.sluice.detect.Detections.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each shipped detector: what raises it, what does not, and the MITRE facts its event carries in {@code threat},
 * with the triggering event in {@code detected_from}.
 */
class DetectorsTest
{
    @Test
    void antiDebuggingIsPtraceTraceme()
    {
        final Event detection = detect("anti_debugging",
            event("ptrace", int64("request", 0), EventValue.newBuilder().setName("pid").setInt32(0).build()));
        assertTracee(detection, "anti_debugging", "TRC-102", Severity.LOW, "Defense Evasion", "T1622", "Debugger Evasion",
            "defense-evasion");
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
        assertTracee(detection, "fileless_execution", "TRC-105", Severity.HIGH, "Defense Evasion", "T1620", "Reflective Code Loading",
            "defense-evasion");
        assertEquals("sched_process_exec", detection.getDetectedFrom().getName());
        assertTrue(detect("fileless_execution", event("sched_process_exec", str("pathname", "/dev/shm/x"))) != null);
        assertNull(detect("fileless_execution", event("sched_process_exec", str("pathname", "/usr/bin/ls"))));
    }

    @Test
    void kernelModuleLoadingIsInitOrFinitModule()
    {
        final Event detection = detect("kernel_module_loading", event("finit_module",
            EventValue.newBuilder().setName("fd").setInt32(3).build(), int64("returnValue", 0)));
        assertTracee(detection, "kernel_module_loading", "TRC-1017", Severity.MEDIUM, "Persistence", "T1547.006",
            "Kernel Modules and Extensions", "persistence");
        assertTrue(detect("kernel_module_loading", event("init_module", int64("returnValue", 0))) != null);
        assertNull(detect("kernel_module_loading", event("finit_module", int64("returnValue", -1))), "a failed load");
    }

    @Test
    void shadowFileAccessIsAnOpenOfEtcShadow()
    {
        final Event detection = detect("shadow_file_access", event("openat", str("pathname", "/etc/shadow")));
        assertTracee(detection, "shadow_file_access", "SLC-1", Severity.MEDIUM, "Credential Access", "T1003.008",
            "/etc/passwd and /etc/shadow", "credential-access");
        assertEquals(str("pathname", "/etc/shadow"), detection.getDetectedFrom().getData(0));
        assertTrue(detect("shadow_file_access", event("openat2", str("pathname", "/etc/gshadow"))) != null);
        assertNull(detect("shadow_file_access", event("openat", str("pathname", "/etc/passwd"))));
    }

    @Test
    void everyDetectorHasItsOwnEventAndTraceeMetadata()
    {
        final Set<String> events = new java.util.HashSet<>();
        for (final Detector detector : DetectorSet.standard())
        {
            assertTrue(events.add(detector.eventName()), "one class per event: " + detector.eventName());
            final io.sluice.detect.Threat threat = detector.threat();
            assertTrue(threat.signatureId().matches("(TRC|SLC)-\\d+"), threat.signatureId());
            // k8s_api_connection: Tracee gives its technique a name only
            assertTrue(threat.techniqueId().matches("(T\\d{4}(\\.\\d{3})?)?"), "Tracee prints T1622, not a STIX id: " + threat.techniqueId());
            assertTrue(threat.properties().containsKey("Category"), detector.eventName());
        }
        assertTrue(events.size() >= 15, "at least 15 of Tracee's detectors");
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
