package io.sluice.detect.yaml;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.proto.EventProtoDecoder;
import io.sluice.codec.proto.EventProtoEncoder;
import io.sluice.config.ConfigException;
import io.sluice.detect.DetectorSet;
import io.sluice.policy.EventView;
import io.sluice.proto.v1beta1.Container;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.Executable;
import io.sluice.proto.v1beta1.Process;
import io.sluice.proto.v1beta1.Severity;
import io.sluice.proto.v1beta1.Thread;
import io.sluice.proto.v1beta1.UInt32Value;
import io.sluice.proto.v1beta1.Workload;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tracee's YAML detectors, loaded as {@code --detectors} loads them and run by the {@link DetectorSet} the ingest thread
 * runs: a trigger raises exactly one detection, with the file's threat metadata and the CEL output fields as data; a near
 * miss raises none; a bad file is one error naming file:line, field and value.
 */
class YamlDetectorsTest
{
    /** Tracee's quick-start example ({@code docs/docs/detectors/yaml-detectors.md}), its output fields as Tracee's proto names them. */
    static final String NETCAT = """
        type: detector
        id: yaml-001
        produced_event:
          name: suspicious_binary_execution
          version: 1.0.0
          description: Detects execution of networking tools
          tags:
            - execution
          fields:
            - name: binary_path
              type: string
            - name: binary_name
              type: string
            - name: shouted
              type: string
            - name: pid
              type: uint32
        requirements:
          min_tracee_version: 0.0.0
          events:
            - name: sched_process_exec
              dependency: required
              data_filters:
                - pathname=/usr/bin/nc
                - pathname=/usr/bin/ncat
        threat:
          severity: medium
          description: Execution of networking tool commonly used for reverse shells
          mitre:
            technique:
              id: T1059
              name: Command and Scripting Interpreter
            tactic:
              name: Execution
          properties:
            Category: execution
        auto_populate:
          threat: true
          detected_from: true
        output:
          fields:
            - name: binary_path
              expression: getEventData("pathname")
            - name: binary_name
              expression: workload.process.thread.name
            - name: shouted
              expression: upper(basename(getEventData("pathname"))) + ":" + string(workload.process.pid)
            - name: pid
              expression: workload.process.pid
        """;

    @TempDir
    Path dir;

    @Test
    void aTriggerRaisesOneDetectionWithItsThreatAndCelFields() throws IOException
    {
        final Run run = new Run(load(NETCAT), "suspicious_binary_execution");
        final List<Event> detections = run.detections(exec("/usr/bin/ncat", "ncat"));
        assertEquals(1, detections.size(), detections.toString());
        final Event detection = detections.get(0);
        assertEquals("suspicious_binary_execution", detection.getName());
        assertTrue(detection.getIdValue() > EventCatalog.FIRST_DETECTOR_ID);
        assertEquals(Severity.MEDIUM, detection.getThreat().getSeverity());
        assertEquals("Execution", detection.getThreat().getMitre().getTactic().getName());
        assertEquals("T1059", detection.getThreat().getMitre().getTechnique().getId());
        assertEquals("Command and Scripting Interpreter", detection.getThreat().getMitre().getTechnique().getName());
        assertEquals("Execution of networking tool commonly used for reverse shells", detection.getThreat().getDescription());
        assertEquals(Map.of("Category", "execution"), detection.getThreat().getPropertiesMap());
        assertEquals("sched_process_exec", detection.getDetectedFrom().getName());
        assertEquals(List.of("binary_path", "binary_name", "shouted", "pid"), detection.getDataList().stream().map(EventValue::getName).toList());
        assertEquals("/usr/bin/ncat", detection.getData(0).getStr());
        assertEquals("ncat", detection.getData(1).getStr());
        assertEquals("NCAT:4321", detection.getData(2).getStr());
        assertEquals(4321, detection.getData(3).getUInt32());
    }

    @Test
    void itsTagsAreItsEventSets() throws IOException
    {
        final EventCatalog catalog = load(NETCAT);
        assertTrue(catalog.byName("suspicious_binary_execution").sets().containsAll(List.of("signatures", "execution")),
            catalog.byName("suspicious_binary_execution").sets().toString());
    }

    @Test
    void aNearMissRaisesNothing() throws IOException
    {
        final Run run = new Run(load(NETCAT), "suspicious_binary_execution");
        assertEquals(List.of(), run.detections(exec("/usr/bin/ncatx", "ncat")), "the filter is the whole path");
        assertEquals(List.of(), run.detections(exec("/usr/local/bin/nc", "nc")));
    }

    @Test
    void conditionsMustAllHoldAndScopeFiltersApply() throws IOException
    {
        final String detector = NETCAT.replace("                - pathname=/usr/bin/ncat\n", "                - pathname=/usr/bin/ncat\n"
            + "              scope_filters:\n                - container=true\n")
            .replace("auto_populate:", "conditions:\n  - workload.container.id.startsWith(\"c0\")\n  - hasData(\"pathname\")\nauto_populate:");
        final Run run = new Run(load(detector), "suspicious_binary_execution");
        assertEquals(List.of(), run.detections(exec("/usr/bin/nc", "nc")), "not in a container");
        assertEquals(1, run.detections(inContainer(exec("/usr/bin/nc", "nc"), "c0ffee")).size());
        assertEquals(List.of(), run.detections(inContainer(exec("/usr/bin/nc", "nc"), "deadbeef")), "the condition is false");
    }

