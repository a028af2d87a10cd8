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
}
