package io.sluice.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ingest's wait on an empty shared ring: spin, then parks doubling from 50 µs to 10 ms (to 100 ms once the
 * ring has been empty for a second), fast again from the first record; with no gap known no park is longer than the
 * ring has already been empty (plus the first 50 µs), so a record after a silence is seen at most that silence later.
 * Once a stretch of parks ended with records, the next stretches are aligned with it (the loader's batches come at a
 * steady pace): 7/8 of it at once, then sixteenths, then doubling again past it. The parks are recorded, not slept.
 */
class IngestIdleTest
{
    private static final long US = 1_000L;
    private static final long MS = 1_000_000L;

    private final List<Long> parks = new ArrayList<>();
    private final IngestIdle idle = new IngestIdle(parks::add);

    @Test
    void anEmptyRingIsFirstSpunOnWithoutParking()
    {
        emptyPolls(IngestIdle.SPINS);

        assertEquals(List.of(), parks);
    }

    @Test
    void parksDoubleFromFiftyMicrosecondsToTenMilliseconds()
    {
        emptyPolls(IngestIdle.SPINS + 11);

        assertEquals(List.of(50 * US, 100 * US, 200 * US, 400 * US, 800 * US, 1_600 * US, 3_200 * US, 6_400 * US, 10 * MS,
            10 * MS, 10 * MS), parks);
    }

    @Test
    void afterAQuietSecondTheParksGrowToATenthOfASecond()
    {
        emptyPolls(IngestIdle.SPINS + 300);

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
        emptyPolls(IngestIdle.SPINS + 200);
        assertEquals(100 * MS, parks.get(parks.size() - 1));

        idle.stopping();
        parks.clear();
        emptyPolls(5);

        assertEquals(List.of(1 * MS, 1 * MS, 1 * MS, 1 * MS, 1 * MS), parks);
    }

    @Test
    void noParkIsLongerThanTheRingHasAlreadyBeenEmpty()
    {
        emptyPolls(IngestIdle.SPINS + 200);

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
        emptyPolls(IngestIdle.SPINS + 50);
        assertEquals(10 * MS, parks.get(parks.size() - 1));

        idle.idle(1);
        parks.clear();
        emptyPolls(IngestIdle.SPINS);
        assertEquals(List.of(), parks, "spins again");
        emptyPolls(2);

        // the stretch before was long: aligned with at most 4 ms of it, 7/8 at once
        assertEquals(List.of(3_500 * US, 250 * US), parks);
    }

    @Test
    void aStretchThatEndedWithRecordsSetsThePaceOfTheNextParksAndPastItTheyDoubleAgain()
    {
        emptyPolls(IngestIdle.SPINS + 6);   // 50 + 100 + 200 + 400 + 800 + 1,600 µs parked: 3.15 ms, then records
        idle.idle(1);
        parks.clear();

        emptyPolls(IngestIdle.SPINS + 6);

        final long gap = 3_150 * US;
        assertEquals(List.of(gap - gap / 8, gap / 16, gap / 16, 50 * US, 100 * US, 200 * US), parks,
            "7/8 of the gap, sixteenths up to it, then doubling from 50 µs");
        long parked = 0;
        for (int i = 0; i < 3; i++)
        {
            parked += parks.get(i);
        }
        assertEquals(gap, parked, "the aligned parks end at the gap");
    }

    @Test
    void aStretchEndedWhileSpinningKeepsThePaceItHad()
    {
        emptyPolls(IngestIdle.SPINS + 3);   // 350 µs parked
        idle.idle(1);
        emptyPolls(IngestIdle.SPINS - 1);
        idle.idle(1);                       // records found while spinning: no gap measured
        parks.clear();

        emptyPolls(IngestIdle.SPINS + 1);

        assertEquals(List.of(350 * US - 350 * US / 8), parks);
    }

    private void emptyPolls(final int count)
    {
        for (int i = 0; i < count; i++)
        {
            idle.idle(0);
        }
    }
}
