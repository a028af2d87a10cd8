package io.sluice.cli.bench;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineSummary;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The measured window of a bench run: it opens when the engine's source has started (the pipeline's threads are
 * running by then, so their start-up is not measured) and closes when the engine has drained and stopped. With a
 * duration, the engine is asked to stop that long after the window opened.
 */
public final class Measurement
{
    private final com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean();
    private final ThreadSampler threads = new ThreadSampler();
    private final GcReadings gc = new GcReadings();
    private final LatencyRecorders latency = new LatencyRecorders();
    private Thread opener;
    private volatile long startNanos;
    private volatile long startCpuNanos;

    /**
     * Taps the engine's streams and waits, on a thread of its own, for its source to start; call before it runs.
     *
     * @param engine   the engine about to run.
     * @param duration how long the source may run, or null for as long as it produces.
     */
    public void watch(final Engine engine, final Duration duration)
    {
        latency.attach(engine.streams());
        opener = new Thread(() -> open(engine, duration), "sluice-bench-window");
        opener.setDaemon(true);
        opener.start();
    }

    private void open(final Engine engine, final Duration duration)
    {
        try
        {
            engine.awaitSourceStarted(Long.MAX_VALUE, TimeUnit.DAYS);
            synchronized (this)
            {
                startCpuNanos = os.getProcessCpuTime();
                gc.begin();
                threads.begin();
                startNanos = System.nanoTime();
            }
            if (duration != null)
            {
                Thread.sleep(duration.toMillis());
                engine.requestStop();
            }
        }
        catch (final InterruptedException ex)
        {
            // the run ended first
        }
    }

    /**
     * Closes the window, once the engine has stopped ({@link #watch} first).
     *
     * @param source  the source's description.
     * @param events  events the source produced.
     * @param summary the engine's summary.
     * @return the report.
     */
    public BenchReport close(final String source, final long events, final EngineSummary summary)
    {
        final long endNanos = System.nanoTime();
        final long endCpuNanos = os.getProcessCpuTime();
        opener.interrupt();
        try
        {
            opener.join();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        synchronized (this)
        {
            final BenchReport.Run run = new BenchReport.Run(source, events, Math.max(1, endNanos - startNanos),
                endCpuNanos - startCpuNanos);
            return BenchReport.of(run, summary, latency, threads.end(), gc.since());
        }
    }
}
