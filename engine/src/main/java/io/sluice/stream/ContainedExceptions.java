package io.sluice.stream;

import com.lmax.disruptor.ExceptionHandler;
import io.sluice.report.Problems;
import io.sluice.ring.EventSlot;

/**
 * The last line of defence on a ring: an exception that escapes a handler is reported once, with the handler and the
 * event's id, and the handler goes on with the next event (Disruptor's default handler would rethrow, kill the thread,
 * and stall every ring behind it). Routers and writers settle every event themselves, catching what a filter,
 * formatter or destination throws; reaching this is a bug, reported, never counted twice.
 */
final class ContainedExceptions implements ExceptionHandler<EventSlot>
{
    private final String where;
    private final Problems problems;

    /**
     * @param where    the handler, for the report.
     * @param problems where to report.
     */
    ContainedExceptions(final String where, final Problems problems)
    {
        this.where = where;
        this.problems = problems;
    }

    @Override
    public void handleEventException(final Throwable ex, final long sequence, final EventSlot slot)
    {
        problems.report(where + ": event", where + ": failed on event id " + (slot == null ? "?" : slot.eventId()) + ": " + ex);
    }

    @Override
    public void handleOnStartException(final Throwable ex)
    {
        problems.report(where + ": start", where + ": failed to start: " + ex);
    }

    @Override
    public void handleOnShutdownException(final Throwable ex)
    {
        problems.report(where + ": shutdown", where + ": failed to shut down: " + ex);
    }
}
