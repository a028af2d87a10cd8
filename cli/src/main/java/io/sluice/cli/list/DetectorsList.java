package io.sluice.cli.list;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.detect.Detector;
import io.sluice.detect.DetectorSet;
import io.sluice.detect.Threat;
import io.sluice.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code sluice list detectors}: the detectors Sluice ships ({@link DetectorSet#standard()}), each with the event it
 * raises, the events it watches and its threat metadata (severity, MITRE ATT&amp;CK technique and tactic, description),
 * as Tracee's {@code tracee list} shows its signatures.
 */
@Command(name = "detectors",
    description = "List the detectors: event, watched events, severity, MITRE technique and tactic, description.")
public final class DetectorsList implements Callable<Integer>, ListedItems
{
    /** {@code v1beta1.Severity} names by value. */
    private static final String[] SEVERITIES = {"INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL"};

    @Mixin
    private ListOutput output;

    @Mixin
    private ListedCatalog catalog;

    @Override
    public Integer call()
    {
        return catalog.read(output.err()) ? output.print(this) : ExitCodes.USAGE;
    }

    private EventCatalog catalog()
    {
        return ListedCatalog.of(catalog);
    }

    @Override
    public List<Map<String, Object>> items()
    {
        final EventCatalog catalog = catalog();
        final List<Map<String, Object>> items = new ArrayList<>();
        for (final Detector detector : DetectorSet.all(catalog))
        {
            final Threat threat = detector.threat();
            final Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", threat.signatureId());
            item.put("event_id", catalog.byName(detector.eventName()).id());
            item.put("event", detector.eventName());
            item.put("name", threat.name());
            item.put("inputs", detector.inputs());
            item.put("severity", threat.severity() >= 0 && threat.severity() < SEVERITIES.length ?
                SEVERITIES[threat.severity()] : Integer.toString(threat.severity()));
            final Map<String, Object> mitre = new LinkedHashMap<>();
            mitre.put("technique_id", threat.techniqueExternalId());
            mitre.put("technique", threat.techniqueName());
            mitre.put("tactic", threat.tactic());
            item.put("mitre", mitre);
            item.put("description", threat.description());
            items.add(item);
        }
        return items;
    }

    @Override
    public String header()
    {
        return String.format("%-8s %-22s %-24s %-8s %-18s %s", "ID", "EVENT", "WATCHES", "SEVERITY", "TACTIC",
            "MITRE TECHNIQUE / NAME / DESCRIPTION");
    }

    @Override
    @SuppressWarnings("unchecked")
    public String row(final Map<String, Object> item)
    {
        final Map<String, Object> mitre = (Map<String, Object>)item.get("mitre");
        return String.format("%-8s %-22s %-24s %-8s %-18s %s %s%n%9s%s%n%9s%s", item.get("id"), item.get("event"),
            String.join(",", (List<String>)item.get("inputs")), item.get("severity"), mitre.get("tactic"),
            mitre.get("technique_id"), mitre.get("technique"), "", item.get("name"), "", item.get("description"));
    }
}
