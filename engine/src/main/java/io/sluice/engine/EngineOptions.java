package io.sluice.engine;

import io.sluice.ring.SharedRing;

/**
 * Engine tuning that is not part of the user's output config.
 *
 * @param sharedRingCapacity data capacity of the shared ring, a power of two.
 * @param mainRingSize       slots in the main Disruptor ring, a power of two.
 * @param waitStrategy       how Disruptor consumers wait (see {@link WaitStrategies#NAMES}).
 * @param policyNames        names of the policies in force, by bit of the matched-policies bitmap.
 */
public record EngineOptions(int sharedRingCapacity, int mainRingSize, String waitStrategy, String[] policyNames)
{
    /** Defaults: 16 MiB shared ring, 8192 main-ring slots, phased waiting, no policies. */
    public static final EngineOptions DEFAULTS = new EngineOptions(SharedRing.DEFAULT_CAPACITY, 8192, "phased", new String[0]);

    /**
     * @param name a wait strategy name.
     * @return these options with another wait strategy.
     */
    public EngineOptions withWaitStrategy(final String name)
    {
        return new EngineOptions(sharedRingCapacity, mainRingSize, name, policyNames);
    }

    /**
     * @param names policy names by bit.
     * @return these options with other policy names.
     */
    public EngineOptions withPolicyNames(final String[] names)
    {
        return new EngineOptions(sharedRingCapacity, mainRingSize, waitStrategy, names.clone());
    }
}
