package io.sluice.perf.ingest;

import io.sluice.ring.RecordType;
import io.sluice.source.EventSource;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.SleepingIdleStrategy;

/**
 * A source that writes {@code count} pre-built raw {@link KernelRecords} into the shared ring as fast as it takes them,
 * as the loader does (KERNEL_EVENT records the engine enriches): the kernel source without a kernel.
 */
final class KernelRecordSource implements EventSource
{
    private final KernelRecords records;
    private final long count;
    private volatile boolean stopRequested;
    private volatile boolean done;
    private volatile long produced;

    KernelRecordSource(final KernelRecords records, final long count)
    {
        this.records = records;
        this.count = count;
    }

    @Override
    public String description()
    {
        return "kernel-records(count=" + count + ")";
    }

    @Override
    public void start(final RingBuffer ring)
    {
        final Thread thread = new Thread(() -> run(ring), "bench-kernel-records");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(final RingBuffer ring)
    {
        final SleepingIdleStrategy idle = new SleepingIdleStrategy(50_000);
        try
        {
            final int kinds = records.count();
            for (long seq = 0; seq < count && !stopRequested; seq++)
            {
                final int i = (int)(seq % kinds);
                while (!ring.write(RecordType.KERNEL_EVENT, records.record(i), 0, records.length(i)))
                {
                    if (stopRequested)
                    {
                        return;
                    }
                    idle.idle();
                }
                produced = seq + 1;
            }
        }
        finally
        {
            done = true;
        }
    }

    @Override
    public void requestStop()
    {
        stopRequested = true;
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

    /** @return null: a failure ends the source's thread with its stack trace, and the run then misses events. */
    @Override
    public Throwable failure()
    {
        return null;
    }

    @Override
    public boolean writesKernelRecords()
    {
        return true;
    }
}
