package io.sluice.engine;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import io.sluice.report.Problems;
import io.sluice.ring.EventSlot;
import io.sluice.stream.DrainDeadline;
import io.sluice.stream.RingCatchUp;
import io.sluice.stream.Stream;

import java.util.List;

/**
 * How a run ends once its source is done or a stop was asked for: the drain deadline starts (once, for the configured
 * streams and the clients' streams alike); past it and its grace, the writers that hold the rest of the pipeline back
 * give up ({@link #abandonWriters()}); the main ring is halted only once its routers took all of it; then every stream
 * drains and closes. Called from the thread running the engine ({@link #start()} from any thread).
 */
final class EngineDrain
{
    private final List<Stream> streams;
    private final ServiceHook service;
    private final DrainDeadline deadline;
    private final Disruptor<EventSlot> mainDisruptor;
    private final Problems problems;

    EngineDrain(
        final List<Stream> streams, final ServiceHook service, final DrainDeadline deadline,
        final Disruptor<EventSlot> mainDisruptor, final Problems problems)
    {
        this.streams = streams;
        this.service = service;
        this.deadline = deadline;
        this.mainDisruptor = mainDisruptor;
        this.problems = problems;
    }

    /** The drain deadline starts (once), for the configured streams and the clients' streams alike. */
    void start()
    {
        deadline.start();
        service.draining();
    }

    /**
     * One check while the ingest still runs: once the run is ending the deadline starts; past it and its grace, at every
     * check, not once (a block stream may start holding back later, a client may attach later), the writers holding
     * the rest back give up.
     *
     * @param ending true once the source is done or a stop was asked for.
     */
    void check(final boolean ending)
    {
        if (ending)
        {
            start();
        }
        if (deadline.stuckGracePassed(System.nanoTime()))
        {
            abandonWriters();
        }
    }

    /** @return true when the run has streams and every one of their destinations is gone. */
    boolean allDestinationsGone()
    {
        for (final Stream stream : streams)
        {
            if (!stream.allDestinationsGone())
            {
                return false;
            }
        }
        return !streams.isEmpty();
    }

    /**
     * Wait until every router has taken every event of the main ring ({@link RingCatchUp}), then halt it. Past the
     * drain deadline and its grace the block streams still holding events give up ({@link #abandonWriters()}), so the
     * routers get room; the ring is halted with events in it only when the routers then take nothing for a whole grace
     * (reported). Then every stream, the clients' service first, drains what it holds and closes.
     */
    void finish()
    {
        start();
        final RingBuffer<EventSlot> ring = mainDisruptor.getRingBuffer();
        final RingCatchUp routers = new RingCatchUp(ring::getMinimumGatingSequence, ring::getCursor);
        if (!routers.awaitWithin(deadline))
        {
            abandonWriters();
            if (!routers.awaitWhileProgressing(deadline.stuckGraceNanos()))
            {
                problems.report("main ring: stuck", "main ring: a stream router is still blocked after the drain deadline"
                    + " (" + routers.behind() + " events not routed)");
            }
        }
        mainDisruptor.halt();
        service.stop();
        for (final Stream stream : streams)
        {
            stream.drainAndClose();
        }
    }

    /**
     * Past the deadline and its grace: a block stream with events still in its ring gives up (see {@link
     * Stream#abandon()}): it is what holds the routers, the main ring and the ingest back. Every other writer, the
     * clients' too, only has a write blocked in the kernel made to fail; a stream keeping up goes on delivering.
     */
    private void abandonWriters()
    {
        for (final Stream stream : streams)
        {
            if (stream.holdingBack())
            {
                stream.abandon();
            }
            else
            {
                stream.unblockWrites();
            }
        }
        service.unblock();
    }
}
