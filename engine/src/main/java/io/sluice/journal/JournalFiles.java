package io.sluice.journal;

import io.sluice.config.JournalRoll;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.StoreFileListener;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * How Sluice opens Chronicle Queue journals: the roll cycles behind {@link JournalRoll}, a directory of mode 0700
 * and files of mode 0600, and the names of the files that hold a cycle.
 */
final class JournalFiles
{
    /** Suffix of Chronicle Queue data files. */
    static final String SUFFIX = ".cq4";

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private JournalFiles()
    {
    }

    static RollCycle rollCycle(final JournalRoll roll)
    {
        return switch (roll)
        {
            case FIVE_MINUTELY -> RollCycles.FIVE_MINUTELY;
            case TEN_MINUTELY -> RollCycles.TEN_MINUTELY;
            case TWENTY_MINUTELY -> RollCycles.TWENTY_MINUTELY;
            case HALF_HOURLY -> RollCycles.HALF_HOURLY;
            case HOURLY -> RollCycles.FAST_HOURLY;
            case TWO_HOURLY -> RollCycles.TWO_HOURLY;
            case FOUR_HOURLY -> RollCycles.FOUR_HOURLY;
            case SIX_HOURLY -> RollCycles.SIX_HOURLY;
            case DAILY -> RollCycles.FAST_DAILY;
            case WEEKLY -> RollCycles.WEEKLY;
        };
    }

    /**
     * Open (creating when new) a journal for appending: the directory 0700, every file 0600.
     */
    static SingleChronicleQueue openForWriting(final Path dir, final JournalRoll roll) throws IOException
    {
        if (!Files.isDirectory(dir))
        {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
        }
        Files.setPosixFilePermissions(dir, OWNER_DIR);
        final SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir)
            .rollCycle(rollCycle(roll))
            .storeFileListener(new OwnerOnly())
            .build();
        ownerOnly(dir);
        return queue;
    }

    /**
     * @param dir where a journal should be.
     * @throws IOException when it is not a directory or holds no cycle file.
     */
    static void requireJournal(final Path dir) throws IOException
    {
        if (!Files.isDirectory(dir))
        {
            throw new IOException("no journal at " + dir + ": not a directory");
        }
        try (var files = Files.list(dir))
        {
            if (files.noneMatch(file -> file.getFileName().toString().endsWith(SUFFIX)))
            {
                throw new IOException("no journal at " + dir + ": no " + SUFFIX + " files");
            }
        }
    }

    /**
     * Open an existing journal (or a {@link JournalView} of one) for reading only.
     */
    static SingleChronicleQueue openForReading(final Path dir)
    {
        return SingleChronicleQueueBuilder.binary(dir).readOnly(true).build();
    }

    /**
     * @return the name of the file that holds {@code cycle} of {@code queue}, as Chronicle names it.
     */
    static String fileName(final SingleChronicleQueue queue, final int cycle)
    {
        final RollCycle roll = queue.rollCycle();
        return DateTimeFormatter.ofPattern(roll.format()).withZone(ZoneOffset.UTC)
            .format(Instant.ofEpochMilli((long)cycle * roll.lengthInMillis() + queue.epoch())) + SUFFIX;
    }

    private static void ownerOnly(final Path dir) throws IOException
    {
        try (var files = Files.list(dir))
        {
            for (final Path file : (Iterable<Path>)files::iterator)
            {
                if (Files.isRegularFile(file))
                {
                    Files.setPosixFilePermissions(file, OWNER_FILE);
                }
            }
        }
    }

    /** Makes each new cycle file readable and writable by its owner only. */
    private static final class OwnerOnly implements StoreFileListener
    {
        @Override
        public void onAcquired(final int cycle, final File file)
        {
            try
            {
                Files.setPosixFilePermissions(file.toPath(), OWNER_FILE);
            }
            catch (final IOException | UnsupportedOperationException ignore)
            {
                // the directory is 0700 already; nobody else can reach the file
            }
        }

        @Override
        public void onReleased(final int cycle, final File file)
        {
            // nothing to do
        }
    }
}
