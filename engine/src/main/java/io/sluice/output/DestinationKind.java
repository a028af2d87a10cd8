package io.sluice.output;

import io.sluice.config.DestinationConfig;
import io.sluice.config.DestinationSettings;
import io.sluice.destination.Destination;

import java.util.List;
import java.util.Set;

/**
 * One destination type, as an entry of {@link DestinationKinds}: which keys it accepts and how they validate into a
 * {@link DestinationConfig}, what must hold before a run may start ({@link #preflight}, called by {@code validate} and by
 * the engine alike), and how its {@link Destination} is built. Adding a destination type is one class implementing this
 * and one line in {@link DestinationKinds}; a key of its own ({@code acks}, {@code kafka.*}) is declared in
 * {@link #optionKeys} and read with {@link DestinationSettings#option}, with no change to the front ends.
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
     * @return the keys the front ends know that this type takes ({@code path}, {@code format}, {@code rotate},
     *     {@code retry}), as listed in the refusal of a key it does not take; empty when it takes none.
     */
    default List<String> commonKeys()
    {
        return List.of();
    }

    /**
     * The keys of its own this type takes, beyond those the front ends know: each a dotted key ({@code linger.ms}) or a
     * prefix wildcard ({@code kafka.*}: any key under {@code kafka.}). {@link DestinationKinds#resolve} refuses any other
     * such key before {@link #resolve} runs, so {@link DestinationSettings#option} only ever holds keys declared here.
     *
     * @return its own keys; none by default.
     */
    default Set<String> optionKeys()
    {
        return Set.of();
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
