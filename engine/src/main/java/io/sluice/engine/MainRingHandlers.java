package io.sluice.engine;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.dsl.Disruptor;
import io.sluice.report.Problems;
import io.sluice.ring.EventSlot;
import io.sluice.stream.ClientHub;
import io.sluice.stream.Stream;

import java.util.ArrayList;
import java.util.List;

/**
 * The main ring's handlers, fixed before it starts: one router per configured stream, and the clients' hub when the
 * event service is on (with {@code --output none}, the hub alone), each with an exception handler that reports and goes
 * on.
 */
final class MainRingHandlers
{
    private MainRingHandlers()
    {
    }

    /**
     * @param main     the main ring, not started.
     * @param streams  the configured streams.
     * @param hub      the clients' hub, or null when the service is off.
     * @param problems the run's reporter.
     */
    static void attach(final Disruptor<EventSlot> main, final List<Stream> streams, final ClientHub hub, final Problems problems)
    {
        final List<EventHandler<EventSlot>> handlers = new ArrayList<>();
        final List<ExceptionHandler<EventSlot>> exceptions = new ArrayList<>();
        for (final Stream stream : streams)
        {
            handlers.add(stream.router());
            exceptions.add(stream.routerExceptions());
        }
        if (hub != null)
        {
            handlers.add(hub);
            exceptions.add(ClientHub.exceptions(problems));
        }
        if (handlers.isEmpty())
        {
            return;
        }
        @SuppressWarnings("unchecked")
        final EventHandler<EventSlot>[] array = handlers.toArray(new EventHandler[0]);
        main.handleEventsWith(array);
        for (int i = 0; i < array.length; i++)
        {
            main.handleExceptionsFor(array[i]).with(exceptions.get(i));
        }
    }
}
