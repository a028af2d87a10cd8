package io.sluice.source;

import io.sluice.ring.RingDoorbell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * The kernel sensor's standard output, read on its own thread ({@code sluice-loader-out}): {@code ready} once every
 * program is attached, then {@code wake} each time the loader took back the shared ring's doorbell flag, which wakes
 * the ingest asleep on it (docs/sensor.md, the loader's contract). Runs until the loader closes its output.
 */
final class LoaderOutput implements Runnable
{
    /** The loader's line once attached. */
    static final String READY_LINE = "ready";
    /** The loader's line after it rang the shared ring's doorbell (a batch written while the ingest slept armed). */
    static final String WAKE_LINE = "wake";

    private final InputStream output;
    private final CountDownLatch ready;
    private final RingDoorbell doorbell;

    /**
     * @param output   the loader's standard output.
     * @param ready    counted down at {@code ready}.
     * @param doorbell woken at each {@code wake}.
     */
    LoaderOutput(final InputStream output, final CountDownLatch ready, final RingDoorbell doorbell)
    {
        this.output = output;
        this.ready = ready;
        this.doorbell = doorbell;
    }

    @Override
    public void run()
    {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                if (WAKE_LINE.equals(line))
                {
                    doorbell.wake();
                }
                else if (READY_LINE.equals(line.trim()))
                {
                    ready.countDown();
                }
            }
        }
        catch (final IOException ignore)
        {
            // the loader is gone; the kernel source's watcher reports how
        }
    }
}
