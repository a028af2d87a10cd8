package io.sluice.cli.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The garbage collections during a run, per collector ({@code GarbageCollectorMXBean}s): how many, and the time they
 * took as the JVM accounts it (for G1 and the serial and parallel collectors' young and full collections, their
 * pauses; a concurrent collector's entry counts its cycles' time).
 */
public final class GcReadings
{
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final long[] counts = new long[collectors.size()];
    private final long[] millis = new long[collectors.size()];

    /**
     * One collector's figures over the run.
     *
     * @param name   the collector, as the JVM names it.
     * @param count  collections.
     * @param millis their time, in milliseconds.
     */
    public record Collector(String name, long count, long millis)
    {
    }

    /** Reads the collectors' counters (the starting point). */
    public void begin()
    {
        for (int i = 0; i < counts.length; i++)
        {
            counts[i] = Math.max(0, collectors.get(i).getCollectionCount());
            millis[i] = Math.max(0, collectors.get(i).getCollectionTime());
        }
    }

    /**
     * @return each collector's collections and time since {@link #begin()}.
     */
    public List<Collector> since()
    {
        final List<Collector> figures = new ArrayList<>();
        for (int i = 0; i < counts.length; i++)
        {
            final GarbageCollectorMXBean collector = collectors.get(i);
            figures.add(new Collector(collector.getName(), Math.max(0, collector.getCollectionCount()) - counts[i],
                Math.max(0, collector.getCollectionTime()) - millis[i]));
        }
        return figures;
    }
}
