package io.sluice.engine;

import com.lmax.disruptor.RingBuffer;
import io.sluice.ring.EventSlot;
import io.sluice.stream.ClientHub;

import java.util.function.Function;

/**
 * The engine's side of the event service: the service and the hub its clients' streams attach to, or nothing when the
 * service is off ({@link #OFF}), so the engine calls the same methods either way.
 */
final class ServiceHook
{
    /** No service. */
    static final ServiceHook OFF = new ServiceHook(null, null);

    private final LiveService service;
    private final ClientHub hub;

    private ServiceHook(final LiveService service, final ClientHub hub)
    {
        this.service = service;
        this.hub = hub;
    }

    /**
     * @param service the pipeline's service, or null.
     * @param main    the main ring, whose cursor the hub reads when a client detaches.
     * @return the hook.
     */
    static ServiceHook of(final LiveService service, final RingBuffer<EventSlot> main)
    {
        return service == null ? OFF : new ServiceHook(service, new ClientHub(main::getCursor));
    }

    /** @return the hub to put on the main ring, or null when the service is off. */
    ClientHub hub()
    {
        return hub;
    }

    /** @param engine makes what the service sees of the engine; called only when the service is on. */
    void bind(final Function<ClientHub, LiveEngine> engine)
    {
        if (service != null)
        {
            service.bind(engine.apply(hub));
        }
    }

    /** The run's drain deadline started: the clients' streams share it. */
    void draining()
    {
        if (service != null)
        {
            service.draining();
        }
    }

    /** Past the deadline: clients' writers stuck in a push give up. */
    void unblock()
    {
        if (hub != null)
        {
            hub.unblockClients();
        }
    }

    /** The main ring drained: the clients deliver what they hold, their calls end, the server stops. */
    void stop()
    {
        if (service != null)
        {
            service.stop();
        }
    }
}
