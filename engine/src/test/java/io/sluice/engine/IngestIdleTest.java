package io.sluice.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ingest's wait on an empty shared ring: fast while records come (spin, yield, parks doubling to 1 ms), 10 ms parks
 * once a second passed without one, fast again from the first record. Driven by a clock the test moves; the parks
 * are recorded, not slept.
 */
class IngestIdleTest
{
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private long now = 1_000 * MS;
    private final List<Long> parks = new ArrayList<>();
    private final IngestIdle idle = new IngestIdle(() -> now, nanos ->
    {
        parks.add(nanos);
        now += nanos;
    }, IngestIdle.QUIET_AFTER_NANOS, IngestIdle.QUIET_PARK_NANOS);

    @Test
    void anEmptyRingIsFirstSpunOnThenYieldedOnWithoutParking()
    {
        emptyPolls(IngestIdle.SPINS + IngestIdle.YIELDS);

        assertEquals(List.of(), parks);
    }

    @Test
    void parksDoubleFromAMicrosecondToAMillisecondWhileRecordsAreRecent()
    {
        emptyPolls(IngestIdle.SPINS + IngestIdle.YIELDS + 13);

        assertEquals(List.of(1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 32_000L, 64_000L, 128_000L, 256_000L, 512_000L,
            1_000_000L, 1_000_000L, 1_000_000L), parks);
    }

    @Test
    void aSecondWithoutRecordsParksTenMillisecondsAtATime()
    {
        emptyPolls(IngestIdle.SPINS + IngestIdle.YIELDS);
        final long parkingSince = now;
        while (now - parkingSince < IngestIdle.QUIET_AFTER_NANOS)
        {
            idle.idle();
            assertTrue(parks.get(parks.size() - 1) <= MS, "fast parks within the first second");
        }
        parks.clear();

        emptyPolls(5);

        assertEquals(List.of(10 * MS, 10 * MS, 10 * MS, 10 * MS, 10 * MS), parks);
    }

    @Test
    void theFirstRecordAfterAQuietSpellBringsFastPollingBack()
    {
        emptyPolls(IngestIdle.SPINS + IngestIdle.YIELDS + 1_100);
        assertEquals(10 * MS, parks.get(parks.size() - 1));

        idle.idle(1);
        parks.clear();
        emptyPolls(IngestIdle.SPINS + IngestIdle.YIELDS + 2);

        assertEquals(List.of(1_000L, 2_000L), parks);
    }

    @Test
    void aQuietSpellCountsFromTheLastRecordNotFromStart()
    {
        for (int stretch = 0; stretch < 5; stretch++)
        {
            emptyPolls(IngestIdle.SPINS + IngestIdle.YIELDS + 500);
            idle.reset();
        }

        assertTrue(parks.stream().allMatch(nanos -> nanos <= MS), "records every ~half second keep polling fast");
    }

    private void emptyPolls(final int count)
    {
        for (int i = 0; i < count; i++)
        {
            idle.idle(0);
        }
    }
}
