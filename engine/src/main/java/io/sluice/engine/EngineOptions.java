package io.sluice.engine;

import io.sluice.format.ColorMode;
import io.sluice.ring.SharedRing;

import java.time.Duration;

/**
 * Engine tuning that is not part of the user's output config.
 *
 * @param sharedRingCapacity data capacity of the shared ring, a power of two.
 * @param mainRingSize       slots in the main Disruptor ring, a power of two.
 * @param waitStrategy       how Disruptor consumers wait (see {@link WaitStrategies#NAMES}).
 * @param policyNames        names of the policies in force, by bit of the matched-policies bitmap.
 * @param drainTimeout       how long block streams may take to deliver what they hold once the run is stopping.
 * @param color              {@code --color}: when colouring formats ({@code compact}) colour.
 */
public record EngineOptions(int sharedRingCapacity, int mainRingSize, String waitStrategy, String[] policyNames,
    Duration drainTimeout, ColorMode color)
{
    /** {@code --drain-timeout} when none is given. */
    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Main-ring slots by default. The main ring only hands events from the ingest to the routers: bursts wait before
     * it, in the shared ring and the kernel's ring. Each slot is preallocated with 1 KiB, so 2048 slots hold 2 MiB of
     * the heap where 8192 held 9 MiB, with no loss of throughput (docs/performance-log.md, "Idle JVM and ring memory").
     */
    public static final int DEFAULT_MAIN_RING_SIZE = 2048;

    /** Defaults: 4 MiB shared ring, 2048 main-ring slots, phased waiting, no policies, 10 s to drain, colour auto. */
    public static final EngineOptions DEFAULTS = new EngineOptions(SharedRing.DEFAULT_CAPACITY, DEFAULT_MAIN_RING_SIZE,
        "phased", new String[0], DEFAULT_DRAIN_TIMEOUT, ColorMode.AUTO);

    /**
     * @param name a wait strategy name.
     * @return these options with another wait strategy.
     */
    public EngineOptions withWaitStrategy(final String name)
    {
        return new EngineOptions(sharedRingCapacity, mainRingSize, name, policyNames, drainTimeout, color);
    }

    /**
     * @param names policy names by bit.
     * @return these options with other policy names.
     */
    public EngineOptions withPolicyNames(final String[] names)
    {
        return new EngineOptions(sharedRingCapacity, mainRingSize, waitStrategy, names.clone(), drainTimeout, color);
    }

    /**
     * @param timeout how long block streams may take to drain at exit.
     * @return these options with another drain timeout.
     */
    public EngineOptions withDrainTimeout(final Duration timeout)
    {
        return new EngineOptions(sharedRingCapacity, mainRingSize, waitStrategy, policyNames, timeout, color);
    }

    /**
     * @param mode when colouring formats colour.
     * @return these options with another colour mode.
     */
    public EngineOptions withColor(final ColorMode mode)
    {
        return new EngineOptions(sharedRingCapacity, mainRingSize, waitStrategy, policyNames, drainTimeout, mode);
    }
}
