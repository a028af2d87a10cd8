package io.sluice.destination;

import io.sluice.config.RotationConfig;

import java.io.FileDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;

/**
 * What a {@code file} destination's path opens ({@link FileTarget}): the process's standard streams as they are, a
 * rotating file (which writes the format's preamble at the start of every file it starts), a regular file past the
 * page cache ({@link RegularFileOutput}), anything else (a FIFO, a device) as a stream.
 */
final class FileTargets
{
    private FileTargets()
    {
    }

    /**
     * @param path     {@link FileDestination#STDOUT}, {@link FileDestination#STDERR} or a file path (parent directories
     *                 created, a new file created 0600, an existing one truncated: {@link OutputFileOpening}).
     * @param rotation how to rotate the file, or null for no rotation (only for a file path).
     * @param preamble what the format writes before its first event (empty for most).
     * @return the opened target; a rotating file has written the preamble, any other target has not.
     * @throws IOException when the path cannot be opened.
     */
    static FileTarget open(final String path, final RotationConfig rotation, final byte[] preamble) throws IOException
    {
        if (FileDestination.isStandardStream(path))
        {
            return StreamTarget.standard(FileDestination.STDOUT.equals(path) ? FileDescriptor.out : FileDescriptor.err);
        }
        if (rotation != null)
        {
            final RotatingFileOutput rotating = new RotatingFileOutput(Paths.get(path), rotation, Clock.systemUTC(), preamble);
            rotating.open();
            return rotating;
        }
        final Path file = Paths.get(path);
        final boolean truncate = OutputFileOpening.prepare(file);
        // a FIFO blocks in this open until its reader comes: the destination opens on an opener thread of its own
        return Files.isRegularFile(file) ? RegularFileOutput.open(file, truncate) : StreamTarget.open(file, truncate);
    }
}
