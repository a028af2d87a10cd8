package io.sluice.source;

import io.sluice.codec.catalog.EventCatalog;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SyntheticSpecTest
{
    private final EventCatalog catalog = EventCatalog.standard();

    @Test
    void parsesEveryKey()
    {
        final SyntheticSpec spec = SyntheticSpec.parse("synthetic:count=10,rate=500,seed=3,events=openat;execve", catalog);
        assertEquals(10, spec.count());
        assertEquals(500, spec.rate());
        assertEquals(3, spec.seed());
        assertEquals(2, spec.events().size());
        assertEquals("openat", spec.events().get(0).name());
    }

    @Test
    void defaultsToEveryKernelEventOfTheCatalogAsFastAsPossible()
    {
        final SyntheticSpec spec = SyntheticSpec.parse("synthetic", catalog);
        assertEquals(0, spec.rate());
        assertEquals(catalog.events().stream().filter(e -> e.id() < io.sluice.codec.catalog.EventCatalog.FIRST_DETECTOR_ID).count(),
            spec.events().size(), "detector events are derived, never generated");
    }

    @Test
    void eventsCanPretendToMatchNamedPolicies()
    {
        final SyntheticSpec spec = SyntheticSpec.parse("synthetic:policies=alpha;beta;gamma", catalog);
        assertEquals(java.util.List.of("alpha", "beta", "gamma"), spec.policies());
        for (long seq = 0; seq < 10_000; seq++)
        {
            final long bits = SyntheticSource.policyBits(spec.seed(), seq, 3);
            assertEquals(bits, SyntheticSource.policyBits(spec.seed(), seq, 3), "a pure function of seed and seq");
            org.junit.jupiter.api.Assertions.assertTrue(bits != 0 && (bits & ~7L) == 0, "a non-empty subset of 3: " + bits);
        }
        assertEquals(0, SyntheticSource.policyBits(1, 5, 0), "no policies, no bits");
        assertEquals("synthetic source: policies: empty or repeated name 'alpha'",
            assertThrows(IllegalArgumentException.class, () -> SyntheticSpec.parse("synthetic:policies=alpha;alpha", catalog)).getMessage());
    }

    @Test
    void namesTheWrongKeyOrValue()
    {
        assertEquals("synthetic source: events: unknown event 'opnat'",
            assertThrows(IllegalArgumentException.class, () -> SyntheticSpec.parse("synthetic:events=opnat", catalog)).getMessage());
        assertEquals("synthetic source: count must be an integer, got 'ten'",
            assertThrows(IllegalArgumentException.class, () -> SyntheticSpec.parse("synthetic:count=ten", catalog)).getMessage());
        assertEquals("synthetic source: rate must be >= 0, got '-1'",
            assertThrows(IllegalArgumentException.class, () -> SyntheticSpec.parse("synthetic:rate=-1", catalog)).getMessage());
        assertEquals("synthetic source: unknown key 'speed' (expected count, rate, seed, events, policies, pool)",
            assertThrows(IllegalArgumentException.class, () -> SyntheticSpec.parse("synthetic:speed=1", catalog)).getMessage());
    }
}
