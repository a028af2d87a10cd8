package io.sluice.cli;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.detect.DetectorSet;
import io.sluice.policy.PolicySet;

import java.util.List;

/**
 * Which kernel programs the policies need: the union of their events that the sensor produces itself and of the
 * events their detectors watch.
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
        return DetectorSet.kernelEvents(catalog, policies.eventIds());
    }
}
