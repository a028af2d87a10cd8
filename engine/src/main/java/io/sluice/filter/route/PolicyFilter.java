package io.sluice.filter.route;

/**
 * A stream's {@code filters.policies}: a mask over the matched-policies bitmap computed once per event at ingest.
 * An event passes when it matched at least one of the stream's policies; an empty mask lets every event through.
 */
public final class PolicyFilter
{
    private static final PolicyFilter ALL = new PolicyFilter(0);

    private final long mask;

    private PolicyFilter(final long mask)
    {
        this.mask = mask;
    }

    /**
     * @return a filter that lets every event through.
     */
    public static PolicyFilter all()
    {
        return ALL;
    }

    /**
     * @param mask bit i set = policy i selected; 0 = all.
     * @return the filter.
     */
    public static PolicyFilter ofMask(final long mask)
    {
        return mask == 0 ? ALL : new PolicyFilter(mask);
    }

    /**
     * @param policyNames the policies in force, by bit.
     * @param policy      a policy's name.
     * @return its bit in the matched-policies bitmap, or -1 when no policy in force has that name.
     */
    public static int bitOf(final String[] policyNames, final String policy)
    {
        for (int i = 0; i < policyNames.length; i++)
        {
            if (policy.equals(policyNames[i]))
            {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param matchedPolicies the event's matched-policies bitmap.
     * @return true when the event passes.
     */
    public boolean matches(final long matchedPolicies)
    {
        return mask == 0 || (matchedPolicies & mask) != 0;
    }

    /**
     * @return the mask, 0 when every event passes.
     */
    public long mask()
    {
        return mask;
    }
}
