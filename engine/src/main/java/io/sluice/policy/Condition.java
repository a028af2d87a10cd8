package io.sluice.policy;

/**
 * One compiled scope or rule filter, tested against a decoded event. Implementations allocate nothing.
 */
public interface Condition
{
    /**
     * @param event the decoded event.
     * @return true when the event passes.
     */
    boolean test(EventView event);

    /**
     * @return true for a scope that selects processes in containers ({@code container}, {@code container=new},
     *         {@code containerId=...}): Tracee's table shows container columns when a policy has one.
     */
    default boolean selectsContainers()
    {
        return false;
    }
}
