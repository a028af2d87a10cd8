package io.sluice.destination;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * How the file destinations open a file to write events into: a new file is created 0600 (its directories too) and
 * written from its start without being truncated; an existing one with content is emptied first, as Tracee's
 * {@code os.Create} does. Why not truncate at every open: the JDK's default opening of a file for writing passes
 * {@code O_TRUNC}, and on ext4 a file truncated to nothing is marked "replaced via truncate" ({@code auto_da_alloc}),
 * so its {@code close} starts the writeback of every page written since, on the closing thread: 0.77 s at the end of a
 * 3 M event run (2 GB of JSON), time a run spent waiting before it could report (docs/performance-log.md, "Fourteenth
 * pass"). An existing file that is empty, or is no regular file (a FIFO, a device), is written as it is.
 */
final class OutputFileOpening
{
    /** Mode 0600, as every file Sluice writes events into is created. */
    static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private OutputFileOpening()
    {
    }

    /**
     * Create the file if it is not there; say whether the caller must empty it as it opens it.
     *
     * @param file the file.
     * @return true when the file was there already with content (a regular file): open it truncating; false when it is
     *         new or empty or no regular file: open it without truncating.
     * @throws IOException when the file or its directories cannot be created or looked at.
     */
    static boolean prepare(final Path file) throws IOException
    {
        final Path parent = file.toAbsolutePath().getParent();
        if (parent != null)
        {
            Files.createDirectories(parent);
        }
        try
        {
            Files.createFile(file, OWNER_ONLY);
            return false;
        }
        catch (final FileAlreadyExistsException existing)
        {
            return Files.isRegularFile(file) && Files.size(file) > 0;
        }
    }
}
