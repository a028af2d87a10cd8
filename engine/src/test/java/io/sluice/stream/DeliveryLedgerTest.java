package io.sluice.stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ledger settles an event, in order, once every destination has resolved it: delivered when all accepted it,
 * failed when any failed it, undelivered once the run gave up. Each destination counts the bytes of what it accepted,
 * and each delivered event's latency, from its entry, is counted once.
 */
class DeliveryLedgerTest
{
    private final StreamCounters counters = new StreamCounters();
    private final DestinationCounters first = new DestinationCounters();
    private final DestinationCounters second = new DestinationCounters();
    private final LatencyHistogram latency = new LatencyHistogram();
    private final DeliveryLedger ledger = new DeliveryLedger(8, new DestinationCounters[] {first, second}, counters, latency);

    @Test
    void anEventIsDeliveredOnlyWhenEveryDestinationAcceptedIt()
    {
        final long a = open();
        final long b = open();
        ledger.receipts(0).accepted(2);
        assertEquals(0, counters.delivered(), "the second destination has not answered");
        ledger.receipts(1).accepted(1);
        assertEquals(1, counters.delivered());
        ledger.receipts(1).accepted(1);
        assertEquals(2, counters.delivered());
        assertTrue(ledger.empty());
        assertEquals(2, first.written());
        assertEquals(2, second.written());
        assertEquals(a + 1, b);
    }

    @Test
    void oneFailingDestinationFailsTheEventAndEventsSettleInOrder()
    {
        open();
        open();
        ledger.receipts(1).accepted(2);
        ledger.receipts(0).failed(1);
        assertEquals(1, counters.failed());
        assertEquals(0, counters.delivered());
        ledger.receipts(0).accepted(1);
        assertEquals(1, counters.delivered());
        assertEquals(1, first.failed());
        assertEquals(1, first.written());
    }

    @Test
    void anEventADestinationNeverGotCountsFailedForIt()
    {
        final long event = ledger.open(System.nanoTime());
        ledger.failWithout(0, event);
        ledger.held(1, event, 10);
        ledger.receipts(1).accepted(1);
        assertEquals(1, counters.failed());
        assertEquals(1, first.failed());
    }

    @Test
    void revokedEventsMoveFromDeliveredToFailedOrFailBeforeTheySettle()
    {
        open();
        open();
        ledger.receipts(0).accepted(2);
        ledger.receipts(1).accepted(1);
        assertEquals(1, counters.delivered());
        ledger.receipts(1).revoked(2);
        assertEquals(0, counters.delivered(), "the settled one moved to failed");
        assertEquals(1, counters.failed());
        assertEquals(0, second.written());
        assertEquals(1, second.failed(), "only what it had accepted can be revoked");
        assertFalse(ledger.empty(), "the second event still waits for destination 1");
        ledger.receipts(1).accepted(1);
        assertEquals(1, counters.delivered());
    }

    @Test
    void revocationSkipsWhatTheDestinationFailedAndNeverTouchesAnEventAnotherDestinationFailed()
    {
        open();
        open();
        open();
        ledger.receipts(0).failed(1);
        ledger.receipts(0).accepted(2);
        ledger.receipts(1).accepted(3);
        assertEquals(1, counters.failed());
        assertEquals(2, counters.delivered());
        ledger.receipts(1).revoked(3);
        assertEquals(0, counters.delivered());
        assertEquals(3, counters.failed(), "the event destination 0 failed is not counted twice");
        ledger.receipts(0).revoked(5);
        assertEquals(3, counters.failed(), "revoking again changes nothing");
        assertEquals(0, first.written());
        assertEquals(3, first.failed(), "one failed, two revoked; the failed one is not revoked");
    }

    @Test
    void givingUpSettlesEverythingOwedAsUndelivered()
    {
        open();
        open();
        ledger.receipts(0).accepted(1);
        ledger.giveUp();
        ledger.abandon();
        assertTrue(ledger.empty());
        assertEquals(2, counters.undelivered());
        assertEquals(0, counters.delivered() + counters.failed());
        assertEquals(0, first.failed() + second.failed(), "undelivered at exit is not a destination's failure");
    }

