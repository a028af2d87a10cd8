package io.sluice.stream;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.Sequence;
import io.sluice.report.Problems;
import io.sluice.ring.EventSlot;

import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The one handler on the main ring that carries the streams of the event service's clients. The main ring's handlers
 * are fixed when it starts, while clients come and go: so this handler is always there when the service is on, and
 * routes each event through the routers of the clients attached now, each into its client's own ring (its own
 * {@link Stream}). Attaching or detaching a client never stops the main ring. With no client, an event costs one
 * volatile read.
 *
 * <p>Memory ordering: the clients are an array that is never changed once published; {@link #attach} and
 * {@link #detach} (serialised by this object's lock) publish a new copy through a volatile field, and the hub reads
 * that field once per event, after the main ring's barrier handed it the event (an acquire of the ring's cursor). So a
 * client attached before an event was published sees that event and every later one. A detached client's router may
 * still be in the middle of an event on the hub's thread: {@link #detach} writes the new array, issues a full fence,
 * reads the main ring's cursor, and waits until the hub's own sequence has reached it; every event after that cursor
 * is routed with the new array, so from then on the hub never touches the detached router and its stream may be
 * drained and closed. {@link #detach} keeps waiting until then (or until the hub's thread has ended): a stream closed
 * earlier could still be handed an event the hub was in the middle of, counted matched and never settled.
 */
public final class ClientHub implements EventHandler<EventSlot>
{
    private static final Stream[] NONE = new Stream[0];

    private final LongSupplier mainCursor;
    private volatile Stream[] clients = NONE;
    private final CountDownLatch running = new CountDownLatch(1);
    private volatile Sequence processed;
    private volatile boolean ended;

    /**
     * @param mainCursor the main ring's cursor: the last event published to it.
     */
    public ClientHub(final LongSupplier mainCursor)
    {
        this.mainCursor = mainCursor;
    }

    @Override
    public void setSequenceCallback(final Sequence sequence)
    {
        this.processed = sequence;
    }

    @Override
    public void onStart()
    {
        running.countDown();
    }

    @Override
    public void onShutdown()
    {
        ended = true;
    }

    /**
     * Wait until the hub's thread runs. Disruptor 4's {@code shutdown} counts only running consumers as backlog: a hub
     * whose thread had not started when a short run ends would be halted before it saw an event (see
     * {@link Stream#awaitRunning}).
     *
     * @param timeout how long to wait.
     * @param unit    its unit.
     * @return true when it runs.
     * @throws InterruptedException when interrupted.
     */
    public boolean awaitRunning(final long timeout, final TimeUnit unit) throws InterruptedException
    {
        return running.await(timeout, unit);
    }

    @Override
    public void onEvent(final EventSlot slot, final long sequence, final boolean endOfBatch)
    {
        final Stream[] current = clients;
        for (final Stream client : current)
        {
            try
            {
                client.router().onEvent(slot, sequence, endOfBatch);
            }
            catch (final Exception ex)
            {
                // a router settles what its filters throw; this is a bug, reported, and the other clients go on
                client.routerExceptions().handleEventException(ex, sequence, slot);
            }
        }
    }

    /**
     * Route every event published from now on through this client's stream as well. Start the stream first.
     *
     * @param client a client's stream (its router is started here: the hub is its thread).
     */
    public void attach(final Stream client)
    {
        client.router().onStart();
        synchronized (this)
        {
            final Stream[] current = clients;
            final Stream[] next = Arrays.copyOf(current, current.length + 1);
            next[current.length] = client;
            clients = next;
        }
    }

    /**
     * Stop routing events to this client, and wait until the hub no longer runs its router (or its thread has ended),
     * however long that takes: the hub may be held inside a block client's full ring, and this client's stream must
     * not be closed while the hub may still hand it an event.
     *
     * @param client       an attached client's stream.
     * @param patienceNanos how long to wait before each call of {@code stillWaiting}.
     * @param stillWaiting called each time the hub has not passed within {@code patienceNanos} (to report it, or to
     *                     unblock a writer the hub waits for); then the wait goes on.
     */
    public void detach(final Stream client, final long patienceNanos, final Runnable stillWaiting)
    {
        synchronized (this)
        {
            final Stream[] current = clients;
            final Stream[] next = new Stream[current.length];
            int n = 0;
            for (final Stream stream : current)
            {
                if (stream != client)
                {
                    next[n++] = stream;
                }
            }
            clients = n == 0 ? NONE : Arrays.copyOf(next, n);
        }
        VarHandle.fullFence();
        final long cursor = mainCursor.getAsLong();
        final Sequence hub = processed;
        long until = System.nanoTime() + patienceNanos;
        while (hub != null && hub.get() < cursor && !ended)
        {
            if (System.nanoTime() - until >= 0)
            {
                stillWaiting.run();
                until = System.nanoTime() + patienceNanos;
            }
            LockSupport.parkNanos(1_000_000L);
        }
    }

    /**
     * Past the run's drain deadline: make every client's writer stuck in a push give up (see
     * {@link Stream#unblockWrites}). Safe from any thread.
     */
    public void unblockClients()
    {
        for (final Stream client : clients)
        {
            client.unblockWrites();
        }
    }

    /**
     * @param problems the run's reporter.
     * @return what reports an exception escaping the hub on the main ring (it contains its routers' own).
     */
    public static ExceptionHandler<EventSlot> exceptions(final Problems problems)
    {
        return new ContainedExceptions("event service: clients", problems);
    }

    /**
     * @return the clients' streams attached now.
     */
    public Stream[] clients()
    {
        return clients.clone();
    }
}
