package io.sluice.filter.field;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.filter.syntax.FilterLines;
import io.sluice.policy.EventView;
import org.agrona.MutableDirectBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * Tetragon's field filters, applied one after another to the fields an event keeps (all at first); an event that
 * loses fields is rewritten before it is published.
 */
public final class FieldFilters
{
    private final FieldFilter[] filters;
    private final FieldMaskEncoder encoder;

    /**
     * @param filters the filters, in order.
     * @param catalog the event catalog (names, when {@code id} is dropped but {@code name} kept).
     */
    public FieldFilters(final List<FieldFilter> filters, final EventCatalog catalog)
    {
        this.filters = filters.toArray(new FieldFilter[0]);
        this.encoder = new FieldMaskEncoder(catalog);
    }

    /**
     * @param eventId an event id.
     * @return the fields its events keep.
     */
    public long keep(final int eventId)
    {
        long keep = EventField.ALL;
        for (final FieldFilter filter : filters)
        {
            keep = filter.apply(eventId, keep);
        }
        return keep;
    }

    /**
     * @param event the decoded event.
     * @param out   where the rewritten record goes (from 0; expandable).
     * @return its length, or 0 when every field is kept (the original stands).
     */
    public int apply(final EventView event, final MutableDirectBuffer out)
    {
        return apply(event.eventId(), event.buffer(), event.offset(), out);
    }

    /**
     * @param eventId the event's id.
     * @param record  the buffer holding its record (SBE header + {@code Event}).
     * @param offset  where the record starts.
     * @param out     where the rewritten record goes (from 0; expandable; not {@code record}).
     * @return its length, or 0 when every field is kept (the original stands).
     */
    public int apply(final int eventId, final org.agrona.DirectBuffer record, final int offset, final MutableDirectBuffer out)
    {
        final long keep = keep(eventId);
        return keep == EventField.ALL ? 0 : encoder.encode(keep, record, offset, out);
    }

    /**
     * Parse field filters, one JSON object per line, inline or {@code @FILE}.
     *
     * @param flag    the flag, for errors.
     * @param value   the value.
     * @param catalog event names.
     * @return the filters.
     */
    public static List<FieldFilter> parse(final String flag, final String value, final EventCatalog catalog)
    {
        final List<FieldFilter> filters = new ArrayList<>();
        for (final FilterLines.Line line : FilterLines.read(flag, value))
        {
            filters.add(new FieldFilter(line.origin(), line.object(), catalog));
        }
        return filters;
    }
}
