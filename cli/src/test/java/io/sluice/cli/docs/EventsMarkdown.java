package io.sluice.cli.docs;

import io.sluice.codec.catalog.ArgDefinition;
import io.sluice.codec.catalog.Capture;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.detect.Detector;
import io.sluice.detect.Threat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders {@code docs/events.md}, the event reference, from the catalog ({@code schemas/events.yaml}) and the detectors:
 * the same facts {@code sluice list events} and {@code sluice list detectors} print.
 */
final class EventsMarkdown
{
    private static final String[] SEVERITIES = {"INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL"};

    private EventsMarkdown()
    {
    }

    static String render(final EventCatalog catalog, final List<Detector> detectors)
    {
        final StringBuilder md = new StringBuilder();
        md.append("""
            # Event reference

            <!-- Generated from schemas/events.yaml and io.sluice.detect; do not edit. EventsReferenceTest fails when this
                 file is stale; regenerate with: mvn -o -pl bpf-native,codec,engine,cli test -Dtest=EventsReferenceTest \\
                 -Dsurefire.failIfNoSpecifiedTests=false -Dsluice.docs.write=true -->

            Every event Sluice can emit, with its stable id (Tracee's `EventId` number where it has one), the sets it
            belongs to (`--events fs` selects a set; `default` is what `sluice` traces when no events are given), how it
            is captured, and its arguments in output order with their `v1beta1.EventValue` types. `sluice list events`
            prints the same (`--json` for scripts).

            How an event is captured:

            - `raw_tracepoint:HOOK,...`: the kernel sensor (`bpf-native/src/sluice.bpf.c`) attaches BTF raw tracepoints
              (`tp_btf`) to those hooks; every syscall event comes from the generic `sys_enter`/`sys_exit` pair,
              its arguments read as their catalog types say.
            - `tracepoint:HOOK`: a classic kernel tracepoint.
            - `cgroup_skb:ingress,egress`: the packet sensor (`bpf-native/src/net.bpf.c`) on the root cgroup v2 sees
              every packet of a socket whose owner it learned at a socket syscall; the headers, DNS and HTTP are
              decoded in user space (see docs/sensor.md, "Network packets").
            - `derived`: built in user space from other events.
            - `detector`: raised by a detector on the events it watches (see [Detectors](#detectors)); it has no
              arguments of its own, the triggering event is in `detected_from`.
            - `synthetic`: only the synthetic source (`--source synthetic:...`) makes it; the kernel sensor does not.

            """);
        counts(md, catalog);
        md.append("""
            ## Events

            | ID | Event | Sets | Capture | Arguments |
            |---:|---|---|---|---|
            """);
        for (final EventDefinition event : catalog.events())
        {
            md.append("| ").append(event.id()).append(" | `").append(event.name()).append("` | ")
                .append(String.join(", ", event.sets())).append(" | `").append(event.capture()).append("` | ")
                .append(arguments(event)).append(" |\n");
        }
        md.append("""

            ## Detectors

            | Event | Signature | Watches | Severity | MITRE ATT&CK | Tactic | Description |
            |---|---|---|---|---|---|---|
            """);
        for (final Detector detector : detectors)
        {
            final Threat threat = detector.threat();
            md.append("| `").append(detector.eventName()).append("` (").append(catalog.byName(detector.eventName()).id())
                .append(") | ").append(threat.signatureId()).append(" | ")
                .append(String.join(", ", detector.inputs().stream().map(input -> "`" + input + "`").toList())).append(" | ")
                .append(SEVERITIES[threat.severity()]).append(" | ").append(threat.techniqueExternalId()).append(' ')
                .append(threat.techniqueName()).append(" | ").append(threat.tactic()).append(" | ")
                .append(threat.name()).append(": ").append(threat.description().replace("|", "\\|")).append(" |\n");
        }
        return md.toString();
    }

    private static void counts(final StringBuilder md, final EventCatalog catalog)
    {
        final Map<String, Integer> byKind = new TreeMap<>();
        for (final EventDefinition event : catalog.events())
        {
            byKind.merge(event.capture().kind().key(), 1, Integer::sum);
        }
        md.append(catalog.events().size()).append(" events:");
        String separator = " ";
        for (final Capture.Kind kind : Capture.Kind.values())
        {
            if (byKind.containsKey(kind.key()))
            {
                md.append(separator).append(byKind.get(kind.key())).append(' ').append(kind.key());
                separator = ", ";
            }
        }
        md.append(".\n\n");
    }

    private static String arguments(final EventDefinition event)
    {
        final StringBuilder text = new StringBuilder();
        for (final ArgDefinition arg : event.args())
        {
            text.append(text.length() > 0 ? ", " : "").append('`').append(arg.name()).append("` ").append(arg.type().jsonName());
        }
        return text.toString();
    }
}
