package io.sluice.filter.field;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.config.ConfigException;

import io.sluice.filter.export.TetragonEventTypes;
import io.sluice.filter.route.EventIdFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One of Tetragon's field filters: {@code fields} (comma-separated dotted paths of {@code v1beta1.Event}, a
 * protobuf field mask, or Tetragon's paths, {@code process.binary}, mapped by {@link TetragonFieldPaths}),
 * {@code action} INCLUDE (keep only those, and the messages they sit in) or EXCLUDE (drop them and what is under them),
 * for the events of {@code event_set} (Sluice names or Tetragon's event types; absent = every event), or all others
 * with {@code invert_event_set}; keys in Tetragon's or protojson's spelling ({@code eventSet}). Its effect on the
 * fields an event keeps is one AND with a set of {@link EventField} bits, so filters applied one after another give
 * what protobuf's {@code FieldMaskUtil} gives applied one after another.
 */
public final class FieldFilter
{
    private final long include;
    private final long exclude;
    private final EventIdFilter events;
    private final boolean invert;
    private final boolean none;

    /**
     * @param origin  the flag or file and line, for errors.
     * @param object  the parsed JSON object.
     * @param catalog event names for {@code event_set}.
     */
    public FieldFilter(final String origin, final Map<String, Object> object, final EventCatalog catalog)
    {
        String fields = null;
        String action = null;
        EventIdFilter eventSet = null;
        boolean inverted = false;
        boolean noEvents = false;
        for (final Map.Entry<String, Object> entry : object.entrySet())
        {
            final Object value = entry.getValue();
            // Tetragon's names, or protojson's camelCase ones (eventSet, invertEventSet)
            final String key = entry.getKey().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
            switch (key)
            {
                case "fields" -> fields = String.valueOf(value);
                case "action" -> action = String.valueOf(value).toUpperCase(Locale.ROOT);
                case "event_set" ->
                {
                    if (!(value instanceof List<?> names))
                    {
                        throw new ConfigException(origin, "event_set", String.valueOf(value), "expected a list of event names");
                    }
                    final List<Integer> ids = new ArrayList<>();
                    for (final Object name : names)
                    {
                        final List<Integer> tetragon = TetragonEventTypes.ids(String.valueOf(name), catalog);
                        if (tetragon != null)
                        {
                            ids.addAll(tetragon);
                            continue;
                        }
                        final EventDefinition event = catalog.byName(String.valueOf(name));
                        if (event == null)
                        {
                            throw new ConfigException(origin, "event_set", String.valueOf(name),
                                "unknown event (Sluice event names, see 'sluice list')");
                        }
                        ids.add(event.id());
                    }
                    // only Tetragon types Sluice has no events of (PROCESS_LSM): the filter applies to no event
                    noEvents = ids.isEmpty() && !names.isEmpty();
                    eventSet = ids.isEmpty() ? null : EventIdFilter.of(ids);
                }
                case "invert_event_set" ->
                {
                    if (!(value instanceof Boolean flag))
                    {
                        throw new ConfigException(origin, "invert_event_set", String.valueOf(value), "expected true or false");
                    }
                    inverted = flag;
                }
                default -> throw new ConfigException(origin, entry.getKey(), null,
                    "unknown field filter field (expected fields, action, event_set, invert_event_set)");
            }
        }
        if (fields == null || fields.isBlank())
        {
            throw new ConfigException(origin, "fields", null, "a field filter needs fields");
        }
        if (!"INCLUDE".equals(action) && !"EXCLUDE".equals(action))
        {
            throw new ConfigException(origin, "action", action, "expected INCLUDE or EXCLUDE");
        }
        long selected = 0;
        long withParents = 0;
        for (final String written : fields.split(","))
        {
            final String tetragon = EventField.byPath(written) == null ? TetragonFieldPaths.toEventPath(written) : null;
            final String path = tetragon == null ? written : tetragon;
            final EventField field = EventField.byPath(path);
            if (field != null)
            {
                selected |= field.subtree();
                withParents |= field.withParents();
            }
            else if (EventField.insideDetectedFrom(path))
            {
                // a field the record never carries: INCLUDE keeps the detected_from it sits in, EXCLUDE drops nothing
                withParents |= EventField.DETECTED_FROM.withParents();
            }
            else
            {
                throw new ConfigException(origin, "fields", written.trim(), EventField.whyNot(written));
            }
        }
        include = "INCLUDE".equals(action) ? selected | withParents : EventField.ALL;
        exclude = "EXCLUDE".equals(action) ? selected : 0;
        events = eventSet;
        invert = inverted;
        none = noEvents;
    }

    /**
     * @param eventId the event's id.
     * @param keep    the fields kept so far.
     * @return the fields kept after this filter.
     */
    public long apply(final int eventId, final long keep)
    {
        final boolean inSet = !none && (events == null || events.matches(eventId));
        if (inSet == invert)
        {
            return keep;
        }
        return keep & include & ~exclude;
    }
}
