package io.sluice.perf.ingest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;

/**
 * The CPU time and allocation of one named thread of this JVM (the engine's {@code sluice-ingest}) over its life,
 * sampled every millisecond from a thread of its own until it ends: the engine makes the thread itself, and a thread
 * that has ended answers nothing, so its last millisecond is missed.
 */
final class ThreadWatch implements Runnable
{
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private final String name;
    private final Thread sampler;
    private volatile boolean stop;
    private volatile long cpuNanos;
    private volatile long allocatedBytes;

    ThreadWatch(final String name)
    {
        this.name = name;
        this.sampler = new Thread(this, "bench-watch-" + name);
        sampler.setDaemon(true);
        sampler.start();
    }

    @Override
    public void run()
    {
        long id = -1;
        while (!stop)
        {
            if (id < 0)
            {
                id = find();
            }
            else
            {
                final long cpu = THREADS.getThreadCpuTime(id);
                final long bytes = THREADS.getThreadAllocatedBytes(id);
                if (cpu < 0)
                {
                    return;
                }
                cpuNanos = cpu;
                allocatedBytes = Math.max(allocatedBytes, bytes);
            }
            try
            {
                Thread.sleep(1);
            }
            catch (final InterruptedException ex)
            {
                return;
            }
        }
    }

    private long find()
    {
        for (final ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds()))
        {
            if (info != null && name.equals(info.getThreadName()))
            {
                return info.getThreadId();
            }
        }
        return -1;
    }

    /**
     * Stop sampling (the thread watched has ended).
     *
     * @throws InterruptedException when interrupted while waiting for the sampler.
     */
    void stop() throws InterruptedException
    {
        stop = true;
        sampler.join();
    }

    /** @return the thread's CPU time at the last sample. */
    long cpuNanos()
    {
        return cpuNanos;
    }

    /** @return the bytes the thread had allocated at the last sample. */
    long allocatedBytes()
    {
        return allocatedBytes;
    }
}
