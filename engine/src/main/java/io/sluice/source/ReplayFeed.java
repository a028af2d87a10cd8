package io.sluice.source;

import io.sluice.ring.RecordType;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import java.util.concurrent.TimeUnit;

/**
 * What every replay source (a journal, a Kafka topic, recorded kernel records in a benchmark) shares: the daemon
 * thread that reads, the writes of records into the shared ring (waiting for room, giving up only when asked to stop),
 * the stop request and the counts the engine reads. Counts and the failure are written by the replay thread alone and
 * read by any thread (volatile: single writer, so the non-atomic increments cannot lose an update); {@code done} is set
 * last, after the replay's own clean-up, so a reader that sees it sees final counts.
 */
public final class ReplayFeed
{
    /** What a replay does on its thread; it reports a failure through {@link #fail} and cleans up after itself. */
    @FunctionalInterface
    public interface Work
    {
        /** Read until the end, a stop request or a failure. */
        void run();
    }

    private final IdleStrategy idle =
        new BackoffIdleStrategy(100, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(1));
    private final String threadName;
    private RingBuffer ring;
    private volatile boolean stopRequested;
    private volatile boolean done;
    private volatile long produced;
    private volatile long outsideRange;
    private volatile Throwable failure;

    /** A feed whose thread is {@code sluice-replay}. */
    public ReplayFeed()
    {
        this("sluice-replay");
    }

    /**
     * @param threadName the name of the feed's thread.
     */
    public ReplayFeed(final String threadName)
    {
        this.threadName = threadName;
    }

    /**
     * Start the replay's thread. Returns at once.
     *
     * @param ring the shared ring; the replay is its only producer.
     * @param work what the thread does.
     */
    public void start(final RingBuffer ring, final Work work)
    {
        this.ring = ring;
        final Thread thread = new Thread(() ->
        {
            try
            {
                work.run();
            }
            finally
            {
                done = true;
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Write one event record into the ring, waiting for room; counts it produced.
     *
     * @param record its buffer.
     * @param offset where it starts.
     * @param length its length.
     * @return false when a stop was asked for while waiting (the record was not written).
     */
    public boolean write(final DirectBuffer record, final int offset, final int length)
    {
        return write(RecordType.EVENT, record, offset, length);
    }

    /**
     * Write one record of a type of {@link RecordType} into the ring, waiting for room; counts it produced.
     *
     * @param type   its record type (a raw kernel record, for one).
     * @param record its buffer.
     * @param offset where it starts.
     * @param length its length.
     * @return false when a stop was asked for while waiting (the record was not written).
     */
    public boolean write(final int type, final DirectBuffer record, final int offset, final int length)
    {
        while (!ring.write(type, record, offset, length))
        {
            if (stopRequested)
            {
                return false;
            }
            idle.idle();
        }
        idle.reset();
        produced++;
        return true;
    }

    /**
     * @return the longest record the shared ring takes (an eighth of its capacity): a longer one must be counted
     *         unreadable by the source, not written (the ring would refuse it with an exception).
     */
    public int maxRecordLength()
    {
        return ring.maxMsgLength();
    }

    /** Count an event skipped because its time is outside {@code --from}/{@code --to}. */
    public void skipOutsideRange()
    {
        outsideRange++;
    }

    /**
     * @param cause what ended the replay.
     */
    public void fail(final Throwable cause)
    {
        failure = cause;
    }

    /** Ask the replay to stop soon. Idempotent; returns at once. */
    public void requestStop()
    {
        stopRequested = true;
    }

    /**
     * @return true once a stop was asked for.
     */
    public boolean stopRequested()
    {
        return stopRequested;
    }

    /**
     * @return true once the replay's thread has finished, clean-up included.
     */
    public boolean isDone()
    {
        return done;
    }

    /**
     * @return records written into the ring so far.
     */
    public long produced()
    {
        return produced;
    }

    /**
     * @return events skipped because their time was outside {@code --from}/{@code --to}.
     */
    public long outsideRange()
    {
        return outsideRange;
    }

    /**
     * @return what ended the replay, or null.
     */
    public Throwable failure()
    {
        return failure;
    }
}
