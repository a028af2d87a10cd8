package io.sluice.stream;

import com.lmax.disruptor.ExceptionHandler;
import io.sluice.report.Problems;
import io.sluice.ring.EventSlot;

/**
 * The last line of defence on a ring: an exception that escapes a handler is reported once, with the handler and the
 * event's id, the event is counted failed, and the handler goes on with the next event (Disruptor's default handler
 * would rethrow, kill the thread, and stall every ring behind it). The routers and writers catch what they expect
 * themselves; reaching this is a bug, never a silent loss.
 */
public final class ContainedExceptions implements ExceptionHandler<EventSlot>
{
    private final String where;
    private final Problems problems;
    private final StreamCounters counters;

    /**
     * @param where    the handler, for the report.
     * @param problems where to report.
     * @param counters the stream whose event failed, or null for a handler that belongs to no stream.
     */
    public ContainedExceptions(final String where, final Problems problems, final StreamCounters counters)
    {
        this.where = where;
        this.problems = problems;
        this.counters = counters;
    }

    @Override
    public void handleEventException(final Throwable ex, final long sequence, final EventSlot slot)
    {
        problems.report(where + ": event", where + ": failed on event id " + (slot == null ? "?" : slot.eventId()) + ": " + ex);
        if (counters != null)
        {
            counters.onFailed();
        }
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
