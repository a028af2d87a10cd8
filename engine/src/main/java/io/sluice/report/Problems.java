package io.sluice.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one path by which the pipeline's threads report trouble: a problem is printed once per key (a stream's
 * destination, a handler), with what it is about, and its repeats are counted rather than printed, so a destination
 * failing a million writes prints one line and the summary says how many. Safe from any thread.
 */
public final class Problems
{
    private final PrintStream out;
    private final ConcurrentHashMap<String, AtomicLong> seen = new ConcurrentHashMap<>();

    /**
     * @param out where lines go (stderr).
     */
    public Problems(final PrintStream out)
    {
        this.out = out;
    }

    /**
     * @return a reporter printing to the process's stderr.
     */
    public static Problems toStderr()
    {
        return new Problems(System.err);
    }

    /**
     * Print {@code message} the first time {@code key} is reported; count every time.
     *
     * @param key     what the problem is about ("stream s: destination d: write"); repeats of a key are not printed.
     * @param message the line to print, without the "sluice: " prefix.
     */
    public void report(final String key, final String message)
    {
        final AtomicLong count = seen.computeIfAbsent(key, k -> new AtomicLong());
        if (count.getAndIncrement() == 0)
        {
            out.println("sluice: " + message);
            out.flush();
        }
    }


    /**
     * @return one line per kind of problem reported more than once (each was printed once), with its count, for the
     * run's summary.
     */
    public List<String> counted()
    {
        final List<String> lines = new ArrayList<>();
        for (final Map.Entry<String, AtomicLong> entry : seen.entrySet())
        {
            if (entry.getValue().get() > 1)
            {
                lines.add(entry.getKey() + ": " + entry.getValue().get() + " times (printed once)");
            }
        }
        lines.sort(null);
        return lines;
    }

}
