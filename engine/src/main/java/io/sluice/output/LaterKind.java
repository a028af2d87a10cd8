package io.sluice.output;

import io.sluice.config.DestinationConfig;
import io.sluice.config.DestinationSettings;
import io.sluice.destination.Destination;

/**
 * An entry of {@link DestinationKinds} for a type Tracee has and Sluice does not yet ({@code kafka}): recognised,
 * whether named by {@code type} or inferred from a {@code url}, and refused as not available yet. When the type is
 * built, its own class replaces this entry.
 */
final class LaterKind implements DestinationKind
{
    private final String key;

    /**
     * @param key the type key.
     */
    LaterKind(final String key)
    {
        this.key = key;
    }

    @Override
    public String key()
    {
        return key;
    }

    @Override
    public boolean available()
    {
        return false;
    }

    @Override
    public DestinationConfig resolve(final DestinationSettings raw)
    {
        final String notYet = "not available yet (" + DestinationKinds.availableKeys() + " destinations for now)";
        if (raw.type() != null)
        {
            throw raw.type().error(notYet);
        }
        throw raw.url().error("a " + key + " destination (type inferred from the URL): " + notYet);
    }

    @Override
    public void preflight(final DestinationConfig config)
    {
        throw new IllegalStateException("destination type " + key + " is not available yet");
    }

    @Override
    public Destination create(final DestinationConfig config, final DestinationContext context)
    {
        throw new IllegalStateException("destination type " + key + " is not available yet");
    }
}
