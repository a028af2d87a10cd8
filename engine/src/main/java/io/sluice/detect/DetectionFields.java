package io.sluice.detect;

import io.sluice.codec.sbe.EventRecordWriter;
import io.sluice.policy.EventView;

/**
 * The {@code data} of a detector's event, computed from the trigger once the detector fired: first {@link #compute}
 * (which says how many entries there are), then {@link #write} into the detection record's open {@code data} group.
 */
public interface DetectionFields
{
    /**
     * @param trigger the decoded triggering event (as {@link Detector#detect} saw it).
     * @return how many entries {@link #write} will write.
     */
    int compute(EventView trigger);

    /**
     * @param out the detection record, its {@code data} group open for the count {@link #compute} returned.
     */
    void write(EventRecordWriter out);
}
