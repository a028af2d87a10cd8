package io.sluice.detect.yaml;

import io.sluice.detect.Threat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads one {@code type: detector} file into a {@link YamlDetectorSpec}: the keys Tracee's schema has, each checked for
 * its shape; an unknown key, a missing required field or a bad value is one {@code file:line} error.
 */
final class YamlDetectorParser
{
    private static final Set<String> TOP = Set.of("type", "id", "produced_event", "requirements", "threat", "auto_populate",
        "conditions", "output");
    private static final Set<String> PRODUCED = Set.of("name", "version", "description", "tags", "fields");
    private static final Set<String> FIELD = Set.of("name", "type", "description", "optional");
    private static final Set<String> REQUIREMENTS = Set.of("events", "enrichments", "architectures", "min_tracee_version",
        "max_tracee_version");
    private static final Set<String> EVENT = Set.of("name", "dependency", "min_version", "max_version", "data_filters",
        "scope_filters");
    private static final Set<String> THREAT = Set.of("name", "description", "severity", "mitre", "properties");
    private static final Set<String> MITRE = Set.of("tactic", "technique");
    private static final Set<String> AUTO = Set.of("threat", "detected_from", "process_ancestry");
    private static final Set<String> OUTPUT = Set.of("fields");
    private static final Set<String> OUTPUT_FIELD = Set.of("name", "expression", "optional");
    /** Tracee's {@code parseSeverity}: {@code v1beta1.Severity} by name. */
    private static final List<String> SEVERITIES = List.of("info", "low", "medium", "high", "critical");
    /** Tracee's field types. */
    static final Set<String> TYPES = Set.of("string", "int32", "int64", "uint32", "uint64", "bool", "bytes");

    private YamlDetectorParser()
    {
    }

    /**
     * @param root the file's root mapping.
     * @return the detector as written.
     * @throws io.sluice.config.ConfigException for anything Tracee's validator refuses, and any unknown key.
     */
    static YamlDetectorSpec parse(final YamlNode root)
    {
        final Map<String, YamlNode> top = root.mapping(TOP);
        final YamlNode idNode = need(root, top, "id");
        final Map<String, YamlNode> produced = need(root, top, "produced_event").mapping(PRODUCED);
        final YamlNode produceNode = top.get("produced_event");
        final YamlNode nameNode = need(produceNode, produced, "name");
        final List<YamlDetectorSpec.Field> fields = new ArrayList<>();
        for (final YamlNode item : optional(produced, "fields"))
        {
            final Map<String, YamlNode> field = item.mapping(FIELD);
            final YamlNode type = need(item, field, "type");
            if (!TYPES.contains(type.text()))
            {
                throw type.error(type.text(), "unknown field type (expected one of " + String.join(", ", new java.util.TreeSet<>(TYPES)) + ")");
            }
            fields.add(new YamlDetectorSpec.Field(need(item, field, "name").required(), type.text(), item));
        }
        final Map<String, YamlNode> auto = need(root, top, "auto_populate").mapping(AUTO);
        final List<YamlDetectorSpec.Output> outputs = new ArrayList<>();
        if (top.containsKey("output"))
        {
            for (final YamlNode item : optional(top.get("output").mapping(OUTPUT), "fields"))
            {
                final Map<String, YamlNode> output = item.mapping(OUTPUT_FIELD);
                final YamlNode expression = need(item, output, "expression");
                outputs.add(new YamlDetectorSpec.Output(need(item, output, "name").required(), expression.required(),
                    output.containsKey("optional") && output.get("optional").bool(), expression));
            }
        }
        return new YamlDetectorSpec(idNode.required(), idNode, nameNode.required(), nameNode,
            need(produceNode, produced, "version").required(), text(produced, "description"),
            produced.containsKey("tags") ? produced.get("tags").texts() : List.of(), fields,
            requirements(need(root, top, "requirements")), top.containsKey("threat") ? threat(idNode.required(), top.get("threat")) : null,
            flag(auto, "threat"), flag(auto, "detected_from"), flag(auto, "process_ancestry"),
            top.containsKey("conditions") ? top.get("conditions").items() : List.of(), outputs);
    }

