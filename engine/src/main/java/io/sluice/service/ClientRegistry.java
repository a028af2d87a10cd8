package io.sluice.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.grpc.Status;
import io.sluice.proto.v1beta1.StreamCounters;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The clients connected now, and the final counters of those that left most recently (for {@code GetCounters}, and
 * a line each on stderr). Safe from any thread.
 */
final class ClientRegistry
{
    private static final Logger LOG = LoggerFactory.getLogger(ClientRegistry.class);

    /** How many ended clients {@code GetCounters} still reports. */
    static final int ENDED_KEPT = 32;
    /** Why a client past the cap is refused. */
    static final String FULL = "too many clients connected";

    private final int maxClients;
    private final Map<String, ClientSession> live = new ConcurrentHashMap<>();
    private final ArrayDeque<StreamCounters> ended = new ArrayDeque<>();
    private final AtomicInteger numbers = new AtomicInteger();
    private volatile boolean closed;

    /**
     * @param maxClients how many clients may be connected at once.
     */
    ClientRegistry(final int maxClients)
    {
        this.maxClients = maxClients;
    }

    /**
     * @return a new client's stream name.
     */
    String nextName()
    {
        return "client-" + numbers.incrementAndGet();
    }

    /**
     * @param session a client that connected.
     * @return null when it is kept; else why not, for the call's status: the server is stopping
     * ({@code UNAVAILABLE}), or {@value #FULL} ({@code RESOURCE_EXHAUSTED}).
     */
    synchronized Status add(final ClientSession session)
    {
        if (closed)
        {
            return Status.UNAVAILABLE.withDescription("the server is stopping");
        }
        if (live.size() >= maxClients)
        {
            return Status.RESOURCE_EXHAUSTED.withDescription(FULL + " (" + maxClients + "; see --grpc-max-clients)");
        }
        live.put(session.name(), session);
        return null;
    }

    /**
     * End a session on a thread of its own (its stream drains, which may take up to the drain timeout): the client left.
     *
     * @param session the session.
     */
    void endLater(final ClientSession session)
    {
        ender(session, false).start();
    }

    private Thread ender(final ClientSession session, final boolean serverStopping)
    {
        final Thread ender = new Thread(() -> end(session, serverStopping), "sluice-" + session.name() + "-end");
        ender.setDaemon(true);
        return ender;
    }

    private void end(final ClientSession session, final boolean serverStopping)
    {
        if (session.end(serverStopping))
        {
            synchronized (this)
            {
                // under the lock counters() reads both lists with: a leaving client is in exactly one of them
                live.remove(session.name());
                if (ended.size() == ENDED_KEPT)
                {
                    ended.removeFirst();
                }
                ended.addLast(session.counters());
            }
            LOG.info("event service: {}{}", session.summary(), serverStopping ? "" : " (the client left)");
        }
    }

    /**
     * The run is stopping: every live client's stream has until the run's drain deadline (no new session starts then,
     * see {@link #add}; a session that starts before has its own timeout from when it ends).
     */
    void startDeadlines()
    {
        live.values().forEach(ClientSession::startDeadline);
    }

    /**
     * The server stops: no session starts any more, and every live one delivers what it holds (the drain timeouts run
     * side by side), then its call is completed.
     */
    void endAll()
    {
        final List<ClientSession> sessions;
        synchronized (this)
        {
            closed = true;
            sessions = new ArrayList<>(live.values());
        }
        final List<Thread> enders = new ArrayList<>();
        for (final ClientSession session : sessions)
        {
            final Thread ender = ender(session, true);
            ender.start();
            enders.add(ender);
        }
        for (final Thread ender : enders)
        {
            try
            {
                ender.join();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * @return the counters of the clients connected now, in the order they connected.
     */
    List<StreamCounters> live()
    {
        final List<StreamCounters> counters = new ArrayList<>();
        live.values().forEach(session -> counters.add(session.counters()));
        counters.sort(java.util.Comparator.comparingInt(client -> number(client.getName())));
        return counters;
    }

    private static int number(final String name)
    {
        return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
    }

    /**
     * @return the live clients' counters and the ended ones', read together: a client that is leaving is in one list,
     *         never in both and never in neither.
     */
    synchronized Counters counters()
    {
        return new Counters(live(), new ArrayList<>(ended));
    }

    /**
     * The clients' counters at one instant.
     *
     * @param live  the clients connected, in the order they connected.
     * @param ended the clients that left most recently, oldest first.
     */
    record Counters(List<StreamCounters> live, List<StreamCounters> ended)
    {
    }

    /**
     * @return the final counters of the clients that left most recently, oldest first.
     */
    synchronized List<StreamCounters> ended()
    {
        return new ArrayList<>(ended);
    }
}
