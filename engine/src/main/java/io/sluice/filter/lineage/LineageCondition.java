package io.sluice.filter.lineage;

import io.sluice.policy.EventView;

/**
 * An export filter field that needs the process's lineage, which only the ingest thread's process tree knows
 * ({@code pid_set}, {@code ancestor_binary_regex}, {@code arguments_regex}, {@code parent_arguments_regex}). The
 * ingest thread answers it once per event ({@link #evaluate}) into one bit of the record's lineage marks
 * ({@link LineageMarker}); filters on any thread then read that bit ({@link #heldBy}). Each field says how it is
 * answered, with a process tree and without one (replay, synthetic sources: the record alone).
 */
public abstract class LineageCondition
{
    private final String field;
    private long bit;

    /**
     * @param field the filter field this condition comes from, for errors and {@code sluice validate}.
     */
    protected LineageCondition(final String field)
    {
        this.field = field;
    }

    /** @return the filter field this condition came from. */
    public final String field()
    {
        return field;
    }

    /**
     * Give this condition its bit in the lineage marks (done once, when the engine is built).
     *
     * @param index 0 to 63.
     */
    public final void assign(final int index)
    {
        bit = 1L << index;
    }

    /** @return this condition's bit, 0 until assigned. */
    public final long bit()
    {
        return bit;
    }

    /**
     * @param event a decoded event whose lineage marks the ingest thread computed.
     * @return true when this condition held for it.
     */
    public final boolean heldBy(final EventView event)
    {
        return (event.lineageMarks() & bit) != 0;
    }

    /**
     * Answer the condition for an event (ingest thread only: implementations reuse their matchers and buffers).
     *
     * @param event the decoded event; its {@link EventView#tree()} is the process tree, or null.
     * @return true when it holds.
     */
    public abstract boolean evaluate(EventView event);
}
