package io.sluice.perf.ingest;

import io.sluice.ring.RecordType;
import io.sluice.source.EventSource;
import io.sluice.source.ReplayFeed;
import org.agrona.concurrent.ringbuffer.RingBuffer;

/**
 * A source that writes {@code count} pre-built raw {@link KernelRecords} into the shared ring as fast as it takes them,
 * as the loader does (KERNEL_EVENT records the engine enriches): the kernel source without a kernel. Its thread, ring
 * writes and counts are a {@link ReplayFeed}'s, as the engine's replays have them.
 */
final class KernelRecordSource implements EventSource
{
    private final KernelRecords records;
    private final long count;
    private final ReplayFeed feed = new ReplayFeed("bench-kernel-records");

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
        feed.start(ring, this::run);
    }

    private void run()
    {
        final int kinds = records.count();
        for (long seq = 0; seq < count && !feed.stopRequested(); seq++)
        {
            final int i = (int)(seq % kinds);
            if (!feed.write(RecordType.KERNEL_EVENT, records.record(i), 0, records.length(i)))
            {
                return;
            }
        }
    }

    @Override
    public void requestStop()
    {
        feed.requestStop();
    }

    @Override
    public boolean isDone()
    {
        return feed.isDone();
    }

    @Override
    public long produced()
    {
        return feed.produced();
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
