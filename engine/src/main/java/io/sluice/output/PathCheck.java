package io.sluice.output;

import io.sluice.config.ConfigException;
import io.sluice.config.DestinationConfig;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The pre-flight checks of destinations that write under a path, shared by {@link FileKind} and {@link JournalKind}:
 * what a run needs to open it (the file writable, or its directory creatable), checked without creating anything. A
 * refusal names the destination's {@code path}, its value and the reason, as {@code validate} and a run print it.
 */
final class PathCheck
{
    private PathCheck()
    {
    }

    /**
     * A file a destination writes: not a directory; writable when it exists (a FIFO or a device too), else under a
     * directory that exists or can be created, and is writable.
     *
     * @param config a destination with a file path.
     */
    static void file(final DestinationConfig config)
    {
        final Path path = path(config);
        if (Files.isDirectory(path))
        {
            throw refused(config, "is a directory (a file destination writes a file)");
        }
        if (Files.exists(path))
        {
            if (!Files.isWritable(path))
            {
                throw refused(config, "not writable");
            }
            return;
        }
        creatable(config, path.getParent());
    }

    /**
     * A directory a destination writes files into: a writable directory when it exists, else one that can be created.
     *
     * @param config a destination with a directory path.
     */
    static void directory(final DestinationConfig config)
    {
        creatable(config, path(config));
    }

    /** The directory exists and is writable, or the nearest one above it that exists is a writable directory. */
    private static void creatable(final DestinationConfig config, final Path dir)
    {
        Path existing = dir;
        while (existing != null && !Files.exists(existing))
        {
            existing = existing.getParent();
        }
        if (existing == null)
        {
            throw refused(config, "no part of the path exists");
        }
        if (!Files.isDirectory(existing))
        {
            throw refused(config, existing + " is not a directory");
        }
        if (!Files.isWritable(existing) || !Files.isExecutable(existing))
        {
            throw refused(config, existing.equals(dir) ? "directory " + dir + " is not writable"
                : "cannot create " + dir + ": " + existing + " is not writable");
        }
    }

    private static Path path(final DestinationConfig config)
    {
        try
        {
            return Path.of(config.path()).toAbsolutePath().normalize();
        }
        catch (final InvalidPathException ex)
        {
            throw refused(config, "not a valid path (" + ex.getReason() + ")");
        }
    }

    private static ConfigException refused(final DestinationConfig config, final String reason)
    {
        return new ConfigException("output", "destinations." + config.name() + ".path", config.path(), reason);
    }
}
