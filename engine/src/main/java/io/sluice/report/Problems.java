package io.sluice.report;

import io.sluice.log.SluiceLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The one path by which the pipeline's threads report trouble: a problem is logged (a warning, through the logging
 * facade, {@code io.sluice.log}) once per key (a stream's destination, a handler), with what it is about, and its
 * repeats are counted rather than printed, so a destination failing a million writes prints one line and the summary
 * says how many. A problem that comes back after a quiet spell ({@link #QUIET_NANOS} without a repeat) is printed
 * again, with its count so far: one line per spell of trouble, not one per run. Safe from any thread.
 */
public final class Problems
{
    /** How long a problem must not recur before its next occurrence is printed again: one minute. */
    public static final long QUIET_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Logger log;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Seen> seen = new ConcurrentHashMap<>();

    /**
     * @param out where lines go (a test's capture), in the run's log format.
     */
    public Problems(final PrintStream out)
    {
        this(SluiceLogger.to(Problems.class.getName(), out), System::nanoTime);
    }

    Problems(final Logger log, final LongSupplier clock)
    {
        this.log = log;
        this.clock = clock;
    }

    /**
     * @return a reporter writing through the logging facade (stderr, or the configured log file).
     */
    public static Problems toStderr()
    {
        return new Problems(LoggerFactory.getLogger(Problems.class), System::nanoTime);
    }

    /**
     * Print {@code message} the first time {@code key} is reported, and again when it recurs after a quiet spell;
     * count every time.
     *
     * @param key     what the problem is about ("stream s: destination d: write"); repeats of a key are not printed.
     * @param message the line to print, without the "sluice: " prefix.
     */
    public void report(final String key, final String message)
    {
        final Seen problem = seen.computeIfAbsent(key, k -> new Seen());
        final long now = clock.getAsLong();
        final long count = problem.count.incrementAndGet();
        final long last = problem.last.getAndSet(now);
        if (count == 1)
        {
            problem.printed.incrementAndGet();
            log.atWarn().addKeyValue("problem", key).log(message);
        }
        else if (now - last >= QUIET_NANOS)
        {
            problem.printed.incrementAndGet();
            log.atWarn().addKeyValue("problem", key).addKeyValue("count", count)
                .log(message + " (again after a quiet spell; " + count + " times so far)");
        }
    }

    /**
     * @return one line per kind of problem reported more than once, with its count and how often it was printed, for
     * the run's summary.
     */
    public List<String> counted()
    {
        final List<String> lines = new ArrayList<>();
        for (final Map.Entry<String, Seen> entry : seen.entrySet())
        {
            final long count = entry.getValue().count.get();
            if (count > 1)
            {
                final long printed = entry.getValue().printed.get();
                lines.add(entry.getKey() + ": " + count + " times (printed " + (printed == 1 ? "once" : printed + " times") + ")");
            }
        }
        lines.sort(null);
        return lines;
    }

    /** One key's count, when it was last reported and how often it was printed. */
    private static final class Seen
    {
        private final AtomicLong count = new AtomicLong();
        private final AtomicLong last = new AtomicLong();
        private final AtomicLong printed = new AtomicLong();
    }
}
