package io.sluice.cli.getevents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bits {@code getevents} gives policy names, learnt from the events themselves. A record carries matched policies as
 * a 64-bit bitmap and prints them in bit order, while an event names them in the server's bit order (which the client
 * is never told): so each name gets its bit as it first appears, placed right after the name the event lists before it,
 * and the table keeps every order seen so far. An event that lists two known names in the other order (a server
 * restarted with other policies) starts the table again from that event's order; so does a 65th name. Names given on
 * the command line ({@code --policy-names}) are in the table from the start, for the local filters to compile against.
 */
final class PolicyOrder
{
    private final List<String> given;
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> bits = new HashMap<>();
    private int version;

    /**
     * @param given the names the filters refer to (they keep a bit even before any event names them).
     * @throws IllegalArgumentException for more than 64 names.
     */
    PolicyOrder(final List<String> given)
    {
        this.given = List.copyOf(given);
        reset(List.of());
    }

    /**
     * @param matched the policies an event matched, in the order it lists them.
     * @return true when the table changed (bits moved or were added): formatters and filters built on the old one are
     *         stale.
     * @throws IllegalArgumentException when the event alone names more than 64 policies with the given ones.
     */
    boolean learn(final List<String> matched)
    {
        int last = -1;
        boolean changed = false;
        for (int i = 0; i < matched.size(); i++)
        {
            final String name = matched.get(i);
            final Integer bit = bits.get(name);
            if (bit == null)
            {
                names.add(last + 1, name);
                last++;
                reindex();
                changed = true;
            }
            else if (bit > last)
            {
                last = bit;
            }
            else
            {
                reset(matched);
                return true;
            }
        }
        if (names.size() > Long.SIZE)
        {
            reset(matched);
            return true;
        }
        return changed;
    }

    /** @return policy {@code names()[i]} is bit i. */
    String[] names()
    {
        return names.toArray(new String[0]);
    }

    /** @return how many times the table changed: a formatter built at another version is stale. */
    int version()
    {
        return version;
    }

    private void reset(final List<String> first)
    {
        names.clear();
        for (final String name : first)
        {
            if (!names.contains(name))
            {
                names.add(name);
            }
        }
        for (final String name : given)
        {
            if (!names.contains(name))
            {
                names.add(name);
            }
        }
        if (names.size() > Long.SIZE)
        {
            throw new IllegalArgumentException("more than 64 policies (" + names.size() + "): " + String.join(",", names));
        }
        reindex();
    }

    private void reindex()
    {
        bits.clear();
        for (int bit = 0; bit < names.size(); bit++)
        {
            bits.put(names.get(bit), bit);
        }
        version++;
    }
}
