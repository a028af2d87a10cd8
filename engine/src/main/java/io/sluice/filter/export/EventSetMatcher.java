package io.sluice.filter.export;

import io.sluice.codec.catalog.EventDefinition;
import io.sluice.filter.route.EventIdFilter;
import io.sluice.policy.EventView;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code event_set}: the event is one of these, by Sluice event name or by Tetragon event type ({@code PROCESS_EXEC},
 * mapped by {@link TetragonEventTypes}); an empty list lets every event through.
 */
final class EventSetMatcher implements ExportMatcher
{
    private final EventIdFilter events;
    /** Only types Sluice has no events of were named ({@code PROCESS_LSM}): nothing passes. */
    private final boolean none;

    /**
     * @param value the event names.
     * @throws io.sluice.config.ConfigException for a name the catalog does not know.
     */
    EventSetMatcher(final FieldValue value)
    {
        final List<Integer> ids = new ArrayList<>();
        for (final String name : value.strings())
        {
            final List<Integer> tetragon = TetragonEventTypes.ids(name, value.catalog());
            if (tetragon != null)
            {
                ids.addAll(tetragon);
                continue;
            }
            final EventDefinition event = value.catalog().byName(name);
            if (event == null)
            {
                throw value.error(null, name, "unknown event (event_set takes Sluice event names, see 'sluice list', or "
                    + "Tetragon's event types: PROCESS_EXEC, PROCESS_EXIT, PROCESS_KPROBE, PROCESS_TRACEPOINT ...)");
            }
            ids.add(event.id());
        }
        events = EventIdFilter.of(ids);
        none = ids.isEmpty() && !value.strings().isEmpty();
    }

    @Override
    public boolean matches(final EventView event)
    {
        return !none && events.matches(event.eventId());
    }
}
