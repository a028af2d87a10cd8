package io.sluice.policy;

/**
 * The scopes {@code container} (events of processes in a container), {@code not-container} (host processes) and
 * {@code container=new} (processes in a container first seen after Sluice started: no process was in it when the
 * process tree was seeded from {@code /proc}).
 */
public final class ContainerCondition implements Condition
{
    private final boolean inContainer;
    private final boolean onlyNew;
    private final boolean negated;

    /**
     * @param inContainer true for {@code container}, false for {@code not-container}.
     */
    public ContainerCondition(final boolean inContainer)
    {
        this(inContainer, false, false);
    }

    private ContainerCondition(final boolean inContainer, final boolean onlyNew, final boolean negated)
    {
        this.inContainer = inContainer;
        this.onlyNew = onlyNew;
        this.negated = negated;
    }

    /**
     * @param negated true for {@code container!=new}.
     * @return {@code container=new}, or its negation.
     */
    public static ContainerCondition newContainer(final boolean negated)
    {
        return new ContainerCondition(true, true, negated);
    }

    @Override
    public boolean selectsContainers()
    {
        return inContainer && !negated;
    }

    @Override
    public boolean test(final EventView event)
    {
        if (onlyNew)
        {
            return (event.containerIdLength() > 0 && event.containerNew()) != negated;
        }
        return (event.containerIdLength() > 0) == inContainer;
    }
}
