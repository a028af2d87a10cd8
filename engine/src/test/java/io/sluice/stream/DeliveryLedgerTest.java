package io.sluice.stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ledger settles an event, in order, once every destination has resolved it: delivered when all accepted it,
 * failed when any failed it, undelivered once the run gave up.
 */
class DeliveryLedgerTest
{
    private final StreamCounters counters = new StreamCounters();
    private final DestinationCounters first = new DestinationCounters();
    private final DestinationCounters second = new DestinationCounters();
    private final DeliveryLedger ledger = new DeliveryLedger(8, new DestinationCounters[] {first, second}, counters,
        new LatencyHistogram());

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

    private long open()
    {
        final long event = ledger.open(System.nanoTime());
        ledger.held(0, event, 10);
        ledger.held(1, event, 10);
        return event;
    }
}