    @Test
    void receiptsThatComeAfterGivingUpForWhatWasHeldThenAreTakenAndTheLateAcceptsCounted()
    {
        // an asynchronous destination (kafka) with sends in flight when the run gave up: its close reports them later
        open();
        open();
        open();
        ledger.receipts(1).accepted(3);
        ledger.giveUp();
        ledger.abandon();
        assertEquals(3, counters.undelivered());
        ledger.receipts(0).accepted(2);
        ledger.receipts(0).failed(1);
        assertEquals(2, ledger.lateAccepted(0), "the peer has them: said, not hidden");
        assertEquals(3, counters.undelivered(), "settled once, not again");
        assertEquals(0, counters.delivered() + counters.failed());
        assertThrows(IllegalStateException.class, () -> ledger.receipts(0).accepted(1), "no more than it held then");
    }

    @Test
    void aRevocationAfterGivingUpReachesOnlyEventsTheDestinationAccepted()
    {
        for (int i = 0; i < 8; i++)
        {
            open();
        }
        ledger.receipts(0).accepted(8);
        ledger.receipts(1).accepted(8);
        // a second lap of the ledger's slots: held, never answered, then given up on
        for (int i = 0; i < 2; i++)
        {
            final long event = ledger.open(System.nanoTime());
            ledger.held(0, event, 1000);
            ledger.held(1, event, 1000);
        }
        ledger.giveUp();
        ledger.abandon();
        ledger.receipts(0).revoked(1);
        assertEquals(70, first.bytes(), "the newest accepted event (10 bytes) is revoked, not one held and given up");
        assertEquals(7, counters.delivered());
        assertEquals(2, counters.undelivered());
    }

    @Test
    void aDestinationCannotAnswerForMoreEventsThanItHolds()
    {
        open();
        assertThrows(IllegalStateException.class, () -> ledger.receipts(0).accepted(2));
    }

    @Test
    void aFullLedgerSaysSo()
    {
        for (int i = 0; i < 8; i++)
        {
            open();
        }
        assertTrue(ledger.full());
    }

    @Test
    void aDestinationCountsTheBytesOfWhatItAcceptedAndGivesThemBackWhenRevoked()
    {
        final long a = ledger.open(System.nanoTime());
        ledger.held(0, a, 300);
        ledger.held(1, a, 40);
        final long b = ledger.open(System.nanoTime());
        ledger.held(0, b, 200);
        ledger.held(1, b, 40);
        ledger.receipts(0).accepted(2);
        ledger.receipts(1).accepted(1);
        ledger.receipts(1).failed(1);
        assertEquals(500, first.bytes());
        assertEquals(40, second.bytes(), "what it failed is not counted");
        ledger.receipts(0).revoked(1);
        assertEquals(300, first.bytes(), "the newest accepted event was revoked");
    }

    @Test
    void eachDeliveredEventsLatencyFromItsEntryIsCountedOnce()
    {
        final long entered = System.nanoTime() - 3_000_000L;
        final long a = ledger.open(entered);
        ledger.held(0, a, 10);
        ledger.held(1, a, 10);
        final long b = ledger.open(entered);
        ledger.held(0, b, 10);
        ledger.held(1, b, 10);
        ledger.receipts(0).accepted(2);
        ledger.receipts(1).accepted(1);
        ledger.receipts(1).failed(1);
        long counted = 0;
        for (int bucket = 0; bucket < LatencyHistogram.buckets(); bucket++)
        {
            counted += latency.count(bucket);
            if (bucket < LatencyHistogram.buckets() - 1 && LatencyHistogram.upperBoundNanos(bucket) < 3_000_000L)
            {
                assertEquals(0, latency.count(bucket), "no event took less than 3 ms");
            }
        }
        assertEquals(1, counted, "the failed event has no latency");
        assertTrue(latency.sumNanos() >= 3_000_000L && latency.sumNanos() < 10_000_000_000L, String.valueOf(latency.sumNanos()));
    }

    private long open()
    {
        final long event = ledger.open(System.nanoTime());
        ledger.held(0, event, 10);
        ledger.held(1, event, 10);
        return event;
    }
}
