package io.sluice.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The policies in force (at most 64, bit i = policy i): computes an event's matched-policies bitmap, and tells the
 * kernel sensor which events to trace and which simple scopes it may filter itself.
 */
public final class PolicySet
{
    /** Most policies at once: one bit each in a 64-bit bitmap. */
    public static final int MAX_POLICIES = 64;

    private final Policy[] policies;
    private final long[] interested;
    /** By event id: the policies that match every event of that id (no scope, a rule without filters). */
    private final long[] unconditional;

    /**
     * @param policies the compiled policies, in bit order.
     * @throws IllegalArgumentException for more than 64 policies or a name given twice.
     */
    public PolicySet(final List<Policy> policies)
    {
        if (policies.size() > MAX_POLICIES)
        {
            throw new IllegalArgumentException("at most " + MAX_POLICIES + " policies, got " + policies.size());
        }
        this.policies = policies.toArray(new Policy[0]);
        int maxId = 0;
        final Set<String> names = new LinkedHashSet<>();
        for (final Policy policy : policies)
        {
            if (!names.add(policy.name()))
            {
                throw new IllegalArgumentException("policy named twice: " + policy.name());
            }
            for (final int id : policy.eventIds())
            {
                maxId = Math.max(maxId, id);
            }
        }
        interested = new long[maxId + 1];
        unconditional = new long[maxId + 1];
        for (int bit = 0; bit < this.policies.length; bit++)
        {
            for (final int id : this.policies[bit].eventIds())
            {
                interested[id] |= 1L << bit;
                if (this.policies[bit].matchesEveryEventOf(id))
                {
                    unconditional[id] |= 1L << bit;
                }
            }
        }
    }

    /**
     * @param eventId an event id.
     * @return true when some policy's verdict on events of this id depends on more than the id (scope or filters), so
     *         {@link #match} needs the decoded event; false when {@link #matchById} gives the whole answer.
     */
    public boolean needsEvent(final int eventId)
    {
        return eventId >= 0 && eventId < interested.length && (interested[eventId] & ~unconditional[eventId]) != 0;
    }

    /**
     * @param eventId an event id for which {@link #needsEvent} is false.
     * @return the matched-policies bitmap of every event of that id; 0 when no policy wants it.
     */
    public long matchById(final int eventId)
    {
        return eventId >= 0 && eventId < unconditional.length ? unconditional[eventId] : 0;
    }

    /**
     * @param event a decoded event.
     * @return its matched-policies bitmap; 0 when no policy matched.
     */
    public long match(final EventView event)
    {
        final int id = event.eventId();
        if (id < 0 || id >= interested.length)
        {
            return 0;
        }
        long candidates = interested[id];
        long matched = 0;
        while (candidates != 0)
        {
            final int bit = Long.numberOfTrailingZeros(candidates);
            candidates &= candidates - 1;
            if (policies[bit].matches(event))
            {
                matched |= 1L << bit;
            }
        }
        return matched;
    }

    /**
     * @param eventId an event id.
     * @return true when some policy has a rule for it.
     */
    public boolean wants(final int eventId)
    {
        return eventId >= 0 && eventId < interested.length && interested[eventId] != 0;
    }

    /**
     * @return true when some policy's scope selects processes in containers: Tracee's table printers then show
     *         container columns (its container mode).
     */
    public boolean scopesContainers()
    {
        for (final Policy policy : policies)
        {
            if (policy.scopesContainers())
            {
                return true;
            }
        }
        return false;
    }

    /** @return the policies' names by bit. */
    public String[] names()
    {
        final String[] names = new String[policies.length];
        for (int i = 0; i < names.length; i++)
        {
            names[i] = policies[i].name();
        }
        return names;
    }

    /** @return the policies in bit order. */
    public List<Policy> policies()
    {
        return List.of(policies);
    }

    /** @return every event id some rule names, ascending. */
    public Set<Integer> eventIds()
    {
        final Set<Integer> ids = new TreeSet<>();
        for (final Policy policy : policies)
        {
            for (final int id : policy.eventIds())
            {
                ids.add(id);
            }
        }
        return ids;
    }

    /**
     * The scopes the kernel can apply for every policy at once: the union of each policy's {@code pid=}
     * ({@code comm=}, {@code uid=}) values when every policy has one, else nothing (the engine filters).
     *
     * @return the push-down; lists empty when the kernel must not filter that way.
     */
    public Policy.PushDown pushDown()
    {
        return new Policy.PushDown(union(0), unionComms(), union(2));
    }

    private List<Integer> union(final int which)
    {
        final Set<Integer> values = new TreeSet<>();
        for (final Policy policy : policies)
        {
            final List<Integer> own = which == 0 ? policy.pushDown().pids() : policy.pushDown().uids();
            if (own == null)
            {
                return List.of();
            }
            values.addAll(own);
        }
        return new ArrayList<>(values);
    }

    private List<String> unionComms()
    {
        final Set<String> values = new TreeSet<>();
        for (final Policy policy : policies)
        {
            if (policy.pushDown().comms() == null)
            {
                return List.of();
            }
            values.addAll(policy.pushDown().comms());
        }
        return new ArrayList<>(values);
    }
}
