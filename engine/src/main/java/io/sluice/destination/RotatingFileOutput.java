package io.sluice.destination;

import io.sluice.config.RotationConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import java.io.OutputStream;

/**
 * A file that rotates between whole events, never inside one: before a push (whole events) that would take the live
 * file past its size limit (or once the interval has passed), the
 * live file is renamed to a backup ({@link BackupNames}) and a new one started; a background thread then gzips the
 * backup (when asked) and deletes the oldest backups beyond the limit. A non-empty live file found at open is rotated
 * out first, so nothing of an earlier run is lost. Files are created 0600.
 */
final class RotatingFileOutput implements FileTarget
{
    private final Path file;
    private final RotationConfig rotation;
    private final Clock clock;
    private final byte[] preamble;
    private final BackupNames names;
    private final ExecutorService housekeeper;
    private volatile IOException housekeepingFailure;
    private volatile RegularFileOutput out;
    private long size;
    private long openedAtMillis;

    /**
     * @param file     the live file.
     * @param rotation when and how to rotate.
     * @param clock    the time source (backup names, interval).
     * @param preamble bytes to start every new file with (a table header), may be empty.
     */
    RotatingFileOutput(final Path file, final RotationConfig rotation, final Clock clock, final byte[] preamble)
    {
        this.file = file.toAbsolutePath();
        this.rotation = rotation;
        this.clock = clock;
        this.preamble = preamble.clone();
        this.names = new BackupNames(this.file);
        this.housekeeper = Executors.newSingleThreadExecutor(runnable ->
        {
            final Thread thread = new Thread(runnable, "sluice-rotate-" + this.file.getFileName());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Create the directory and the live file (rotating out a non-empty one left by an earlier run).
     *
     * @throws IOException when the file cannot be created.
     */
    void open() throws IOException
    {
        Files.createDirectories(file.getParent());
        if (Files.isRegularFile(file) && Files.size(file) > 0)
        {
            backUpLiveFile();
        }
        startLiveFile();
    }

    /**
     * Start a new live file first if the next write would take this one past its size, or its interval passed. Call
     * only between whole events.
     *
     * @param nextBytes bytes about to be written.
     * @throws IOException when rotating fails.
     */
    @Override
    public void beforeWholeEvents(final int nextBytes) throws IOException
    {
        if (out == null)
        {
            // an earlier rotation failed part way (a full disk): back up what is live, if anything, and start again
            open();
            return;
        }
        if (size > preamble.length && (size + nextBytes > rotation.maxSizeBytes() || intervalPassed()))
        {
            rotate();
        }
    }

    @Override
    public int largePush()
    {
        final RegularFileOutput live = out;
        return live == null ? 0 : live.largePush();
    }

    /**
     * Write to the live file; may write fewer bytes than remain.
     *
     * @param bytes what to write, from its position.
     * @return bytes written.
     * @throws IOException when the write fails.
     */
    @Override
    public int write(final ByteBuffer bytes) throws IOException
    {
        if (out == null)
        {
            open();
        }
        final int written = out.write(bytes);
        size += written;
        return written;
    }

    /**
     * Close the live file from another thread, so that a write blocked on it fails.
     *
     * @throws IOException when closing fails.
     */
    @Override
    public void unblock() throws IOException
    {
        final RegularFileOutput live = out;
        if (live != null)
        {
            live.unblock();
        }
    }

    /**
     * Close the live file and wait for the housekeeping of backups.
     *
     * @throws IOException when closing or housekeeping failed.
     */
    @Override
    public void close() throws IOException
    {
        try
        {
            if (out != null)
            {
                out.close();
                out = null;
            }
        }
        finally
        {
            housekeeper.shutdown();
            try
            {
                housekeeper.awaitTermination(5, TimeUnit.MINUTES);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        if (housekeepingFailure != null)
        {
            throw housekeepingFailure;
        }
    }

    private boolean intervalPassed()
    {
        return !rotation.interval().isZero() && clock.millis() - openedAtMillis >= rotation.interval().toMillis();
    }

    private void rotate() throws IOException
    {
        out.close();
        out = null;
        backUpLiveFile();
        startLiveFile();
    }

    private void backUpLiveFile() throws IOException
    {
        Instant at = clock.instant();
        Path backup = file.resolveSibling(names.backupName(at));
        while (Files.exists(backup) || Files.exists(gzipOf(backup)))
        {
            at = at.plusMillis(1);
            backup = file.resolveSibling(names.backupName(at));
        }
        Files.move(file, backup);
        final Path rotated = backup;
        housekeeper.execute(() -> houseKeep(rotated));
    }

    private void startLiveFile() throws IOException
    {
        // created here (or, created meanwhile by someone else, taken over and emptied unless empty already)
        out = RegularFileOutput.open(file, OutputFileOpening.prepare(file));
        size = 0;
        openedAtMillis = clock.millis();
        final ByteBuffer header = ByteBuffer.wrap(preamble);
        while (header.hasRemaining())
        {
            size += out.write(header);
        }
    }

    private void houseKeep(final Path backup)
    {
        try
        {
            // An earlier task may have pruned this backup already (more rotations queued than backups kept).
            if (rotation.compress() && Files.exists(backup))
            {
                compress(backup);
            }
            prune();
        }
        catch (final IOException ex)
        {
            if (housekeepingFailure == null)
            {
                housekeepingFailure = new IOException("rotating " + file + ": " + ex.getMessage(), ex);
            }
        }
    }

    private static Path gzipOf(final Path backup)
    {
        return backup.resolveSibling(backup.getFileName() + ".gz");
    }

    private static void compress(final Path backup) throws IOException
    {
        final Path gzip = gzipOf(backup);
        final Path partial = backup.resolveSibling(backup.getFileName() + ".gz.partial");
        Files.deleteIfExists(partial);
        Files.createFile(partial, OutputFileOpening.OWNER_ONLY);
        try (InputStream in = Files.newInputStream(backup);
             OutputStream zipped = new GZIPOutputStream(Files.newOutputStream(partial, StandardOpenOption.WRITE), 64 * 1024))
        {
            in.transferTo(zipped);
        }
        Files.move(partial, gzip);
        Files.delete(backup);
    }

    private void prune() throws IOException
    {
        if (rotation.maxBackups() <= 0)
        {
            return;
        }
        final List<Path> backups = new ArrayList<>();
        try (var files = Files.list(file.getParent()))
        {
            files.filter(path -> names.isBackup(path.getFileName().toString())).forEach(backups::add);
        }
        backups.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        for (int i = 0; i < backups.size() - rotation.maxBackups(); i++)
        {
            Files.deleteIfExists(backups.get(i));
        }
    }
}
