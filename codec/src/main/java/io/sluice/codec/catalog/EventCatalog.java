package io.sluice.codec.catalog;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events Sluice knows: {@code schemas/events.yaml}, read once from the image the build makes of it
 * ({@link CatalogImage}, on the classpath). Lookups by id are array indexed so the hot path can ask for an event's name
 * bytes without hashing.
 */
public final class EventCatalog
{
    /** Ids at or above this are reserved for detectors. */
    public static final int FIRST_DETECTOR_ID = 6000;

    private static volatile EventCatalog instance;

    private final List<EventDefinition> events;
    private final Map<String, EventDefinition> byName;
    private final EventDefinition[] byId;
    private final byte[][] nameBytesById;

    private EventCatalog(final List<EventDefinition> events)
    {
        this.events = Collections.unmodifiableList(events);
        final Map<String, EventDefinition> names = new LinkedHashMap<>();
        int maxId = 0;
        for (final EventDefinition event : events)
        {
            if (names.put(event.name(), event) != null)
            {
                throw new IllegalStateException("events.yaml: duplicate event name " + event.name());
            }
            maxId = Math.max(maxId, event.id());
        }
        this.byName = Collections.unmodifiableMap(names);
        this.byId = new EventDefinition[maxId + 1];
        this.nameBytesById = new byte[maxId + 1][];
        for (final EventDefinition event : events)
        {
            if (event.id() <= 0)
            {
                throw new IllegalStateException("events.yaml: id must be positive: " + event.name() + " id=" + event.id());
            }
            if (byId[event.id()] != null)
            {
                throw new IllegalStateException("events.yaml: duplicate id " + event.id());
            }
            byId[event.id()] = event;
            nameBytesById[event.id()] = event.name().getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * @return the catalog shipped with Sluice, loaded on first use.
     */
    public static EventCatalog standard()
    {
        EventCatalog catalog = instance;
        if (catalog == null)
        {
            synchronized (EventCatalog.class)
            {
                catalog = instance;
                if (catalog == null)
                {
                    try (InputStream in = EventCatalog.class.getResourceAsStream(CatalogImage.RESOURCE))
                    {
                        if (in == null)
                        {
                            throw new IllegalStateException("event catalog missing from the classpath: " + CatalogImage.RESOURCE
                                + " (the codec build writes it, in its process-classes phase)");
                        }
                        catalog = new EventCatalog(CatalogImage.read(in));
                    }
                    catch (final IOException ex)
                    {
                        throw new IllegalStateException("cannot read " + CatalogImage.RESOURCE + ": " + ex.getMessage(), ex);
                    }
                    instance = catalog;
                }
            }
        }
        return catalog;
    }

    /**
     * Parse a catalog in the {@code events.yaml} layout.
     *
     * @param in the YAML text.
     * @return the catalog.
     */
    @SuppressWarnings("unchecked")
    public static EventCatalog parse(final InputStream in)
    {
        final Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        if (!(root instanceof Map) || !(((Map<String, Object>)root).get("events") instanceof List))
        {
            throw new IllegalStateException("events.yaml: expected a top-level 'events' list");
        }
        final List<EventDefinition> events = new ArrayList<>();
        for (final Object item : (List<Object>)((Map<String, Object>)root).get("events"))
        {
            final Map<String, Object> entry = (Map<String, Object>)item;
            final String name = (String)entry.get("name");
            final int id = ((Number)entry.get("id")).intValue();
            final List<ArgDefinition> args = new ArrayList<>();
            final Object argList = entry.get("args");
            if (argList != null)
            {
                for (final Object argItem : (List<Object>)argList)
                {
                    final Map<String, Object> arg = (Map<String, Object>)argItem;
                    final String typeName = (String)arg.get("type");
                    final ArgType type = ArgType.byJsonName(typeName);
                    if (type == null)
                    {
                        throw new IllegalStateException("events.yaml: event " + name + ": unknown arg type " + typeName);
                    }
                    args.add(new ArgDefinition((String)arg.get("name"), type));
                }
            }
            final Map<String, Integer> syscalls = new HashMap<>();
            final Object syscall = entry.get("syscall");
            if (syscall != null)
            {
                ((Map<String, Object>)syscall).forEach((arch, nr) -> syscalls.put(arch, ((Number)nr).intValue()));
            }
            final List<String> sets = new ArrayList<>();
            final Object setList = entry.get("sets");
            if (setList != null)
            {
                for (final Object set : (List<Object>)setList)
                {
                    sets.add((String)set);
                }
            }
            final Object capture = entry.get("capture");
            events.add(new EventDefinition(id, name, List.copyOf(args), Map.copyOf(syscalls), List.copyOf(sets),
                capture == null ? Capture.byDefault(id, !syscalls.isEmpty()) : capture(name, capture.toString())));
        }
        return new EventCatalog(events);
    }

    private static Capture capture(final String name, final String text)
    {
        try
        {
            return Capture.parse(text);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalStateException("events.yaml: event " + name + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * The catalog with events added after start-up ({@code --detectors}: the events YAML detectors produce), for one
     * run: the shipped catalog is left as it is.
     *
     * @param more the events to add (ids and names not in this catalog).
     * @return a new catalog with this one's events, then these.
     * @throws IllegalStateException for a name or id already taken.
     */
    public EventCatalog with(final List<EventDefinition> more)
    {
        final List<EventDefinition> all = new ArrayList<>(events);
        all.addAll(more);
        return new EventCatalog(all);
    }

    /**
     * @return every event, in catalog order.
     */
    public List<EventDefinition> events()
    {
        return events;
    }

    /**
     * @param name an event name.
     * @return its definition, or null when the catalog has no such event.
     */
    public EventDefinition byName(final String name)
    {
        return byName.get(name);
    }

    /**
     * What {@code --events}, a policy rule or a client's request means by a name: the event of that name, or else every
     * event of the set of that name ({@code fs}, {@code default}), in catalog order.
     *
     * @param nameOrSet an event name or a set name.
     * @return the events it names; empty when it is neither.
     */
    public List<EventDefinition> eventsNamed(final String nameOrSet)
    {
        final EventDefinition event = byName.get(nameOrSet);
        if (event != null)
        {
            return List.of(event);
        }
        final List<EventDefinition> set = new ArrayList<>();
        for (final EventDefinition candidate : events)
        {
            if (candidate.sets().contains(nameOrSet))
            {
                set.add(candidate);
            }
        }
        return set;
    }

    /**
     * @param id an event id.
     * @return its definition, or null when the catalog has no such event.
     */
    public EventDefinition byId(final int id)
    {
        return id > 0 && id < byId.length ? byId[id] : null;
    }

    /**
     * @param id an event id.
     * @return the UTF-8 bytes of its name (shared, do not modify), or null when the catalog has no such event.
     */
    public byte[] nameBytes(final int id)
    {
        return id > 0 && id < nameBytesById.length ? nameBytesById[id] : null;
    }

    /**
     * @return the largest id in the catalog.
     */
    public int maxId()
    {
        return byId.length - 1;
    }
}
