package io.sluice.config;

import java.time.Duration;

/**
 * Rotation of a {@code file} destination ({@code rotate.*}, Tetragon's export-file options): when the live file
 * would pass {@code maxSizeBytes}, or {@code interval} has passed since it was opened, it is renamed to
 * {@code name-2006-01-02T15-04-05.000.ext} (UTC, the time of the rotation), gzipped when {@code compress}, and a new
 * live file is started; only the newest {@code maxBackups} backups are kept.
 *
 * @param maxSizeBytes the size a file may reach, in bytes (from {@code max-size-mb}).
 * @param maxBackups   backups to keep; 0 keeps them all.
 * @param compress     gzip each backup.
 * @param interval     also rotate after this long; {@link Duration#ZERO} = by size only.
 */
public record RotationConfig(long maxSizeBytes, int maxBackups, boolean compress, Duration interval)
{
    /** {@code max-size-mb} when rotation is on and none is given. */
    public static final int DEFAULT_MAX_SIZE_MB = 10;
    /** {@code max-backups} when rotation is on and none is given. */
    public static final int DEFAULT_MAX_BACKUPS = 5;
    /** Bytes in one {@code max-size-mb} unit. */
    public static final long MEGABYTE = 1024L * 1024L;
    /** Rotation on with every default: 10 MB, 5 backups, no compression, no interval. */
    public static final RotationConfig DEFAULTS =
        new RotationConfig(DEFAULT_MAX_SIZE_MB * MEGABYTE, DEFAULT_MAX_BACKUPS, false, Duration.ZERO);
}
