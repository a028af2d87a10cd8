package io.sluice.source;

import io.sluice.journal.JournalHeader;

import java.util.List;

/**
 * How a replay keeps recorded matched-policies bits: every writer session's header names its policies by bit, and a
 * later session's bits are moved to the bits the first session gave the same names (a name the first session did not
 * have loses its matches, with a note). Used by the replay's thread.
 */
final class RecordedPolicyBits
{
    private final List<String> firstNames;
    private final List<String> notes;
    private long[] bitMap = identityBits();

    /**
     * @param firstNames the first header's policy names, by bit.
     * @param notes      gets a line for each later policy name the first session did not have.
     */
    RecordedPolicyBits(final List<String> firstNames, final List<String> notes)
    {
        this.firstNames = firstNames;
        this.notes = notes;
    }

    /**
     * @param header a writer session's header: the events after it were written with its policy names.
     */
    void onHeader(final JournalHeader header)
    {
        bitMap = mapBits(header);
    }

    /**
     * @param recorded a recorded matched-policies bitmap of the current session.
     * @return the same matches, in the first session's bits.
     */
    long map(final long recorded)
    {
        long mapped = 0;
        for (int bit = 0; bit < Long.SIZE; bit++)
        {
            if ((recorded & (1L << bit)) != 0)
            {
                mapped |= bitMap[bit];
            }
        }
        return mapped;
    }

    private long[] mapBits(final JournalHeader header)
    {
        if (header.policyNames().equals(firstNames))
        {
            return identityBits();
        }
        final long[] map = new long[Long.SIZE];
        for (int bit = 0; bit < header.policyNames().size(); bit++)
        {
            final String name = header.policyNames().get(bit);
            final int target = name.isEmpty() ? -1 : firstNames.indexOf(name);
            if (target >= 0)
            {
                map[bit] = 1L << target;
            }
            else
            {
                notes.add("policy '" + name + "' (bit " + bit + ") of a later writer session is not among the first" +
                    " session's policies: its matches are dropped");
            }
        }
        return map;
    }

    private static long[] identityBits()
    {
        final long[] map = new long[Long.SIZE];
        for (int bit = 0; bit < Long.SIZE; bit++)
        {
            map[bit] = 1L << bit;
        }
        return map;
    }
}
