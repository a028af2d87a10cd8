package io.sluice.filter.lineage;

import io.sluice.config.ConfigException;
import io.sluice.policy.EventView;

import java.util.List;

/**
 * The ingest thread's half of the lineage conditions of every export filter (global and per stream): gives each
 * condition its bit, then per event answers them all with the process tree and writes the bits into the record,
 * so stream threads, which have no tree, filter on whole lineages too.
 */
public final class LineageMarker
{
    /** Most lineage conditions: one bit each in the record's 64-bit marks. */
    public static final int MAX_CONDITIONS = 64;

    private final LineageCondition[] conditions;

    private LineageMarker(final LineageCondition[] conditions)
    {
        this.conditions = conditions;
    }

    /**
     * @param conditions every lineage condition of every export filter in force.
     * @return the marker, or null when there are none.
     * @throws ConfigException when there are more than {@link #MAX_CONDITIONS}.
     */
    public static LineageMarker assign(final List<LineageCondition> conditions)
    {
        if (conditions.isEmpty())
        {
            return null;
        }
        if (conditions.size() > MAX_CONDITIONS)
        {
            throw new ConfigException("export filters", "pid_set/ancestor_binary_regex/arguments_regex/parent_arguments_regex",
                Integer.toString(conditions.size()), "at most " + MAX_CONDITIONS + " of these fields across all filters");
        }
        for (int i = 0; i < conditions.size(); i++)
        {
            conditions.get(i).assign(i);
        }
        return new LineageMarker(conditions.toArray(new LineageCondition[0]));
    }

    /**
     * @param event the decoded event (its record is written).
     * @return the marks written.
     */
    public long mark(final EventView event)
    {
        long marks = 0;
        for (final LineageCondition condition : conditions)
        {
            if (condition.evaluate(event))
            {
                marks |= condition.bit();
            }
        }
        event.lineageMarks(marks);
        return marks;
    }
}
