package io.sluice.engine;

import io.sluice.ring.RecordType;
import io.sluice.ring.RingDoorbell;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ingest's wait on an empty shared ring: spin, yield, then parks doubling from 50 µs to 10 ms (to 100 ms once the
 * ring has been empty for a second), fast again from the first record; no park longer than the ring has already been
 * empty (plus the first 50 µs), so a record after a silence is seen at most that silence later. Paced batches (the
 * last silence parked through for a millisecond or more, no burst since) are the exception: they start the next
 * silence parked for half the last one, at most 10 ms. With a producer that rings (the loader), once the spins and
 * yields found nothing the ingest sleeps on the shared ring's doorbell instead of parking, until a stop is asked for.
 * The parks and sleeps are recorded, not slept.
 */
class IngestIdleTest
{
    private static final long US = 1_000L;
    private static final long MS = 1_000_000L;

    private final OneToOneRingBuffer ring = new OneToOneRingBuffer(
        new UnsafeBuffer(ByteBuffer.allocateDirect(64 * 1024 + RingBufferDescriptor.TRAILER_LENGTH)));
    private final List<Long> parks = new ArrayList<>();
    /** The sleeps on the doorbell, recorded, not slept. */
    private final List<Long> armedSleeps = new ArrayList<>();
    private final RingDoorbell doorbell = new RingDoorbell(new UnsafeBuffer(ByteBuffer.allocateDirect(RingDoorbell.LENGTH)),
        ring, (address, expected, nanos) -> armedSleeps.add(nanos));
    private final IngestIdle idle = new IngestIdle(parks::add, doorbell);

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
    void aBurstAfterAQuietSpellBringsFastPollingBack()
    {
        emptyPolls(IngestIdle.SPINS + IngestIdle.YIELDS + 50);
        assertEquals(10 * MS, parks.get(parks.size() - 1));

        idle.idle(IngestIdle.PACED_RECORDS - 100);
        idle.idle(100);
        parks.clear();
        emptyPolls(IngestIdle.SPINS + IngestIdle.YIELDS);
        assertEquals(List.of(), parks, "spins and yields again");
        emptyPolls(2);

        assertEquals(List.of(50 * US, 100 * US), parks);
    }

    @Test
    void pacedBatchesStartTheNextSilenceParkedForHalfTheLastOne()
    {
        emptyPolls(IngestIdle.SPINS + IngestIdle.YIELDS + 5);
        assertEquals(List.of(50 * US, 100 * US, 200 * US, 400 * US, 800 * US), parks, "1.55 ms parked through");

        idle.idle(300);
        parks.clear();
        emptyPolls(3);

        assertEquals(List.of(775 * US, 1_550 * US, 3_100 * US), parks, "no spin or yield first");
    }

    @Test
    void aPacedSilenceParksAtMostTenMillisecondsAtOnce()
    {
        emptyPolls(IngestIdle.SPINS + IngestIdle.YIELDS + 50);

        idle.idle(1);
        parks.clear();
        emptyPolls(2);

        assertEquals(List.of(10 * MS, 10 * MS), parks);
    }

    @Test
    void aSilenceShorterThanTheMillisecondKeepsSpinningFirst()
    {
        emptyPolls(IngestIdle.SPINS + IngestIdle.YIELDS + 4);
        assertEquals(List.of(50 * US, 100 * US, 200 * US, 400 * US), parks, "750 µs parked through");

        idle.idle(1);
        parks.clear();
        emptyPolls(IngestIdle.SPINS + IngestIdle.YIELDS + 1);

        assertEquals(List.of(50 * US), parks);
    }

    @Test
    void aSilenceEndedWhileSpinningKeepsSpinningFirst()
    {
        emptyPolls(IngestIdle.SPINS + IngestIdle.YIELDS + 5);
        idle.idle(IngestIdle.PACED_RECORDS);
        emptyPolls(10);
        idle.idle(1);
        parks.clear();

        emptyPolls(IngestIdle.SPINS + IngestIdle.YIELDS + 1);

        assertEquals(List.of(50 * US), parks, "the last silence, not an older one, decides");
    }

    @Test
    void whenTheProducerRingsTheIngestSleepsOnTheDoorbellInsteadOfParking()
    {
        doorbell.producerRings();
        emptyPolls(IngestIdle.SPINS + IngestIdle.YIELDS);
        assertEquals(List.of(), armedSleeps, "spins and yields first");

        emptyPolls(2);

        assertEquals(List.of(), parks, "no timed park");
        assertEquals(List.of(RingDoorbell.ARMED_PARK_NANOS, RingDoorbell.ARMED_PARK_NANOS), armedSleeps);
        assertFalse(doorbell.isArmed(), "disarmed once awake");
    }

    @Test
    void onceAStopIsAskedForTheDoorbellIsNotSleptOn()
    {
        doorbell.producerRings();
        idle.stopping();

        emptyPolls(IngestIdle.SPINS + IngestIdle.YIELDS + 5);

        assertEquals(List.of(), armedSleeps, "the source's end is noticed within a park");
        assertEquals(5, parks.size());
        assertTrue(parks.stream().allMatch(park -> park <= IngestIdle.STOPPING_PARK_NANOS), parks.toString());
    }

    @Test
    void aPacedSilenceAfterALongOneSleepsOnTheDoorbellAtOnce()
    {
        emptyPolls(IngestIdle.SPINS + IngestIdle.YIELDS + 11);
        assertEquals(10 * MS, parks.get(parks.size() - 1), "32.75 ms parked through");
        idle.idle(300);
        doorbell.producerRings();
        parks.clear();

        idle.idle(0);

        assertEquals(List.of(), parks, "no spin, yield or timed park first");
        assertEquals(List.of(RingDoorbell.ARMED_PARK_NANOS), armedSleeps);
    }

    @Test
    void recordsHeldForALaterPassKeepTheTimedParks()
    {
        doorbell.producerRings();
        for (int i = 0; i < IngestIdle.SPINS + IngestIdle.YIELDS + 10; i++)
        {
            idle.idle(true);
        }

        assertEquals(10 * MS, parks.get(parks.size() - 1), "sort-events' held records are released by the ingest's passes");
        assertEquals(List.of(), armedSleeps);
    }

    @Test
    void aRecordFoundOnceArmedIsWaitedOnWithTheShortestPark()
    {
        doorbell.producerRings();
        emptyPolls(IngestIdle.SPINS + IngestIdle.YIELDS);
        assertTrue(ring.write(RecordType.EVENT, new UnsafeBuffer(new byte[16]), 0, 16), "a record the ingest has not read");

        emptyPolls(1);

        assertEquals(List.of(), armedSleeps, "no sleep with a record in the ring");
        assertEquals(List.of(IngestIdle.MIN_PARK_NANOS), parks, "not polled flat out either");
    }

    @Test
    void aDoorbellNobodyRingsLeavesTheParksAsTheyAre()
    {
        emptyPolls(IngestIdle.SPINS + IngestIdle.YIELDS + 10);

        assertEquals(10 * MS, parks.get(parks.size() - 1));
        assertFalse(doorbell.isRung());
    }

    private void emptyPolls(final int count)
    {
        for (int i = 0; i < count; i++)
        {
            idle.idle(0);
        }
    }
}
