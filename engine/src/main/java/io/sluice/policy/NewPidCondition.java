package io.sluice.policy;

/**
 * Tracee's scope {@code pid=new} (processes that started after the tracer did) and {@code pid!=new} (those already
 * running). Sluice decides by the start time of the event's thread against its own start: for a thread-group leader
 * that is the process's start; a thread started later in an older process counts as new (Tracee, which sees forks,
 * counts the process).
 */
public final class NewPidCondition implements Condition
{
    private final long sinceNanos;
    private final boolean negated;

    /**
     * @param sinceNanos when Sluice started, nanoseconds since the epoch.
     * @param negated    true for {@code pid!=new}.
     */
    public NewPidCondition(final long sinceNanos, final boolean negated)
    {
        this.sinceNanos = sinceNanos;
        this.negated = negated;
    }

    @Override
    public boolean test(final EventView event)
    {
        return (event.threadStartNanos() >= sinceNanos) != negated;
    }
}
