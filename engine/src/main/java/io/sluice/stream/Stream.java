package io.sluice.stream;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.sluice.config.BufferMode;
import io.sluice.config.StreamConfig;
import io.sluice.filter.route.EventIdFilter;
import io.sluice.filter.route.PolicyFilter;
import io.sluice.filter.lineage.LineageCondition;
import io.sluice.filter.StreamExportFilters;
import io.sluice.ring.BatchedSignalWaitStrategy;
import io.sluice.ring.EventSlot;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One configured stream: its filters, its own ring (sized by {@code buffer.size}), the writer thread that drains that
 * ring into its destinations, and its counters. Its router runs on the main ring: in a {@link RouterGroup} with the
 * routers of other streams, or as its own handler ({@link #router()}, a client's stream on the hub).
 */
public final class Stream
{
    private final StreamConfig config;
    private final StreamCounters counters = new StreamCounters();
    private final LatencyHistogram latency = new LatencyHistogram();
    private final DestinationCounters[] destinationCounters;
    private final String[] destinationNames;
    private final StreamOutput[] outputs;
    private final Disruptor<EventSlot> disruptor;
    private final StreamRouter router;
    private final List<LineageCondition> lineage;
    private final StreamWriter writer;
    private final StreamEnvironment environment;
    private final CountDownLatch running = new CountDownLatch(2);

    /**
     * @param config      the stream's configuration.
     * @param events      its event filter.
     * @param policies    its policy filter.
     * @param exports     its own Tetragon filters, or null.
     * @param outputs     its destinations, each with its formatter and retry policy.
     * @param environment what it shares with the engine.
     */
    public Stream(
        final StreamConfig config,
        final EventIdFilter events,
        final PolicyFilter policies,
        final StreamExportFilters exports,
        final List<StreamOutput> outputs,
        final StreamEnvironment environment)
    {
        this.config = config;
        this.environment = environment;
        this.outputs = outputs.toArray(new StreamOutput[0]);
        this.destinationCounters = new DestinationCounters[this.outputs.length];
        this.destinationNames = new String[this.outputs.length];
        for (int d = 0; d < this.outputs.length; d++)
        {
            destinationCounters[d] = new DestinationCounters();
            destinationNames[d] = this.outputs[d].destination().name();
        }
        // a stream with an asynchronous destination (a webhook) has its writer come back to it while it holds events
        final PollingWait polling = pollsWhileIdle(this.outputs) ? new PollingWait(environment.waitStrategies().get()) : null;
        final BatchedSignalWaitStrategy signals = new BatchedSignalWaitStrategy(
            polling != null ? polling : environment.waitStrategies().get(),
            StreamRouter.publishesPerSignal(config.bufferSize()));
        this.disruptor = new Disruptor<>(EventSlot::new, config.bufferSize(), runnable ->
        {
            final Thread thread = environment.threads().newThread(runnable);
            thread.setName("sluice-stream-" + config.name());
            return thread;
        }, ProducerType.SINGLE, signals);
        this.writer = new StreamWriter(latency, config.name(), config.mode(), this.outputs, destinationCounters, counters, environment,
            running, polling);
        this.disruptor.handleEventsWith(new EventHandler[] {writer});
        // the writer settles every event itself: an exception escaping it is reported, never counted twice
        this.disruptor.setDefaultExceptionHandler(new ContainedExceptions("stream " + config.name() + ": writer",
            environment.problems()));
        this.router = new StreamRouter(config.name(), events, policies, config.mode(), disruptor.getRingBuffer(), signals,
            counters, exports, environment.problems(), running);
        this.lineage = exports == null ? List.of() : exports.lineageConditions();
    }

    private static boolean pollsWhileIdle(final StreamOutput[] outputs)
    {
        for (final StreamOutput output : outputs)
        {
            if (output.destination().pollIntervalNanos() > 0)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * @param next the stream's new filters (a reload), in force from the first event of their generation.
     */
    public void reloadFilters(final RouteFilters next)
    {
        router.reload(next);
    }

    /** @return the lineage conditions of this stream's export filters (the ingest thread answers them). */
    public List<LineageCondition> lineageConditions()
    {
        return lineage;
    }

    /**
     * Start the writer thread; it opens the destinations on threads of their own, so nothing here blocks.
     */
    public void start()
    {
        disruptor.start();
    }

    /**
     * Wait until the router and the writer run. Disruptor 4's {@code shutdown} counts only running consumers as
     * backlog: a handler whose thread has not started yet when a short run ends would be halted before it saw an event,
     * and the events published to it would be neither processed nor counted.
     *
     * @param timeout how long to wait.
     * @param unit    its unit.
     * @return true when both run.
     * @throws InterruptedException when interrupted.
     */
    public boolean awaitRunning(final long timeout, final TimeUnit unit) throws InterruptedException
    {
        return running.await(timeout, unit);
    }

    /**
     * Let the writer deliver everything published to this stream's ring (block streams: until the drain deadline),
     * then stop it; it closes the destinations. Call only after the main ring has drained (no more events for this
     * stream); the drain deadline starts here if it has not yet. Past the deadline and the stuck-writer grace the writer
     * gives up ({@link #abandon()}) and takes what is left in its ring fast, counting it undelivered; the ring is halted
     * only once the writer took it all, or took nothing for a whole grace (stuck in a write; reported).
     */
    public void drainAndClose()
    {
        final DrainDeadline deadline = environment.deadline();
        deadline.start();
        final RingCatchUp ring = new RingCatchUp(() -> disruptor.getSequenceValueFor(writer), disruptor::getCursor);
        if (!ring.awaitWithin(deadline))
        {
            abandon();
            if (!ring.awaitWhileProgressing(deadline.stuckGraceNanos()))
            {
                environment.problems().report("stream " + config.name() + ": stuck", "stream " + config.name() +
                    ": writer did not take the last " + ring.behind() +
                    " events of its ring (a destination is stuck in a write); they are not counted");
            }
        }
        disruptor.halt();
        try
        {
            // the ring may be empty while the writer still retries what its destinations hold: wait for it too
            if (!writer.finished().await(deadline.millisToWait(System.nanoTime()), TimeUnit.MILLISECONDS))
            {
                abandon();
                if (!writer.finished().await(deadline.stuckGraceNanos(), TimeUnit.NANOSECONDS))
                {
                    environment.problems().report("stream " + config.name() + ": stuck",
                        "stream " + config.name() + ": writer did not finish (a destination is stuck in a write)");
                }
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** @return what the destinations report about themselves (journal counts), after {@link #drainAndClose()}. */
    public List<String> reports()
    {
        final java.util.ArrayList<String> reports = new java.util.ArrayList<>();
        for (final StreamOutput output : outputs)
        {
            final String report = output.destination().report();
            if (report != null)
            {
                reports.add("stream " + config.name() + ": " + report);
            }
        }
        return reports;
    }

    /**
     * @return what reports an exception escaping this stream's router on the main ring (its filters catch their own).
     */
    public ExceptionHandler<EventSlot> routerExceptions()
    {
        return new ContainedExceptions("stream " + config.name() + ": router", environment.problems());
    }

    /** @return the handler to run on the main ring. */
    public EventHandler<EventSlot> router()
    {
        return router;
    }

    /** @return the router itself, for the {@link RouterGroup} that runs it. */
    StreamRouter groupedRouter()
    {
        return router;
    }

    /** @return the writer's renderers, one per distinct formatter (see {@link StreamWriter#renderers()}). */
    Renderer[] renderers()
    {
        return writer.renderers();
    }

    /** @return true when the stream's writer needs each event's record (see {@link StreamWriter#needsRecords()}). */
    boolean writerNeedsRecords()
    {
        return writer.needsRecords();
    }

    /** @return the stream's configuration. */
    public StreamConfig config()
    {
        return config;
    }

    /** @return the stream's counters. */
    public StreamCounters counters()
    {
        return counters;
    }

    /** @return how long its delivered events took from ingest to every destination's acceptance. */
    public LatencyHistogram latency()
    {
        return latency;
    }

    /** @return slots of the stream's ring holding events its writer has not taken yet (read from any thread). */
    public long ringUsed()
    {
        return disruptor.getRingBuffer().getBufferSize() - disruptor.getRingBuffer().remainingCapacity();
    }

    /** @return slots of the stream's ring ({@code buffer.size}). */
    public int ringSize()
    {
        return disruptor.getRingBuffer().getBufferSize();
    }

    /** @return the stream's mode. */
    public BufferMode mode()
    {
        return config.mode();
    }

    /** @return names of the destinations, in order. */
    public String[] destinationNames()
    {
        return destinationNames.clone();
    }

    /**
     * @param destination index of a destination of this stream.
     * @return its counters.
     */
    public DestinationCounters destinationCounters(final int destination)
    {
        return destinationCounters[destination];
    }

    /** @return true when every destination of this stream is gone for good: nothing it matches can be delivered. */
    public boolean allDestinationsGone()
    {
        for (final DestinationCounters destination : destinationCounters)
        {
            if (!destination.gone())
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Past the drain deadline (and, for the run's streams, its stuck-writer grace): the writer gives up. It counts what
     * its destinations hold and every event it takes from now on undelivered, and a write blocked in the kernel (a FIFO
     * whose reader stopped reading) is made to fail by closing what it writes to. The writer thread itself is never
     * interrupted: Disruptor would take the interrupt for an event failure and skip a sequence. Safe from any thread.
     */
    public void abandon()
    {
        writer.abandon();
        writer.unblock();
    }

    /**
     * Past the drain deadline: make a write blocked in the kernel fail, by closing what it writes to; a block stream
     * then gives up on its own (its retry finds the deadline passed), and a writer that is not blocked goes on
     * delivering. Safe from any thread.
     */
    public void unblockWrites()
    {
        writer.unblock();
    }

    /**
     * @return true when this is a block stream with events still in its ring: past the deadline it is what holds its
     *         router, and the main ring and the ingest behind it, back.
     */
    public boolean holdingBack()
    {
        return config.mode() == BufferMode.BLOCK && ringUsed() > 0;
    }
}
