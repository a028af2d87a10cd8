package io.sluice.engine;

import io.sluice.ring.RecordType;
import io.sluice.source.EventSource;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import java.util.List;

/**
 * A source that writes given event records into the shared ring, in the order given, then is done: for tests whose
 * input must be exact (timestamps out of order, chosen argument values).
 */
final class ScriptedSource implements EventSource
{
    private final List<byte[]> records;
    private volatile boolean done;
    private volatile long produced;

    ScriptedSource(final List<byte[]> records)
    {
        this.records = List.copyOf(records);
    }

    @Override
    public String description()
    {
        return "scripted(" + records.size() + ")";
    }

    @Override
    public void start(final RingBuffer ring)
    {
        final Thread thread = new Thread(() ->
        {
            for (final byte[] record : records)
            {
                while (!ring.write(RecordType.EVENT, new UnsafeBuffer(record), 0, record.length))
                {
                    Thread.onSpinWait();
                }
                produced++;
            }
            done = true;
        }, "scripted-source");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void requestStop()
    {
        // finite: it stops when its records are written
    }

    @Override
    public boolean isDone()
    {
        return done;
    }

    @Override
    public long produced()
    {
        return produced;
    }

    @Override
    public Throwable failure()
    {
        return null;
    }
}
