package io.sluice.policy;

/**
 * The scopes {@code container} (events of processes in a container) and {@code not-container} (host processes).
 */
public final class ContainerCondition implements Condition
{
    private final boolean inContainer;

    /**
     * @param inContainer true for {@code container}, false for {@code not-container}.
     */
    public ContainerCondition(final boolean inContainer)
    {
        this.inContainer = inContainer;
    }

    @Override
    public boolean test(final EventView event)
    {
        return (event.containerIdLength() > 0) == inContainer;
    }
}
