package io.sluice.policy;

import io.sluice.process.ProcessTree;

import java.util.List;

/**
 * One compiled policy: its scope (all conditions must pass; with {@code follow}, for the process or one of its
 * ancestors) and its rules by event id (an event passes when any rule for it passes; a rule passes when all its
 * filters do).
 */
public final class Policy
{
    private static final Condition[][] NO_RULES = new Condition[0][];

    private final String name;
    private final String origin;
    private final Condition[] scope;
    private final boolean follow;
    private final Condition[][][] rulesByEvent;
    private final int[] eventIds;
    private final PushDown pushDown;

    /**
     * What a policy's scope allows the kernel to filter: its {@code pid=}, {@code comm=} and {@code uid=} values,
     * each null when the scope does not restrict it that way (or restricts it with something the kernel cannot do).
     *
     * @param pids  host pids.
     * @param comms command names.
     * @param uids  uids.
     */
    public record PushDown(List<Integer> pids, List<String> comms, List<Integer> uids)
    {
    }

    Policy(final String name, final String origin, final Condition[] scope, final boolean follow,
        final Condition[][][] rulesByEvent, final int[] eventIds, final PushDown pushDown)
    {
        this.name = name;
        this.origin = origin;
        this.scope = scope;
        this.follow = follow;
        this.rulesByEvent = rulesByEvent;
        this.eventIds = eventIds;
        this.pushDown = pushDown;
    }

    /**
     * @param event a decoded event whose id this policy has a rule for.
     * @return true when the event matches a rule and the scope.
     */
    public boolean matches(final EventView event)
    {
        final int id = event.eventId();
        final Condition[][] rules = id >= 0 && id < rulesByEvent.length && rulesByEvent[id] != null ? rulesByEvent[id] : NO_RULES;
        boolean ruleMatched = false;
        for (int r = 0; r < rules.length && !ruleMatched; r++)
        {
            ruleMatched = all(rules[r], event);
        }
        if (!ruleMatched)
        {
            return false;
        }
        if (all(scope, event))
        {
            return true;
        }
        if (!follow)
        {
            return false;
        }
        boolean matched = false;
        for (int depth = 0; depth < ProcessTree.MAX_LINEAGE_DEPTH && !matched && event.moveToParent(); depth++)
        {
            matched = all(scope, event);
        }
        event.wrap(event.mutableBuffer(), event.offset(), event.length());
        return matched;
    }

    private static boolean all(final Condition[] conditions, final EventView event)
    {
        for (final Condition condition : conditions)
        {
            if (!condition.test(event))
            {
                return false;
            }
        }
        return true;
    }

    /** @return the policy's name. */
    public String name()
    {
        return name;
    }

    /** @return the file (or flags) it came from. */
    public String origin()
    {
        return origin;
    }

    /** @return the ids of the events its rules name, ascending. */
    public int[] eventIds()
    {
        return eventIds.clone();
    }

    /**
     * @param id an event id.
     * @return true when this policy matches every event of that id, whatever else it carries: an empty scope and a
     *         rule for the event without filters.
     */
    public boolean matchesEveryEventOf(final int id)
    {
        if (scope.length != 0 || id < 0 || id >= rulesByEvent.length || rulesByEvent[id] == null)
        {
            return false;
        }
        for (final Condition[] rule : rulesByEvent[id])
        {
            if (rule.length == 0)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * @return true when the scope selects processes in containers ({@link Condition#selectsContainers}), as Tracee's
     *         {@code ContainerFilterEnabled}.
     */
    public boolean scopesContainers()
    {
        for (final Condition condition : scope)
        {
            if (condition.selectsContainers())
            {
                return true;
            }
        }
        return false;
    }

    /** @return true when the scope includes {@code follow}. */
    public boolean follow()
    {
        return follow;
    }

    /** @return what the kernel may filter for this policy. */
    public PushDown pushDown()
    {
        return pushDown;
    }
}
