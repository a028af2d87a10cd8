package io.sluice.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time (and the part of it spent in user mode) and bytes allocated by each thread of a run, read through the JVM's
 * per-thread counters ({@code com.sun.management.ThreadMXBean}). A thread's counters vanish when it ends, and the
 * pipeline's threads end with the run: so a sampler thread of its own reads every live thread every few milliseconds
 * and keeps the last reading of each, and the figures are the last readings less those at {@link #begin()}. What a thread did in its last
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
    /** A reading of one thread: its CPU time, its user time and its allocated bytes, at these indexes. */
    private static final int CPU = 0;
    private static final int USER = 1;
    private static final int BYTES = 2;
    private static final int FIGURES = 3;

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
     * @param userNanos      the part of it in user mode (the rest is the kernel's: system calls, page faults); Linux
     *                       counts it in clock ticks, so it is exact to a tick (4 or 10 ms) per thread.
     * @param allocatedBytes bytes it allocated.
     */
    public record ThreadFigures(String name, long cpuNanos, long userNanos, long allocatedBytes)
    {
        /**
         * @return the CPU time it used in the kernel (never below 0: the two counters are read one after the other).
         */
        public long systemNanos()
        {
            return Math.max(0, cpuNanos - userNanos);
        }
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
                final long[] start = first.getOrDefault(reading.getKey(), new long[FIGURES]);
                final long cpu = reading.getValue()[CPU] - start[CPU];
                final String name = names.get(reading.getKey());
                if (cpu > 0 && !name.startsWith(OWN))
                {
                    final long[] sum = byName.computeIfAbsent(name, unused -> new long[FIGURES]);
                    for (int figure = 0; figure < FIGURES; figure++)
                    {
                        sum[figure] += reading.getValue()[figure] - start[figure];
                    }
                }
            }
            final List<ThreadFigures> figures = new ArrayList<>();
            byName.forEach((name, sum) -> figures.add(new ThreadFigures(name, sum[CPU], sum[USER], sum[BYTES])));
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
        final long[] user = threads.getThreadUserTime(ids);
        final long[] bytes = threads.getThreadAllocatedBytes(ids);
        for (int i = 0; i < ids.length; i++)
        {
            if (cpu[i] < 0 || user[i] < 0 || bytes[i] < 0)
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
            into.put(ids[i], new long[] {cpu[i], user[i], bytes[i]});
        }
    }
}
