package io.sluice.engine;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.dsl.Disruptor;
import io.sluice.report.Problems;
import io.sluice.ring.BatchedSignalWaitStrategy;
import io.sluice.ring.EventSlot;
import io.sluice.stream.ClientHub;
import io.sluice.stream.RouterGroup;
import io.sluice.stream.Stream;

import java.util.ArrayList;
import java.util.List;

/**
 * The main ring's handlers, fixed before it starts: the configured streams' routers in {@link RouterGroup}s, one
 * thread each (as many as the run's cores call for, {@link RouterGroup#threadsFor}, unless the pipeline says), or with
 * no thread of their own, one group run by the ingest ({@link RoutingOnIngest}); and the clients' hub when the event
 * service is on (with {@code --output none}, the hub alone). Each handler has an exception handler that reports and
 * goes on. With no handler at all, nothing reads the main ring, and the ingest puts its events in a slot of its own
 * ({@link IngestOwnSlot}).
 */
final class MainRingHandlers
{
    private MainRingHandlers()
    {
    }

    /**
     * @param configured the pipeline's router threads, or {@link Pipeline#ROUTER_THREADS_BY_CORES}.
     * @param streams    how many configured streams.
     * @return how many router threads they get (0: the ingest's): as configured, or as {@link RouterGroup#threadsFor}
     *         the machine's cores.
     */
    static int routerThreads(final int configured, final int streams)
    {
        return configured >= 0 ? configured
            : RouterGroup.threadsFor(Runtime.getRuntime().availableProcessors(), streams);
    }

    /**
     * What the ingest hands each event it keeps to.
     *
     * @param slots   where it puts the event: the main ring's slots when a handler reads them, else its own slot.
     * @param routing the routers it runs: with no router thread, every stream's; otherwise none.
     */
    record IngestHandoff(IngestSlots slots, RoutingOnIngest routing)
    {
    }

    /**
     * @param main          the main ring, not started.
     * @param signals       the main ring's wait strategy, whose signals the ingest defers while a pass publishes.
     * @param streams       the configured streams, not started.
     * @param hub           the clients' hub, or null when the service is off.
     * @param problems      the run's reporter.
     * @param routerThreads how many router threads ({@link #routerThreads}); 0 for none.
     * @return what the ingest hands its events to.
     */
    static IngestHandoff attach(final Disruptor<EventSlot> main, final BatchedSignalWaitStrategy signals,
        final List<Stream> streams, final ClientHub hub, final Problems problems, final int routerThreads)
    {
        final List<EventHandler<EventSlot>> handlers = new ArrayList<>();
        final List<ExceptionHandler<EventSlot>> exceptions = new ArrayList<>();
        final boolean onIngest = routerThreads == 0 && !streams.isEmpty();
        final List<RouterGroup> groups = streams.isEmpty() || onIngest ? List.of()
            : RouterGroup.split(streams, routerThreads, problems);
        for (final RouterGroup group : groups)
        {
            handlers.add(group);
            exceptions.add(group.exceptions());
        }
        if (hub != null)
        {
            handlers.add(hub);
            exceptions.add(ClientHub.exceptions(problems));
        }
        final RoutingOnIngest routing = onIngest
            ? RoutingOnIngest.of(RouterGroup.split(streams, 1, problems).get(0)) : RoutingOnIngest.NONE;
        if (handlers.isEmpty())
        {
            return new IngestHandoff(new IngestOwnSlot(), routing);
        }
        @SuppressWarnings("unchecked")
        final EventHandler<EventSlot>[] array = handlers.toArray(new EventHandler[0]);
        main.handleEventsWith(array);
        for (int i = 0; i < array.length; i++)
        {
            main.handleExceptionsFor(array[i]).with(exceptions.get(i));
        }
        return new IngestHandoff(new MainRingSlots(main.getRingBuffer(), signals), routing);
    }
}
