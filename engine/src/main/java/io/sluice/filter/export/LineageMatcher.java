package io.sluice.filter.export;

import io.sluice.filter.lineage.LineageCondition;
import io.sluice.policy.EventView;

/**
 * An export filter field that needs the process lineage: the ingest thread answers it ({@link #evaluate}) into a
 * bit of the record's lineage marks, and the filter, on whatever thread, reads that bit back.
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
