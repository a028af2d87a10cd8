package io.sluice.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time and bytes allocated by each thread of a run, read through the JVM's per-thread counters
 * ({@code com.sun.management.ThreadMXBean}). A thread's counters vanish when it ends, and the pipeline's threads end
 * with the run: so a sampler thread of its own reads every live thread every few milliseconds and keeps the last
 * reading of each, and the figures are the last readings less those at {@link #begin()}. What a thread did in its last
 * interval before ending (at most {@link #INTERVAL_MILLIS} ms, while it drained) is missed; the bench's own threads
 * are not counted.
 */
public final class ThreadSampler
{
    /** How often the sampler reads the threads. */
    public static final long INTERVAL_MILLIS = 10;
    private static final String NAME = "sluice-bench-sampler";
    /** The bench's own threads (the sampler, the one that starts the window) are not the pipeline's. */
    private static final String OWN = "sluice-bench";

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private final Map<Long, String> names = new HashMap<>();
    private final Map<Long, long[]> first = new HashMap<>();
    private final Map<Long, long[]> last = new HashMap<>();
    private final Thread sampler = new Thread(this::loop, NAME);
    private volatile boolean stop;

    /**
     * One thread's figures over the run.
     *
     * @param name           the thread's name (threads of one name summed).
     * @param cpuNanos       CPU time it used.
     * @param allocatedBytes bytes it allocated.
     */
    public record ThreadFigures(String name, long cpuNanos, long allocatedBytes)
    {
    }

    /**
     * @throws IllegalStateException when this JVM cannot measure per-thread CPU time or allocation.
     */
    public ThreadSampler()
    {
        if (!threads.isThreadCpuTimeSupported() || !threads.isThreadAllocatedMemorySupported())
        {
            throw new IllegalStateException("this JVM cannot measure CPU time or allocation per thread");
        }
        threads.setThreadCpuTimeEnabled(true);
        threads.setThreadAllocatedMemoryEnabled(true);
        sampler.setDaemon(true);
    }

    /** Reads every thread once (the starting point), then keeps reading them on the sampler thread. */
    public synchronized void begin()
    {
        sample(first);
        sample(last);
        sampler.start();
    }

    /**
     * Stops sampling after one last reading.
     *
     * @return each thread's figures since {@link #begin()}, by name, those that used no CPU left out.
     */
    public List<ThreadFigures> end()
    {
        stop = true;
        try
        {
            sampler.join();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        synchronized (this)
        {
            sample(last);
            final Map<String, long[]> byName = new TreeMap<>();
            for (final Map.Entry<Long, long[]> reading : last.entrySet())
            {
                final long[] start = first.getOrDefault(reading.getKey(), new long[2]);
                final long cpu = reading.getValue()[0] - start[0];
                final long bytes = reading.getValue()[1] - start[1];
                final String name = names.get(reading.getKey());
                if (cpu > 0 && !name.startsWith(OWN))
                {
                    final long[] sum = byName.computeIfAbsent(name, unused -> new long[2]);
                    sum[0] += cpu;
                    sum[1] += bytes;
                }
            }
            final List<ThreadFigures> figures = new ArrayList<>();
            byName.forEach((name, sum) -> figures.add(new ThreadFigures(name, sum[0], sum[1])));
            return figures;
        }
    }

    private void loop()
    {
        while (!stop)
        {
            synchronized (this)
            {
                sample(last);
            }
            try
            {
                Thread.sleep(INTERVAL_MILLIS);
            }
            catch (final InterruptedException ex)
            {
                return;
            }
        }
    }

    private void sample(final Map<Long, long[]> into)
    {
        final long[] ids = threads.getAllThreadIds();
        final long[] cpu = threads.getThreadCpuTime(ids);
        final long[] bytes = threads.getThreadAllocatedBytes(ids);
        for (int i = 0; i < ids.length; i++)
        {
            if (cpu[i] < 0 || bytes[i] < 0)
            {
                continue;
            }
            if (!names.containsKey(ids[i]))
            {
                final ThreadInfo info = threads.getThreadInfo(ids[i]);
                if (info == null)
                {
                    continue;
                }
                names.put(ids[i], info.getThreadName());
            }
            into.put(ids[i], new long[] {cpu[i], bytes[i]});
        }
    }
}
