package io.sluice.filter.export;

import io.sluice.filter.lineage.LineageCondition;
import io.sluice.policy.EventView;

/**
 * One field of an export filter object, so that each field's compiling, validation and matching sit in one class
 * of its own ({@link ExportFields} names them all). Compiled once, at start-up, from the field's JSON value (its
 * {@link Factory} refuses a bad value); asked per event, on the hot path, where it must not allocate.
 */
interface ExportMatcher
{
    /**
     * @param event a decoded event (its matched-policies bitmap computed, its lineage marks written).
     * @return true when the event matches this field.
     */
    boolean matches(EventView event);

    /**
     * @return the condition the ingest thread answers for this field with the process tree, or null when the field
     *         needs no lineage.
     */
    default LineageCondition lineage()
    {
        return null;
    }

    /** Compiles a field from its JSON value. */
    @FunctionalInterface
    interface Factory
    {
        /**
         * @param value the field's value as written, and what compiling it may need.
         * @return the compiled field.
         * @throws io.sluice.config.ConfigException for a bad value.
         */
        ExportMatcher compile(FieldValue value);
    }
}
