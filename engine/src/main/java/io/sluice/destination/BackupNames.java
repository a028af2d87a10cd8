package io.sluice.destination;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Names of rotated files, as Tetragon's (lumberjack's): {@code name-2006-01-02T15-04-05.000.ext}, the time of the
 * rotation in UTC between the name and the extension, {@code .gz} added once compressed. Names sort in time order.
 */
final class BackupNames
{
    private static final DateTimeFormatter STAMP =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss.SSS").withZone(ZoneOffset.UTC);

    private final String base;
    private final String extension;
    private final Pattern backup;

    /**
     * @param liveFile the live file, for instance {@code /var/log/events.json}.
     */
    BackupNames(final Path liveFile)
    {
        final String name = liveFile.getFileName().toString();
        final int dot = name.lastIndexOf('.');
        this.base = dot > 0 ? name.substring(0, dot) : name;
        this.extension = dot > 0 ? name.substring(dot) : "";
        this.backup = Pattern.compile(Pattern.quote(base) + "-\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}\\.\\d{3}" +
            Pattern.quote(extension) + "(\\.gz)?");
    }

    /**
     * @param rotatedAt when the file was rotated.
     * @return the backup's file name (without {@code .gz}).
     */
    String backupName(final Instant rotatedAt)
    {
        return base + "-" + STAMP.format(rotatedAt) + extension;
    }

    /**
     * @param fileName a file name in the live file's directory.
     * @return true when it is a backup of the live file, compressed or not.
     */
    boolean isBackup(final String fileName)
    {
        return backup.matcher(fileName).matches();
    }
}