    @Test
    void aDetectorWithoutThreatRaisesADerivedEventAndSharedListsAreVariables() throws IOException
    {
        Files.writeString(dir.resolve("shells.list.yaml"), "name: SHELL_BINARIES\ntype: string_list\nvalues:\n  - /bin/sh\n  - /bin/bash\n");
        final String derived = """
            type: detector
            id: yaml-shell-exec
            produced_event:
              name: shell_execution_detected
              version: 1.0.0
              description: Detects execution of shell binaries
              fields:
                - name: shell_path
                  type: string
            requirements:
              events:
                - name: sched_process_exec
            conditions:
              - getEventData("pathname") in SHELL_BINARIES
            auto_populate:
              detected_from: false
            output:
              fields:
                - name: shell_path
                  expression: getEventData("pathname")
            """;
        final Run run = new Run(load(derived), "shell_execution_detected");
        final List<Event> detections = run.detections(exec("/bin/bash", "bash"));
        assertEquals(1, detections.size());
        assertFalse(detections.get(0).hasThreat(), "no threat section: a derived event");
        assertFalse(detections.get(0).hasDetectedFrom());
        assertEquals("/bin/bash", detections.get(0).getData(0).getStr());
        assertEquals(List.of(), run.detections(exec("/bin/zsh", "zsh")));
    }

    @Test
    void aBadFileIsOneLineNamingFileLineFieldAndValue() throws IOException
    {
        assertRefused(NETCAT.replace("auto_populate:", "autopopulate:"), ":37: autopopulate = 'autopopulate': unknown key");
        assertRefused(NETCAT.replace("upper(basename(", "uper(basename("), ":47: output.fields[2].expression = 'uper(basename(");
        assertRefused(NETCAT.replace("workload.process.thread.name", "workload.process.name"),
            "output.fields[1].expression = 'workload.process.name': bad CEL expression: no such field: workload.process.name");
        assertRefused(NETCAT.replace("- name: sched_process_exec", "- name: sched_process_exce"),
            ":21: requirements.events[0].name = 'sched_process_exce': unknown event");
        assertRefused(NETCAT.replace("pathname=/usr/bin/nc\n", "path=/usr/bin/nc\n"),
            ":24: requirements.events[0].data_filters[0] = 'path=/usr/bin/nc': sched_process_exec has no argument 'path'");
        assertRefused(NETCAT.replace("severity: medium", "severity: dire"), ":27: threat.severity = 'dire': unknown severity");
        assertRefused(NETCAT.replace("type: detector", "type: detectr"), ":1: type = 'detectr': missing or unknown 'type'");
        assertRefused(NETCAT.replace("expression: workload.process.thread.name", "expression: size(workload.process.thread.name)"),
            "output.fields[1].expression = 'size(workload.process.thread.name)': bad CEL expression: its value is of type int, "
            + "the field is declared str");
    }

    private void assertRefused(final String text, final String expected) throws IOException
    {
        final Path file = dir.resolve("bad.yaml");
        Files.writeString(file, text);
        final ConfigException refused = assertThrows(ConfigException.class,
            () -> YamlDetectors.load(List.of(file.toString()), EventCatalog.standard()));
        assertTrue(refused.getMessage().startsWith(file.toString() + ":"), refused.getMessage());
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
        assertFalse(refused.getMessage().contains("\n"), "one line: " + refused.getMessage());
    }

    private EventCatalog load(final String detector) throws IOException
    {
        Files.writeString(dir.resolve("detector.yaml"), detector);
        return YamlDetectors.load(List.of(dir.toString()), EventCatalog.standard());
    }

    static Event.Builder exec(final String path, final String comm)
    {
        return Event.newBuilder().setIdValue(EventCatalog.standard().byName("sched_process_exec").id())
            .setWorkload(Workload.newBuilder().setProcess(Process.newBuilder().setThread(Thread.newBuilder().setName(comm))
                .setPid(UInt32Value.newBuilder().setValue(4321)).setExecutable(Executable.newBuilder().setPath(path))))
            .addData(EventValue.newBuilder().setName("pathname").setStr(path));
    }

    static Event.Builder inContainer(final Event.Builder event, final String id)
    {
        event.getWorkloadBuilder().setContainer(Container.newBuilder().setId(id).setIsRunning(true));
        return event;
    }

    /** The detectors a policy naming the event calls for, run on encoded triggers as the ingest thread runs them. */
    static final class Run
    {
        private final EventCatalog catalog;
        private final DetectorSet set;
        private final ExpandableArrayBuffer record = new ExpandableArrayBuffer();
        private final ExpandableArrayBuffer out = new ExpandableArrayBuffer();
        private final EventView view = new EventView(null);

        Run(final EventCatalog catalog, final String event)
        {
            this.catalog = catalog;
            set = DetectorSet.wanted(catalog, Set.of(catalog.byName(event).id()));
        }

        EventView view(final Event.Builder trigger)
        {
            final int length = new EventProtoEncoder(catalog).encode(trigger.build(), record, 0);
            return view.wrap(record, 0, length);
        }

        int detect(final EventView trigger)
        {
            int raised = 0;
            for (int k = 0; k < set.watching(trigger.eventId()); k++)
            {
                raised += set.detect(k, trigger, out) > 0 ? 1 : 0;
            }
            return raised;
        }

        List<Event> detections(final Event.Builder trigger)
        {
            final EventView event = view(trigger);
            final List<Event> detections = new ArrayList<>();
            for (int k = 0; k < set.watching(event.eventId()); k++)
            {
                final int length = set.detect(k, event, out);
                if (length > 0)
                {
                    detections.add(new EventProtoDecoder(catalog).decode(out, 0, length));
                }
            }
            return detections;
        }
    }
}
