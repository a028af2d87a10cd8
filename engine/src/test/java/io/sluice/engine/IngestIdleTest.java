package io.sluice.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ingest's wait on an empty shared ring: spin, yield, then parks doubling from 50 µs to 10 ms (to 100 ms once the
 * ring has been empty for a second), fast again from the first record; no park longer than the ring has already been
 * empty (plus the first 50 µs), so a record after a silence is seen at most that silence later. The parks are
 * recorded, not slept.
 */
class IngestIdleTest
{
    private static final long US = 1_000L;
    private static final long MS = 1_000_000L;

    private final List<Long> parks = new ArrayList<>();
    private final IngestIdle idle = new IngestIdle(parks::add);

    @Test
    void anEmptyRingIsFirstSpunOnThenYieldedOnWithoutParking()
    {
        emptyPolls(IngestIdle.SPINS + IngestIdle.YIELDS);

        assertEquals(List.of(), parks);
    }

    @Test
    void parksDoubleFromFiftyMicrosecondsToTenMilliseconds()
    {
        emptyPolls(IngestIdle.SPINS + IngestIdle.YIELDS + 11);

        assertEquals(List.of(50 * US, 100 * US, 200 * US, 400 * US, 800 * US, 1_600 * US, 3_200 * US, 6_400 * US, 10 * MS,
            10 * MS, 10 * MS), parks);
    }

    @Test
    void afterAQuietSecondTheParksGrowToATenthOfASecond()
    {
        emptyPolls(IngestIdle.SPINS + IngestIdle.YIELDS + 300);

        long emptyFor = 0;
        for (final long park : parks)
        {
            assertTrue(park <= (emptyFor < IngestIdle.QUIET_NANOS ? 10 * MS : 100 * MS), park + " ns after " + emptyFor + " ns");
            emptyFor += park;
        }
        assertEquals(100 * MS, parks.get(parks.size() - 1));
        final int firstLong = parks.indexOf(20 * MS);
        long before = 0;
        for (int i = 0; i < firstLong; i++)
        {
            before += parks.get(i);
        }
        assertTrue(before >= IngestIdle.QUIET_NANOS, "the parks grow only after a second: " + before + " ns");
    }

    @Test
    void onceAStopIsAskedForNoParkIsLongerThanAMillisecond()
    {
        emptyPolls(IngestIdle.SPINS + IngestIdle.YIELDS + 200);
        assertEquals(100 * MS, parks.get(parks.size() - 1));

        idle.stopping();
        parks.clear();
        emptyPolls(5);

        assertEquals(List.of(1 * MS, 1 * MS, 1 * MS, 1 * MS, 1 * MS), parks);
    }

    @Test
    void noParkIsLongerThanTheRingHasAlreadyBeenEmpty()
    {
        emptyPolls(IngestIdle.SPINS + IngestIdle.YIELDS + 200);

        long emptyFor = 0;
        for (final long park : parks)
        {
            assertTrue(park <= emptyFor + IngestIdle.MIN_PARK_NANOS, park + " ns after " + emptyFor + " ns empty");
            emptyFor += park;
        }
    }

    @Test
    void theFirstRecordAfterAQuietSpellBringsFastPollingBack()
    {
        emptyPolls(IngestIdle.SPINS + IngestIdle.YIELDS + 50);
        assertEquals(10 * MS, parks.get(parks.size() - 1));

        idle.idle(1);
        parks.clear();
        emptyPolls(IngestIdle.SPINS + IngestIdle.YIELDS);
        assertEquals(List.of(), parks, "spins and yields again");
        emptyPolls(2);

        assertEquals(List.of(50 * US, 100 * US), parks);
    }

    private void emptyPolls(final int count)
    {
        for (int i = 0; i < count; i++)
        {
            idle.idle(0);
        }
    }
}
