package io.sluice.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * The kernel sensor's standard output, read on its own thread ({@code sluice-loader-out}): {@code ready} once every
 * program is attached (docs/sensor.md, the loader's contract; the loader wakes the ingest through the shared ring's
 * doorbell, not here). Runs until the loader closes its output.
 */
final class LoaderOutput implements Runnable
{
    /** The loader's line once attached. */
    static final String READY_LINE = "ready";

    private final InputStream output;
    private final CountDownLatch ready;

    /**
     * @param output the loader's standard output.
     * @param ready  counted down at {@code ready}.
     */
    LoaderOutput(final InputStream output, final CountDownLatch ready)
    {
        this.output = output;
        this.ready = ready;
    }

    @Override
    public void run()
    {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                if (READY_LINE.equals(line.trim()))
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
