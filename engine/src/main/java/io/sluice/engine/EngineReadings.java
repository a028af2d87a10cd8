package io.sluice.engine;

import com.lmax.disruptor.RingBuffer;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.detect.Detector;
import io.sluice.detect.DetectorSet;
import io.sluice.process.ProcessTree;
import io.sluice.ring.EventSlot;
import io.sluice.source.EventSource;
import io.sluice.stream.Stream;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;

import java.util.List;

/**
 * What a running engine shows an observer (metrics, health) without taking part in it: the single-writer counters
 * the pipeline keeps anyway, the fill of its rings and the state of its source, each read when asked, from any
 * thread. Nothing here adds work to the event path.
 */
public final class EngineReadings
{
    private final IngestLoop ingest;
    private final OneToOneRingBuffer shared;
    private final RingBuffer<EventSlot> main;
    private final ProcessTree tree;
    /** Every detector of the run (shipped, then {@code --detectors}), by the event it raises: the metrics' labels. */
    private final List<String> detectorNames;

    private final List<String> policyNames;
    private final List<Stream> streams;
    private final EventSource source;
    private boolean sharedRingClosed;

    EngineReadings(final IngestLoop ingest, final OneToOneRingBuffer shared, final RingBuffer<EventSlot> main,
        final ProcessTree tree, final List<String> policyNames, final List<Stream> streams,
        final EventSource source, final EventCatalog catalog)
    {
        this.detectorNames = DetectorSet.all(catalog).stream().map(Detector::eventName).toList();
        this.ingest = ingest;
        this.shared = shared;
        this.main = main;
        this.tree = tree;
        this.policyNames = List.copyOf(policyNames);
        this.streams = streams;
        this.source = source;
    }

    /** @return events read from the shared ring. */
    public long ingested()
    {
        return ingest.counters().ingested();
    }

    /** @return events the ingest passed on: onto the main ring, or to the routers it runs when nothing reads that ring. */
    public long published()
    {
        return ingest.counters().published();
    }

    /** @return events the kernel sensor could not hand over, summed over CPUs (its Loss records). */
    public long kernelLost()
    {
        return ingest.counters().lostUpstream();
    }

    /** @return events no policy matched: read, then dropped at ingest. */
    public long unmatched()
    {
        return ingest.counters().unmatched();
    }

    /** @return events the global export filters held back at ingest. */
    public long exportFiltered()
    {
        return ingest.counters().exportFiltered();
    }

    /** @return fork, exec and exit records the kernel sensor sent for the process tree only (no event selected them). */
    public long processTreeRecords()
    {
        return ingest.counters().processTreeOnly();
    }

    /** @return the configured streams, with their counters. */
    public List<Stream> streams()
    {
        return streams;
    }

    /** @return bytes of the shared ring holding records not read yet (0 once the run closed it). */
    public synchronized long sharedRingUsedBytes()
    {
        return sharedRingClosed ? 0 : shared.size();
    }

    /** @return the shared ring's data capacity in bytes. */
    public int sharedRingCapacityBytes()
    {
        return shared.capacity();
    }

    /** @return the largest record the shared ring takes: a ring with less room than this may refuse its producer. */
    public int sharedRingMaxRecordBytes()
    {
        return shared.maxMsgLength();
    }

    /** @return how many bytes its producer has written so far (moves while the source writes). */
    public synchronized long sharedRingProducerPosition()
    {
        return sharedRingClosed ? -1 : shared.producerPosition();
    }

    /** The run is about to unmap the shared ring: it is read no more. */
    synchronized void sharedRingClosing()
    {
        sharedRingClosed = true;
    }

    /** @return slots of the main ring published and not yet taken by every router. */
    public long mainRingUsed()
    {
        return main.getBufferSize() - main.remainingCapacity();
    }

    /** @return slots of the main ring. */
    public int mainRingSize()
    {
        return main.getBufferSize();
    }

    /**
     * @return processes in the process tree, or -1 when the run keeps none (sources other than the kernel sensor). The
     * ingest thread owns the tree: this is a plain read of its size, possibly a moment old.
     */
    public int processTreeSize()
    {
        return tree == null ? -1 : tree.size();
    }

    /**
     * @return the names (the events they raise) of every detector Sluice has, by index: the labels stay the same
     *         whatever a reload puts in force.
     */
    public List<String> detectorNames()
    {
        return detectorNames;
    }

    /**
     * @param detector an index in {@link #detectorNames()}.
     * @return how often it fired in the set in force (read once, from the ingest's volatile stages); 0 when it does not
     *         run. A reload that changes which detectors run starts their counts again (a counter reset to Prometheus).
     */
    public long detectorHits(final int detector)
    {
        final DetectorSet detectors = ingest.stages().detectors;
        if (detectors != null)
        {
            final List<Detector> running = detectors.detectors();
            for (int i = 0; i < running.size(); i++)
            {
                if (running.get(i).eventName().equals(detectorNames.get(detector)))
                {
                    return detectors.hits(i);
                }
            }
        }
        return 0;
    }

    /** @return the names of the policies evaluated at ingest, by bit; empty when none are. */
    public List<String> policyNames()
    {
        return policyNames;
    }

    /**
     * @param bit a policy's bit, below the size of {@link #policyNames()}.
     * @return events it matched at ingest.
     */
    public long policyMatches(final int bit)
    {
        return ingest.counters().policyMatches().matches(bit);
    }

    /** @return true when the source is the kernel sensor (raw kernel records). */
    public boolean kernelSource()
    {
        return source.writesKernelRecords();
    }

    /** @return the source's description. */
    public String sourceDescription()
    {
        return source.description();
    }

    /**
     * @return why the run cannot go on reading events, or null: the source failed (the kernel sensor could not start,
     * or died), the kernel sensor exited, or the ingest thread failed.
     */
    public String sourceProblem()
    {
        final Throwable failure = source.failure();
        if (failure != null)
        {
            return "source failed: " + failure.getMessage();
        }
        if (ingest.failure() != null)
        {
            return "ingest failed: " + ingest.failure();
        }
        if (source.writesKernelRecords() && source.isDone())
        {
            return "the kernel sensor exited";
        }
        return null;
    }
}
