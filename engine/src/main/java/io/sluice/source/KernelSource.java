package io.sluice.source;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.sluice.ring.RingDoorbell;
import io.sluice.ring.SharedRing;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The kernel sensor: starts {@code sluice-loader} with the shared ring's file and the selection, waits for its
 * {@code ready}, watches it, and stops it (SIGTERM: it drains its BPF ring and detaches). The loader writes
 * KernelEvent and Loss records straight into the shared ring; the engine enriches them. A loader that cannot
 * start or dies is reported in one line.
 */
public final class KernelSource implements EventSource
{
    private static final Logger LOG = LoggerFactory.getLogger(KernelSource.class);

    /** System property naming the loader binary. */
    public static final String LOADER_PROPERTY = "sluice.loader";
    /** Environment variable naming the loader binary. */
    public static final String LOADER_ENV = "SLUICE_LOADER";

    private static final long READY_TIMEOUT_SECONDS = 60;

    private final KernelSpec spec;
    private final CountDownLatch ready = new CountDownLatch(1);
    /** Set by the first {@link #launch} (the engine's build calls it, then its run calls {@link #start}: never at once). */
    private volatile boolean launched;
    private volatile Process process;
    private volatile boolean stopRequested;
    private volatile boolean done;
    private volatile Throwable failure;
    private volatile String lastError = "";

    /**
     * @param spec what to trace.
     */
    public KernelSource(final KernelSpec spec)
    {
        this.spec = spec;
    }

    /**
     * Find the loader: {@value #LOADER_PROPERTY}, then {@value #LOADER_ENV}, then {@code bpf-native/target/sluice-loader}
     * above the running code.
     *
     * @return the loader's path.
     * @throws SourceFailure when it is nowhere.
     */
    public static Path findLoader()
    {
        final String configured = System.getProperty(LOADER_PROPERTY, System.getenv(LOADER_ENV));
        if (configured != null && !configured.isEmpty())
        {
            return Paths.get(configured);
        }
        try
        {
            Path dir = Paths.get(KernelSource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            while (dir != null)
            {
                final Path candidate = dir.resolve("bpf-native/target/sluice-loader");
                if (Files.isExecutable(candidate))
                {
                    return candidate;
                }
                dir = dir.getParent();
            }
        }
        catch (final URISyntaxException | RuntimeException ex)
        {
            // fall through to the failure below
        }
        throw new SourceFailure("the kernel sensor (sluice-loader) is not built; build the project " +
            "(mvn -B package) or set -D" + LOADER_PROPERTY + "=PATH");
    }

    @Override
    public String description()
    {
        return "kernel(" + spec.events().size() + " events)";
    }

    @Override
    public boolean writesKernelRecords()
    {
        return true;
    }

    @Override
    public void start(final RingBuffer ring)
    {
        throw new UnsupportedOperationException("the kernel sensor writes into the shared ring's file: use start(SharedRing)");
    }

    /**
     * Starts the loader, which attaches once its programs are loaded and verified (about half a second, most of it the
     * kernel's verifier): launched while the engine builds its stages, that time is spent beside theirs. The loader is
     * started by its watcher thread, which lives as long as it does: the loader asks the kernel to stop it when the
     * thread that started it ends ({@code PR_SET_PDEATHSIG} follows that thread), so it cannot be a caller's thread,
     * which may end first.
     */
    @Override
    public void launch(final SharedRing shared)
    {
        if (launched)
        {
            return;
        }
        launched = true;
        if (!Files.isExecutable(spec.loader()))
        {
            fail(new SourceFailure("the kernel sensor " + spec.loader() + " is missing or not executable"));
            return;
        }
        final RingDoorbell doorbell = shared.doorbell();
        doorbell.producerRings();
        final Thread watcher = new Thread(() -> startAndWatch(shared.file(), doorbell), "sluice-loader-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Launches the loader unless the engine did, and waits until it is attached (its {@code ready}) or has failed. */
    @Override
    public void start(final SharedRing shared)
    {
        launch(shared);
        try
        {
            if (!ready.await(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS))
            {
                final Process running = process;
                if (running != null)
                {
                    running.destroyForcibly();
                }
                fail(new SourceFailure("the kernel sensor did not become ready within " + READY_TIMEOUT_SECONDS + " s"));
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            requestStop();
        }
        if (stopRequested)
        {
            requestStop();
        }
    }

    @Override
    public void requestStop()
    {
        stopRequested = true;
        final Process running = process;
        if (running != null && running.isAlive())
        {
            running.destroy();
        }
    }

    @Override
    public boolean isDone()
    {
        return done;
    }

    @Override
    public long produced()
    {
        return -1;
    }

    @Override
    public Throwable failure()
    {
        return failure;
    }

    private void readStderr(final Process started)
    {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(started.getErrorStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                if (line.isBlank())
                {
                    continue;
                }
                if (ready.getCount() > 0 || lastError.isEmpty())
                {
                    // before ready (or the first complaint): kept for the one-line failure report
                    if (lastError.isEmpty())
                    {
                        lastError = line.trim();
                    }
                }
                else
                {
                    // the loader's own complaints after it was ready (lost records it could not report, ...)
                    LOG.warn("{}", line);
                }
            }
        }
        catch (final IOException ignore)
        {
            // the loader is gone; the watcher reports how
        }
    }

    /** On the watcher thread: starts the loader and its output's readers, then waits for it to end. */
    private void startAndWatch(final Path ringFile, final RingDoorbell doorbell)
    {
        final Process started;
        try
        {
            started = new ProcessBuilder(spec.loaderArguments(ringFile)).start();
        }
        catch (final IOException ex)
        {
            fail(new SourceFailure("cannot start the kernel sensor " + spec.loader() + ": " + ex.getMessage()));
            return;
        }
        // process and stopRequested are volatile: requestStop() writes the one and reads the other, this thread the
        // other way round, so at least one of the two sees the other's write and the loader is stopped
        process = started;
        if (stopRequested)
        {
            // asked to stop while it was being started: requestStop() may have seen no process to stop
            started.destroy();
        }
        final Thread stdout = new Thread(new LoaderOutput(started.getInputStream(), ready), "sluice-loader-out");
        final Thread stderr = new Thread(() -> readStderr(started), "sluice-loader-err");
        stdout.setDaemon(true);
        stderr.setDaemon(true);
        stdout.start();
        stderr.start();
        watch(started, stdout, stderr, doorbell);
    }

    private void watch(final Process started, final Thread stdout, final Thread stderr, final RingDoorbell doorbell)
    {
        try
        {
            final int exit = started.waitFor();
            stdout.join(5_000);
            stderr.join(5_000);
            if (exit != 0 && !(stopRequested && exit == 143))
            {
                final String message = lastError.isEmpty() ? "the kernel sensor exited with code " + exit : lastError;
                failure = new SourceFailure(message);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        finally
        {
            done = true;
            ready.countDown();
            // the ingest may sleep on the doorbell: it sees the end now, not a second later
            doorbell.wake();
        }
    }

    private void fail(final SourceFailure problem)
    {
        failure = problem;
        done = true;
        ready.countDown();
    }
}
