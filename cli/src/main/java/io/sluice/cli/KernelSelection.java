package io.sluice.cli;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.policy.PolicySet;

import java.util.ArrayList;
import java.util.List;

/**
 * Which kernel programs the policies need: the union of their events that the sensor produces itself.
 */
final class KernelSelection
{
    private KernelSelection()
    {
    }

    /**
     * @param catalog  the event catalog.
     * @param policies the policies in force.
     * @return the kernel events to trace, in id order.
     */
    static List<EventDefinition> events(final EventCatalog catalog, final PolicySet policies)
    {
        final List<EventDefinition> selected = new ArrayList<>();
        for (final int id : policies.eventIds())
        {
            if (id < EventCatalog.FIRST_DETECTOR_ID)
            {
                selected.add(catalog.byId(id));
            }
        }
        return selected;
    }
}
