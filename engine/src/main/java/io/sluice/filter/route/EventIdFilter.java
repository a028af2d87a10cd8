package io.sluice.filter.route;

import java.util.Collection;

/**
 * A stream's {@code filters.events}: a bitset over event ids, so the check per event is one load and one mask.
 * An empty selection lets every event through, as in Tracee.
 */
public final class EventIdFilter
{
    private final long[] bits;
    private final boolean all;

    private EventIdFilter(final long[] bits, final boolean all)
    {
        this.bits = bits;
        this.all = all;
    }

    /**
     * @return a filter that lets every event through.
     */
    public static EventIdFilter all()
    {
        return new EventIdFilter(new long[0], true);
    }

    /**
     * @param ids the event ids to let through; empty = all.
     * @return the filter.
     */
    public static EventIdFilter of(final Collection<Integer> ids)
    {
        if (ids.isEmpty())
        {
            return all();
        }
        int max = 0;
        for (final int id : ids)
        {
            if (id < 0)
            {
                throw new IllegalArgumentException("negative event id " + id);
            }
            max = Math.max(max, id);
        }
        final long[] bits = new long[(max >>> 6) + 1];
        for (final int id : ids)
        {
            bits[id >>> 6] |= 1L << id;
        }
        return new EventIdFilter(bits, false);
    }

    /**
     * @param eventId an event's id.
     * @return true when the event passes.
     */
    public boolean matches(final int eventId)
    {
        if (all)
        {
            return true;
        }
        final int word = eventId >>> 6;
        return eventId >= 0 && word < bits.length && (bits[word] & (1L << eventId)) != 0;
    }

    /**
     * @return true when this filter selects nothing out.
     */
    public boolean isAll()
    {
        return all;
    }
}
