package io.sluice.cli;

import io.sluice.source.EventSource;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;

/**
 * The progress bar of {@code sluice replay} on a terminal: events replayed, events/s and, when the journal's size
 * is known (not following), the percentage and ETA. Updated from a daemon thread; closed before the summary.
 */
final class ReplayProgress implements AutoCloseable
{
    private final ProgressBar bar;
    private final Thread updater;
    private volatile boolean closed;

    private ReplayProgress(final ProgressBar bar, final EventSource source)
    {
        this.bar = bar;
        this.updater = new Thread(() ->
        {
            while (!closed)
            {
                bar.stepTo(source.produced());
                try
                {
                    Thread.sleep(200);
                }
                catch (final InterruptedException ex)
                {
                    return;
                }
            }
        }, "sluice-progress");
        updater.setDaemon(true);
    }

    /**
     * @param source the replay to follow.
     * @param total  events expected (an estimate), or -1 when unknown.
     * @param out    the terminal.
     * @return the started progress bar.
     */
    static ReplayProgress start(final EventSource source, final long total, final PrintStream out)
    {
        final ProgressBar bar = new ProgressBarBuilder()
            .setTaskName("replay")
            .setInitialMax(total)
            .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
            .setConsumer(new ConsoleProgressBarConsumer(out))
            .setUnit(" events", 1)
            .setUpdateIntervalMillis(200)
            .showSpeed()
            .build();
        final ReplayProgress progress = new ReplayProgress(bar, source);
        progress.updater.start();
        return progress;
    }

    /**
     * @param produced the final count.
     */
    void finish(final long produced)
    {
        closed = true;
        updater.interrupt();
        bar.maxHint(produced);
        bar.stepTo(produced);
    }

    @Override
    public void close()
    {
        closed = true;
        updater.interrupt();
        bar.close();
    }
}
