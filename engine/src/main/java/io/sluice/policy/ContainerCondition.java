package io.sluice.policy;

/**
 * The scopes {@code container} (events of processes in a container), {@code not-container} (host processes) and
 * {@code container=new} (processes in a container first seen after Sluice started: no process was in it when the
 * process tree was seeded from {@code /proc}) and {@code container=started} (processes in a running container, Tracee's
 * {@code ContainerStarted}).
 */
public final class ContainerCondition implements Condition
{
    private final boolean inContainer;
    private final boolean onlyNew;
    private final boolean negated;
    private final boolean onlyStarted;

    /**
     * @param inContainer true for {@code container}, false for {@code not-container}.
     */
    public ContainerCondition(final boolean inContainer)
    {
        this(inContainer, false, false, false);
    }

    private ContainerCondition(final boolean inContainer, final boolean onlyNew, final boolean negated, final boolean onlyStarted)
    {
        this.inContainer = inContainer;
        this.onlyNew = onlyNew;
        this.negated = negated;
        this.onlyStarted = onlyStarted;
    }

    /** @return {@code container=started}. */
    public static ContainerCondition started()
    {
        return new ContainerCondition(true, false, false, true);
    }

    /**
     * @param negated true for {@code container!=new} (a process in a container that is not new, as in Tracee).
     * @return {@code container=new}, or its negation.
     */
    public static ContainerCondition newContainer(final boolean negated)
    {
        return new ContainerCondition(true, true, negated, false);
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
            return event.containerIdLength() > 0 && event.containerNew() != negated;
        }
        if (onlyStarted)
        {
            return event.containerIdLength() > 0 && event.containerRunning();
        }
        return (event.containerIdLength() > 0) == inContainer;
    }
}
