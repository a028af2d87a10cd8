package io.sluice.engine;

import io.sluice.ring.RecordType;
import io.sluice.source.EventSource;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;

/**
 * A finite source for engine tests: one daemon thread writes what {@link #write} writes into the shared ring, then the
 * source is done. An exception on that thread ends the run as the source's failure, rather than leaving the test to
 * wait for its timeout.
 */
abstract class TestSource implements EventSource
{
    private final String name;
    private volatile boolean done;
    private volatile long produced;
    private volatile Throwable failure;

    /**
     * @param name the source's description and its thread's name.
     */
    TestSource(final String name)
    {
        this.name = name;
    }

    /**
     * Write the source's records (with {@link #writeRecord}); the source is done when this returns.
     *
     * @param ring the shared ring.
     */
    abstract void write(RingBuffer ring);

    /**
     * Write one event record, waiting for room; counted produced.
     *
     * @param ring   the shared ring.
     * @param record the record.
     */
    final void writeRecord(final RingBuffer ring, final byte[] record)
    {
        while (!ring.write(RecordType.EVENT, new UnsafeBuffer(record), 0, record.length))
        {
            Thread.onSpinWait();
        }
        produced++;
    }

    @Override
    public final String description()
    {
        return name;
    }

    @Override
    public final void start(final RingBuffer ring)
    {
        final Thread thread = new Thread(() ->
        {
            try
            {
                write(ring);
            }
            catch (final RuntimeException ex)
            {
                failure = ex;
            }
            done = true;
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public final void requestStop()
    {
        // finite: it stops when its records are written
    }

    @Override
    public final boolean isDone()
    {
        return done;
    }

    @Override
    public final long produced()
    {
        return produced;
    }

    @Override
    public final Throwable failure()
    {
        return failure;
    }
}
