package io.sluice.service;

import io.sluice.proto.v1beta1.StreamCounters;
import io.sluice.stream.ClientHub;
import io.sluice.stream.Stream;
import io.sluice.stream.StreamEnvironment;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One {@code StreamEvents} call while it lasts: its stream (router on the {@link ClientHub}, its own ring, writer,
 * ledger and counters) and its destination. It ends once, whichever comes first: the client leaves (the call is
 * cancelled), or the server stops (the stream delivers what it holds within the drain timeout, then the call is
 * completed). Either way the router is detached from the hub first, so the stream is drained only once nothing more
 * reaches its ring.
 */
final class ClientSession
{
    private final String name;
    private final String peer;
    private final Stream stream;
    private final ClientDestination destination;
    private final StreamEnvironment environment;
    private final ClientHub hub;
    private final Duration drainTimeout;
    private final AtomicBoolean ended = new AtomicBoolean();
    private boolean started;

    ClientSession(final String name, final String peer, final Stream stream, final ClientDestination destination,
        final StreamEnvironment environment, final ClientHub hub, final Duration drainTimeout)
    {
        this.name = name;
        this.peer = peer;
        this.stream = stream;
        this.destination = destination;
        this.environment = environment;
        this.hub = hub;
        this.drainTimeout = drainTimeout;
    }

    /**
     * Start the stream's writer, then route events to it from the next one published; nothing when the session was
     * ended first (the server stopping as the call came in).
     */
    synchronized void start()
    {
        if (ended.get())
        {
            return;
        }
        stream.start();
        hub.attach(stream);
        started = true;
    }

    /**
     * Start the stream's drain deadline now (the run is stopping): a block client holding the main ring back gives up
     * when it passes. Idempotent.
     */
    void startDeadline()
    {
        environment.deadline().start();
    }

    /**
     * @return the client's name ({@code client-N}).
     */
    String name()
    {
        return name;
    }

    /**
     * End the session: detach, let the stream deliver what it holds (within the drain timeout), close it.
     *
     * @param serverStopping true when the server stops (the call is then completed), false when the client left.
     * @return true the first time, when this call ended it.
     */
    boolean end(final boolean serverStopping)
    {
        if (!ended.compareAndSet(false, true))
        {
            return false;
        }
        synchronized (this)
        {
            // a start in progress finishes first; a session never started has nothing to drain
            if (!started)
            {
                if (serverStopping)
                {
                    destination.completeOnClose();
                    destination.close();
                }
                return true;
            }
        }
        if (serverStopping)
        {
            destination.completeOnClose();
        }
        else
        {
            destination.cancelled();
        }
        // the stream is closed only once the hub can hand it nothing more: matched = delivered + dropped + failed +
        // undelivered holds for it, and its final counters are final
        hub.detach(stream, drainTimeout.toNanos(), this::stillDetaching);
        environment.deadline().start();
        stream.drainAndClose();
        return true;
    }

    /**
     * The hub has not passed this client within the drain timeout (it waits in a block client's full ring): say so,
     * and once this client's deadline has passed, make its own writer give up (the hub may wait for this client's
     * ring, and a detached client is no longer unblocked through the hub).
     */
    private void stillDetaching()
    {
        environment.problems().report("event service: " + name + ": detach", "event service: " + name
            + ": the main ring has not passed the client within the drain timeout (held by a block client); still waiting");
        if (environment.deadline().passed(System.nanoTime()))
        {
            stream.abandon();
        }
    }

    /**
     * @return this client's counters now: matched = delivered + dropped + failed + pending.
     */
    StreamCounters counters()
    {
        final io.sluice.stream.StreamCounters counters = stream.counters();
        return StreamCounters.newBuilder().setName(name).setPeer(peer).setMatched(counters.matched())
            .setDelivered(counters.delivered()).setDropped(counters.dropped()).setFailed(counters.failed())
            .setUndelivered(counters.undelivered()).build();
    }

    /**
     * @return one line with the client's final counters.
     */
    String summary()
    {
        final io.sluice.stream.StreamCounters counters = stream.counters();
        return name + " (" + peer + ", " + stream.mode().name().toLowerCase(java.util.Locale.ROOT) + "): matched "
            + counters.matched() + ", delivered " + counters.delivered() + ", dropped " + counters.dropped() + ", failed "
            + counters.failed() + ", undelivered " + counters.undelivered();
    }
}
