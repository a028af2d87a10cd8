package io.sluice.policy;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.config.ConfigException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --events} and {@code --scope} in Tracee's grammar, as one implicit policy: {@code --events openat,execve},
 * {@code --events -openat} (all of the default set but openat), {@code --events fs} (an event set),
 * {@code --events openat.data.pathname=/etc/*}, {@code --events openat.retval<0},
 * {@code --events openat.scope.comm=bash}; {@code --scope comm=bash}, {@code --scope uid>=1000},
 * {@code --scope follow}; Tracee's current patterns too: {@code --events 'sched_process_*'}, {@code --events tag=fs},
 * {@code --events threat.severity>=high}. A filter's comma-separated values stay with it ({@code openat.data.pathname=/a,/b}).
 */
public final class CliPolicy
{
    /** The implicit policy's name. */
    public static final String NAME = "default-policy";

    private CliPolicy()
    {
    }

    /**
     * @param catalog the event catalog.
     * @param events  the {@code --events} values, as given.
     * @param scopes  the {@code --scope} values.
     * @return the implicit policy as written.
     * @throws ConfigException naming the flag and the value.
     */
    public static PolicyDocument of(final EventCatalog catalog, final List<String> events, final List<String> scopes)
    {
        return of(catalog, List.of(), events, scopes);
    }

    /**
     * @param catalog the event catalog.
     * @param threats the loaded detectors' metadata, for {@code --events threat.severity>=high}.
     * @param events  the {@code --events} values, as given ({@code tag=fs}, {@code open*} and threat patterns too).
     * @param scopes  the {@code --scope} values.
     * @return the implicit policy as written.
     * @throws ConfigException naming the flag and the value.
     */
    public static PolicyDocument of(final EventCatalog catalog, final List<ThreatMetadata> threats, final List<String> events,
        final List<String> scopes)
    {
        final List<String> items = items(catalog, events);
        final Map<String, List<String>> selected = new LinkedHashMap<>();
        final Set<String> excluded = new LinkedHashSet<>();
        for (final String item : items)
        {
            if (item.startsWith("-"))
            {
                final String name = item.substring(1);
                final List<EventDefinition> set = resolve(catalog, name, item);
                set.forEach(event -> excluded.add(event.name()));
                continue;
            }
            if (item.startsWith("threat.") || item.startsWith("tag="))
            {
                EventPattern.resolve(catalog, threats, "--events", "events", item)
                    .forEach(event -> selected.computeIfAbsent(event.name(), n -> new ArrayList<>()));
                continue;
            }
            final int dot = item.indexOf('.');
            final String name = dot < 0 ? item : item.substring(0, dot);
            final List<EventDefinition> set = resolve(catalog, name, item);
            for (final EventDefinition event : set)
            {
                final List<String> filters = selected.computeIfAbsent(event.name(), n -> new ArrayList<>());
                if (dot >= 0)
                {
                    filters.add(item.substring(dot + 1));
                }
            }
        }
        if (selected.isEmpty())
        {
            for (final EventDefinition event : catalog.events())
            {
                if (event.sets().contains(EventDefinition.DEFAULT_SET))
                {
                    selected.put(event.name(), new ArrayList<>());
                }
            }
        }
        excluded.forEach(selected::remove);
        if (selected.isEmpty())
        {
            throw new ConfigException("--events", "events", String.join(",", events), "no event left to trace");
        }
        final List<PolicyDocument.Rule> rules = new ArrayList<>();
        selected.forEach((event, filters) -> rules.add(new PolicyDocument.Rule("--events", event, filters)));
        final List<String> scope = new ArrayList<>();
        for (final String value : scopes)
        {
            scope.add(value.trim());
        }
        if (scope.isEmpty())
        {
            scope.add("global");
        }
        return new PolicyDocument(NAME, "--events/--scope", scope, rules);
    }

    /** Split on commas, keeping a filter's further values with it. */
    private static List<String> items(final EventCatalog catalog, final List<String> events)
    {
        final List<String> items = new ArrayList<>();
        for (final String value : events)
        {
            for (final String piece : value.split(","))
            {
                final String trimmed = piece.trim();
                if (trimmed.isEmpty())
                {
                    continue;
                }
                final boolean continuesFilter = !items.isEmpty() && hasOperator(items.get(items.size() - 1)) &&
                    !looksLikeEvent(catalog, trimmed);
                if (continuesFilter)
                {
                    items.set(items.size() - 1, items.get(items.size() - 1) + "," + trimmed);
                }
                else
                {
                    items.add(trimmed);
                }
            }
        }
        return items;
    }

    private static boolean hasOperator(final String item)
    {
        return item.indexOf('=') >= 0 || item.indexOf('<') >= 0 || item.indexOf('>') >= 0;
    }

    private static boolean looksLikeEvent(final EventCatalog catalog, final String item)
    {
        final String name = item.startsWith("-") ? item.substring(1) : item;
        final int dot = name.indexOf('.');
        final String event = dot < 0 ? name : name.substring(0, dot);
        return !catalog.eventsNamed(event).isEmpty();
    }

    private static List<EventDefinition> resolve(final EventCatalog catalog, final String name, final String item)
    {
        if (name.length() > 1 && (name.startsWith("*") || name.endsWith("*")))
        {
            return EventPattern.resolve(catalog, List.of(), "--events", "events", name);
        }
        final List<EventDefinition> set = catalog.eventsNamed(name);
        if (set.isEmpty())
        {
            throw new ConfigException("--events", "events", item, "unknown event or event set (see 'sluice list')");
        }
        return set;
    }
}