    private static List<YamlDetectorSpec.Requirement> requirements(final YamlNode node)
    {
        final Map<String, YamlNode> requirements = node.mapping(REQUIREMENTS);
        if (requirements.containsKey("enrichments"))
        {
            for (final YamlNode enrichment : requirements.get("enrichments").items())
            {
                final String name = need(enrichment, enrichment.mapping(Set.of("name", "dependency", "config")), "name").text();
                if (!Set.of("environment", "executable-hash", "container").contains(name))
                {
                    throw enrichment.error(name, "unknown enrichment (expected environment, executable-hash or container)");
                }
            }
        }
        final List<YamlDetectorSpec.Requirement> events = new ArrayList<>();
        for (final YamlNode item : optional(requirements, "events"))
        {
            final Map<String, YamlNode> event = item.mapping(EVENT);
            final YamlNode name = need(item, event, "name");
            final String dependency = text(event, "dependency");
            if (!dependency.isEmpty() && !dependency.equals("required") && !dependency.equals("optional"))
            {
                throw event.get("dependency").error(dependency, "expected required or optional");
            }
            events.add(new YamlDetectorSpec.Requirement(name.required(), name, dependency.equals("optional"),
                event.containsKey("data_filters") ? event.get("data_filters").items() : List.of(),
                event.containsKey("scope_filters") ? event.get("scope_filters").items() : List.of()));
        }
        if (events.isEmpty())
        {
            throw node.error(null, "at least one event requirement is required (requirements.events)");
        }
        return events;
    }

    private static Threat threat(final String id, final YamlNode node)
    {
        final Map<String, YamlNode> threat = node.mapping(THREAT);
        final YamlNode severityNode = need(node, threat, "severity");
        final int severity = SEVERITIES.indexOf(severityNode.text().toLowerCase(Locale.ROOT));
        if (severity < 0)
        {
            throw severityNode.error(severityNode.text(), "unknown severity (expected info, low, medium, high or critical)");
        }
        String tactic = "";
        String techniqueId = "";
        String techniqueName = "";
        if (threat.containsKey("mitre"))
        {
            final Map<String, YamlNode> mitre = threat.get("mitre").mapping(MITRE);
            if (mitre.containsKey("tactic"))
            {
                tactic = need(mitre.get("tactic"), mitre.get("tactic").mapping(Set.of("name")), "name").text();
            }
            if (mitre.containsKey("technique"))
            {
                final Map<String, YamlNode> technique = mitre.get("technique").mapping(Set.of("id", "name"));
                techniqueId = need(mitre.get("technique"), technique, "id").required();
                techniqueName = text(technique, "name");
            }
        }
        final Map<String, String> properties = new TreeMap<>();
        if (threat.containsKey("properties"))
        {
            final YamlNode props = threat.get("properties");
            final Map<String, YamlNode> entries = props.mapping(new AnyKey());
            entries.forEach((key, value) -> properties.put(key, value.text()));
        }
        return new Threat(id, text(threat, "name"), need(node, threat, "description").required(), severity, tactic, techniqueId,
            techniqueName, properties);
    }

    private static YamlNode need(final YamlNode parent, final Map<String, YamlNode> entries, final String key)
    {
        final YamlNode node = entries.get(key);
        if (node == null)
        {
            throw parent.error(null, "missing required field '" + key + "'");
        }
        return node;
    }

    private static List<YamlNode> optional(final Map<String, YamlNode> entries, final String key)
    {
        return entries.containsKey(key) ? entries.get(key).items() : List.of();
    }

    private static String text(final Map<String, YamlNode> entries, final String key)
    {
        return entries.containsKey(key) ? entries.get(key).text() : "";
    }

    private static boolean flag(final Map<String, YamlNode> entries, final String key)
    {
        return entries.containsKey(key) && entries.get(key).bool();
    }

    /** Every key allowed: {@code threat.properties} are the author's own. */
    private static final class AnyKey extends java.util.AbstractSet<String>
    {
        @Override
        public boolean contains(final Object key)
        {
            return true;
        }

        @Override
        public java.util.Iterator<String> iterator()
        {
            return java.util.Collections.emptyIterator();
        }

        @Override
        public int size()
        {
            return 0;
        }
    }
}
