package io.sluice.filter.route;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stream's policy filter is a mask over the matched-policies bitmap: an event passes when it matched any of
 * the stream's policies.
 */
class PolicyFilterTest
{
    @Test
    void noPoliciesLetsEverythingThroughEvenUnmatchedEvents()
    {
        assertSame(PolicyFilter.all(), PolicyFilter.ofMask(0));
        assertTrue(PolicyFilter.all().matches(0));
        assertTrue(PolicyFilter.all().matches(-1L));
    }

    @Test
    void passesWhenAnySelectedPolicyMatched()
    {
        final PolicyFilter filter = PolicyFilter.ofMask((1L << 1) | (1L << 63));
        assertTrue(filter.matches(1L << 1));
        assertTrue(filter.matches(1L << 63));
        assertTrue(filter.matches((1L << 1) | 1L));
        assertFalse(filter.matches(1L));
        assertFalse(filter.matches(0));
        assertFalse(filter.matches(1L << 62));
    }
}
