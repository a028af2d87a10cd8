package io.sluice.filter;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.config.ConfigException;
import io.sluice.filter.label.LabelSelector;
import io.sluice.filter.label.LabelSource;
import io.sluice.filter.route.EventIdFilter;
import io.sluice.filter.text.RegexList;
import io.sluice.policy.EventView;
import io.sluice.process.ProcessTree;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One of Tetragon's export filter objects: every field given must match (AND), any value of a field may (OR).
 * Fields: {@code event_set} (Sluice event names), {@code binary_regex}, {@code namespace} ({@code ""} = host
 * processes), {@code pid}, {@code pid_set} (the pids and their descendants), {@code pod_regex},
 * {@code arguments_regex} (the process's arguments after argv[0], joined by spaces), {@code parent_arguments_regex},
 * {@code labels} (pod labels; never matches a host process), {@code policy_names}, {@code capabilities},
 * {@code parent_binary_regex}, {@code ancestor_binary_regex}, {@code container_id}, {@code container_name_regex}.
 * Regular expressions are RE2, unanchored. The lineage fields ({@link LineageCondition}) are answered at ingest.
 */
public final class ExportFilter
{
    /** The fields an export filter object may have. */
    public static final Set<String> FIELDS = Set.of("event_set", "binary_regex", "namespace", "pid", "pid_set", "pod_regex",
        "arguments_regex", "parent_arguments_regex", "labels", "policy_names", "capabilities", "parent_binary_regex",
        "ancestor_binary_regex", "container_id", "container_name_regex");

    private static final LabelSource NO_LABELS = key -> null;

    private EventIdFilter events;
    private RegexList binary;
    private byte[][] namespaces;
    private int[] pids;
    private RegexList pod;
    private long policyMask = -1;
    private RegexList parentBinary;
    private RegexList containerId;
    private RegexList containerName;
    private CapabilityFilter capabilities;
    private LabelSelector[] labels;
    private final List<LineageCondition> lineage = new ArrayList<>();

    /**
     * @param origin      the flag or file, for errors.
     * @param object      the parsed JSON object.
     * @param catalog     event names for {@code event_set}.
     * @param policyNames the loaded policies by bit, for {@code policy_names}.
     * @throws ConfigException for an unknown field, a bad value or a bad regular expression.
     */
    public ExportFilter(final String origin, final Map<String, Object> object, final EventCatalog catalog, final String[] policyNames)
    {
        for (final Map.Entry<String, Object> entry : object.entrySet())
        {
            final String field = entry.getKey();
            if (field.equals("capabilities"))
            {
                capabilities = new CapabilityFilter(origin, entry.getValue());
                continue;
            }
            final List<String> values = strings(origin, field, entry.getValue());
            switch (field)
            {
                case "event_set" ->
                {
                    final List<Integer> ids = new ArrayList<>();
                    for (final String name : values)
                    {
                        final EventDefinition event = catalog.byName(name);
                        if (event == null)
                        {
                            throw new ConfigException(origin, field, name, "unknown event (event_set takes Sluice event names, see 'sluice list')");
                        }
                        ids.add(event.id());
                    }
                    events = EventIdFilter.of(ids);
                    if (ids.isEmpty())
                    {
                        events = null;
                    }
                }
                case "binary_regex" -> binary = new RegexList(origin, field, values);
                case "namespace" ->
                {
                    namespaces = new byte[values.size()][];
                    for (int i = 0; i < namespaces.length; i++)
                    {
                        namespaces[i] = values.get(i).getBytes(StandardCharsets.UTF_8);
                    }
                }
                case "pid" -> pids = ints(origin, field, values);
                case "pid_set" -> lineage.add(LineageCondition.pidSet(ints(origin, field, values)));
                case "pod_regex" -> pod = new RegexList(origin, field, values);
                case "arguments_regex" -> lineage.add(LineageCondition.regexes(LineageCondition.Kind.ARGUMENTS,
                    new RegexList(origin, field, values)));
                case "parent_arguments_regex" -> lineage.add(LineageCondition.regexes(LineageCondition.Kind.PARENT_ARGUMENTS,
                    new RegexList(origin, field, values)));
                case "policy_names" ->
                {
                    long mask = 0;
                    for (final String name : values)
                    {
                        int bit = -1;
                        for (int i = 0; i < policyNames.length; i++)
                        {
                            if (name.equals(policyNames[i]))
                            {
                                bit = i;
                            }
                        }
                        if (bit < 0)
                        {
                            throw new ConfigException(origin, field, name, "unknown policy");
                        }
                        mask |= 1L << bit;
                    }
                    policyMask = mask;
                }
                case "parent_binary_regex" -> parentBinary = new RegexList(origin, field, values);
                case "ancestor_binary_regex" -> lineage.add(LineageCondition.regexes(LineageCondition.Kind.ANCESTOR_BINARY,
                    new RegexList(origin, field, values)));
                case "container_id" -> containerId = new RegexList(origin, field, values);
                case "container_name_regex" -> containerName = new RegexList(origin, field, values);
                case "labels" ->
                {
                    labels = new LabelSelector[values.size()];
                    for (int i = 0; i < labels.length; i++)
                    {
                        labels[i] = LabelSelector.parse(origin, field, values.get(i));
                    }
                }
                default -> throw new ConfigException(origin, field, null,
                    "unknown export filter field (expected " + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
            }
        }
    }

    /**
     * @param event a decoded event (its matched-policies bitmap already computed).
     * @return true when every field of this filter matches.
     */
    public boolean matches(final EventView event)
    {
        if (events != null && !events.matches(event.eventId()))
        {
            return false;
        }
        if (policyMask != -1 && (event.policiesMatched() & policyMask) == 0)
        {
            return false;
        }
        if (pids != null && !ProcessTree.contains(pids, event.hostPid()))
        {
            return false;
        }
        if (namespaces != null && !namespaceMatches(event))
        {
            return false;
        }
        if (binary != null && !binary.any(event.executable(), 0, event.executableLength()))
        {
            return false;
        }
        if (pod != null && (event.podNameLength() == 0 || !pod.any(event.podName(), 0, event.podNameLength())))
        {
            return false;
        }
        if (containerId != null && !containerId.any(event.containerId(), 0, event.containerIdLength()))
        {
            return false;
        }
        if (containerName != null && !containerName.any(event.containerName(), 0, event.containerNameLength()))
        {
            return false;
        }
        if (parentBinary != null && (event.ancestorCount() == 0 ||
            !parentBinary.any(event.ancestorExe(0), 0, event.ancestorExeLength(0))))
        {
            return false;
        }
        if (capabilities != null && !capabilities.matches(event))
        {
            return false;
        }
        if (labels != null && !labelsMatch(event))
        {
            return false;
        }
        for (int i = 0; i < lineage.size(); i++)
        {
            if (!lineage.get(i).heldBy(event))
            {
                return false;
            }
        }
        return true;
    }

    /** @return the fields of this filter that need the process lineage, answered at ingest. */
    public List<LineageCondition> lineageConditions()
    {
        return lineage;
    }

    /**
     * Tetragon: never matches an event without a pod (a host process); any selector of the list may match. Sluice
     * reads no pod labels (there is no Kubernetes API client), so a pod's label set is empty.
     */
    private boolean labelsMatch(final EventView event)
    {
        if (event.podNameLength() == 0)
        {
            return false;
        }
        for (final LabelSelector selector : labels)
        {
            if (selector.matches(NO_LABELS))
            {
                return true;
            }
        }
        return false;
    }

    private boolean namespaceMatches(final EventView event)
    {
        for (final byte[] namespace : namespaces)
        {
            if (namespace.length == event.podNamespaceLength() &&
                java.util.Arrays.equals(namespace, 0, namespace.length, event.podNamespace(), 0, namespace.length))
            {
                return true;
            }
        }
        return false;
    }

    private static int[] ints(final String origin, final String field, final List<String> values)
    {
        final int[] ints = new int[values.size()];
        for (int i = 0; i < ints.length; i++)
        {
            try
            {
                ints[i] = (int)Long.parseLong(values.get(i));
            }
            catch (final NumberFormatException ex)
            {
                throw new ConfigException(origin, field, values.get(i), "expected a pid");
            }
        }
        return ints;
    }

    private static List<String> strings(final String origin, final String field, final Object value)
    {
        if (value instanceof List<?> list)
        {
            final List<String> strings = new ArrayList<>();
            for (final Object item : list)
            {
                if (item instanceof Map || item instanceof List || item == null)
                {
                    throw new ConfigException(origin, field, String.valueOf(item), "expected a list of strings or numbers");
                }
                strings.add(String.valueOf(item));
            }
            return strings;
        }
        if (value instanceof Map || value == null)
        {
            throw new ConfigException(origin, field, String.valueOf(value), "expected a list");
        }
        return List.of(String.valueOf(value));
    }
}
