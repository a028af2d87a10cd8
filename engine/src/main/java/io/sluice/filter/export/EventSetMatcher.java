package io.sluice.filter.export;

import io.sluice.codec.catalog.EventDefinition;
import io.sluice.filter.route.EventIdFilter;
import io.sluice.policy.EventView;

import java.util.ArrayList;
import java.util.List;

/** {@code event_set}: the event is one of these (Sluice event names); an empty list lets every event through. */
final class EventSetMatcher implements ExportMatcher
{
    private final EventIdFilter events;

    /**
     * @param value the event names.
     * @throws io.sluice.config.ConfigException for a name the catalog does not know.
     */
    EventSetMatcher(final FieldValue value)
    {
        final List<Integer> ids = new ArrayList<>();
        for (final String name : value.strings())
        {
            final EventDefinition event = value.catalog().byName(name);
            if (event == null)
            {
                throw value.error(null, name, "unknown event (event_set takes Sluice event names, see 'sluice list')");
            }
            ids.add(event.id());
        }
        events = EventIdFilter.of(ids);
    }

    @Override
    public boolean matches(final EventView event)
    {
        return events.matches(event.eventId());
    }
}
