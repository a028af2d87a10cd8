package io.sluice.filter.export;

import io.sluice.filter.lineage.LineageCondition;
import io.sluice.policy.EventView;
import io.sluice.process.ProcessEntry;

/**
 * An export filter field that needs the process lineage: the ingest thread answers it ({@link #evaluate}) into a
 * bit of the record's lineage marks, and the filter, on whatever thread, reads that bit back. Each field says how it
 * is answered from the process tree, and from the record alone where there is no tree (replay, synthetic sources).
 */
abstract class LineageMatcher extends LineageCondition implements ExportMatcher
{
    /**
     * @param value the field, for its name.
     */
    LineageMatcher(final FieldValue value)
    {
        super(value.field());
    }

    @Override
    public final boolean evaluate(final EventView event)
    {
        return event.tree() == null ? inRecord(event) : inTree(event, event.processEntry());
    }

    /**
     * @param event the decoded event.
     * @param self  its process's entry in the tree, or null when the tree does not know it.
     * @return true when the field holds, by the process tree.
     */
    abstract boolean inTree(EventView event, ProcessEntry self);

    /**
     * @param event the decoded event, without a process tree.
     * @return true when the field holds, by what the record carries.
     */
    abstract boolean inRecord(EventView event);

    @Override
    public final boolean matches(final EventView event)
    {
        return heldBy(event);
    }

    @Override
    public final LineageCondition lineage()
    {
        return this;
    }
}
