package io.sluice.output;

import io.sluice.config.DestinationConfig;
import io.sluice.config.DestinationSettings;
import io.sluice.destination.Destination;

/**
 * One destination type, as an entry of {@link DestinationKinds}: which keys it accepts and how they validate into a
 * {@link DestinationConfig}, what must hold before a run may start ({@link #preflight}, called by {@code validate} and by
 * the engine alike), and how its {@link Destination} is built. Adding a destination type is one class implementing this
 * and one line in {@link DestinationKinds}.
 */
public interface DestinationKind
{
    /**
     * @return the {@code type} key as written in config ({@code file}).
     */
    String key();

    /**
     * @return true when it can be used now; false for a type recognised and refused as not available yet.
     */
    default boolean available()
    {
        return true;
    }

    /**
     * @param raw the destination's keys as read ({@code retry.*} are resolved by {@link DestinationKinds}).
     * @return the validated destination, with the default retry policy.
     * @throws io.sluice.config.ConfigException naming the offending key and value.
     */
    DestinationConfig resolve(DestinationSettings raw);

    /**
     * What a run needs of the outside world before it starts (a writable file, a creatable directory), checked without
     * changing anything.
     *
     * @param config a destination of this type.
     * @throws io.sluice.config.ConfigException naming the destination, the field and the value, and why.
     */
    void preflight(DestinationConfig config);

    /**
     * @param config  a destination of this type.
     * @param context what the destination may need to know of the run.
     * @return the destination, not open yet.
     */
    Destination create(DestinationConfig config, DestinationContext context);
}
