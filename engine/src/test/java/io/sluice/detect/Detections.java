package io.sluice.detect;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.proto.EventProtoDecoder;
import io.sluice.codec.proto.EventProtoEncoder;
import io.sluice.policy.EventView;
import io.sluice.proto.v1beta1.Container;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.Executable;
import io.sluice.proto.v1beta1.Process;
import io.sluice.proto.v1beta1.Severity;
import io.sluice.proto.v1beta1.StringArray;
import io.sluice.proto.v1beta1.Thread;
import io.sluice.proto.v1beta1.Threat;
import io.sluice.proto.v1beta1.UInt32Value;
import io.sluice.proto.v1beta1.Workload;
import org.agrona.ExpandableArrayBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Synthetic trigger events and the detections a detector raises from them, decoded, for the detector tests. */
final class Detections
{
    static final EventCatalog CATALOG = EventCatalog.standard();

    private Detections()
    {
    }

    /** @return an event of the process {@code victim} (pid 4321, {@code /tmp/victim}) on the host. */
    static Event.Builder event(final String name, final EventValue... data)
    {
        return Event.newBuilder().setIdValue(CATALOG.byName(name).id()).setWorkload(Workload.newBuilder().setProcess(
            Process.newBuilder().setThread(Thread.newBuilder().setName("victim").setSyscall(name))
                .setPid(UInt32Value.newBuilder().setValue(4321)).setExecutable(Executable.newBuilder().setPath("/tmp/victim"))))
            .addAllData(List.of(data));
    }

    /** @return the event, in a started container. */
    static Event.Builder inContainer(final Event.Builder event)
    {
        event.getWorkloadBuilder().setContainer(Container.newBuilder().setId("c0ffee").setIsRunning(true));
        return event;
    }

    /** @return the event, of a process named {@code comm} running {@code executable}. */
    static Event.Builder by(final Event.Builder event, final String comm, final String executable)
    {
        event.getWorkloadBuilder().getProcessBuilder().setExecutable(Executable.newBuilder().setPath(executable))
            .getThreadBuilder().setName(comm);
        return event;
    }

    static EventValue int64(final String name, final long value)
    {
        return EventValue.newBuilder().setName(name).setInt64(value).build();
    }

    static EventValue int32(final String name, final int value)
    {
        return EventValue.newBuilder().setName(name).setInt32(value).build();
    }

    static EventValue str(final String name, final String value)
    {
        return EventValue.newBuilder().setName(name).setStr(value).build();
    }

    static EventValue strArray(final String name, final String... values)
    {
        return EventValue.newBuilder().setName(name).setStrArray(StringArray.newBuilder().addAllValue(List.of(values))).build();
    }

    /** @return an openat of the path with the flags, which succeeded. */
    static Event.Builder openat(final String path, final int flags)
    {
        return event("openat", int32("dirfd", -100), str("pathname", path), int32("flags", flags), int64("returnValue", 3));
    }

    /** @return a renameat2 onto the path, which succeeded. */
    static Event.Builder renameTo(final String from, final String path)
    {
        return event("renameat2", str("oldpath", from), str("newpath", path), int64("returnValue", 0));
    }

    /** @return every detection the event raises when only the named detector runs, decoded. */
    static List<Event> detections(final String detector, final Event.Builder trigger)
    {
        return new Run(detector).detections(trigger);
    }

    /** One detector set, kept across events (for detectors that remember what they saw). */
    static final class Run
    {
        private final DetectorSet set;
        private final ExpandableArrayBuffer record = new ExpandableArrayBuffer();
        private final ExpandableArrayBuffer out = new ExpandableArrayBuffer();

        Run(final String detector)
        {
            set = DetectorSet.wanted(CATALOG, Set.of(CATALOG.byName(detector).id()));
        }

        /** @return every detection the event raises, decoded. */
        List<Event> detections(final Event.Builder trigger)
        {
            final int length = new EventProtoEncoder(CATALOG).encode(trigger.build(), record, 0);
            final EventView view = new EventView(null).wrap(record, 0, length);
            final List<Event> detections = new ArrayList<>();
            for (int k = 0; k < set.watching(view.eventId()); k++)
            {
                final int detection = set.detect(k, view, out);
                if (detection > 0)
                {
                    detections.add(new EventProtoDecoder(CATALOG).decode(out, 0, detection));
                }
            }
            return detections;
        }
    }

    /** @return the one detection the event raises, or null when it raises none (more than one fails). */
    static Event detect(final String detector, final Event.Builder trigger)
    {
        final List<Event> detections = detections(detector, trigger);
        assertTrue(detections.size() <= 1, "at most one detection: " + detections);
        return detections.isEmpty() ? null : detections.get(0);
    }

    /** Asserts the detection is the detector's, with Tracee's metadata (its {@code Category} the only property). */
    static void assertTracee(final Event detection, final String event, final String signatureId, final Severity severity,
        final String tactic, final String technique, final String techniqueName, final String category)
    {
        assertTracee(detection, event, signatureId, severity, tactic, technique, techniqueName, Map.of("Category", category));
    }

    /** Asserts the detection is the detector's, with Tracee's metadata, in the trigger's workload. */
    static void assertTracee(final Event detection, final String event, final String signatureId, final Severity severity,
        final String tactic, final String technique, final String techniqueName, final Map<String, String> properties)
    {
        assertTrue(detection != null, event + " raised nothing");
        assertEquals(event, detection.getName());
        assertEquals(CATALOG.byName(event).id(), detection.getIdValue());
        assertTrue(detection.getIdValue() >= EventCatalog.FIRST_DETECTOR_ID);
        final Threat threat = detection.getThreat();
        assertEquals(severity, threat.getSeverity());
        assertEquals(tactic, threat.getMitre().getTactic().getName());
        assertEquals(technique, threat.getMitre().getTechnique().getId(), "Tracee prints the technique id as T....");
        assertEquals(technique, threat.getMitre().getTechnique().getExternalId());
        assertEquals(techniqueName, threat.getMitre().getTechnique().getName());
        assertEquals(properties, threat.getPropertiesMap());
        assertTrue(!threat.getName().isEmpty() && !threat.getDescription().isEmpty());
        final Detector detector = DetectorSet.standard().stream().filter(d -> d.eventName().equals(event)).findFirst()
            .orElseThrow();
        assertEquals(signatureId, detector.threat().signatureId());
        assertEquals(4321, detection.getWorkload().getProcess().getPid().getValue(), "the trigger's workload");
        if (detector.fields() == null)
        {
            assertEquals(0, detection.getDataCount(), "a detector without fields adds no data");
        }
    }
}
