package io.sluice.output;

import io.sluice.config.DestinationSettings;
import io.sluice.config.GoDuration;
import io.sluice.config.RotationConfig;
import io.sluice.config.Setting;
import io.sluice.destination.FileDestination;

import java.time.Duration;

/**
 * The rules of a file destination's {@code rotate} settings, beside {@link FileKind}: validates them's {@code rotate} settings into a
 * {@link RotationConfig}: rotation is on when
 * {@code rotate} is true or any {@code rotate.*} key is set; {@code max-size-mb} defaults to 10, {@code max-backups}
 * to 5, {@code compress} to false, {@code interval} (a Go duration such as {@code 1h30m}) to none.
 */
final class RotationRules
{
    /** The largest {@code max-size-mb}: 1 TiB. */
    static final long MAX_SIZE_MB = 1L << 20;

    private RotationRules()
    {
    }

    /**
     * @param raw  a file destination as read.
     * @param path its path.
     * @return its rotation, or null when rotation is off.
     */
    static RotationConfig resolve(final DestinationSettings raw, final String path)
    {
        final Setting<?> firstKey = firstSubKey(raw);
        if (raw.rotate() != null && !raw.rotate().value())
        {
            if (firstKey != null)
            {
                throw firstKey.error("rotate is false for this destination (" + raw.rotate().origin() +
                    "); remove this setting or turn rotation on");
            }
            return null;
        }
        if (raw.rotate() == null && firstKey == null)
        {
            return null;
        }
        if (FileDestination.isStandardStream(path))
        {
            final Setting<?> at = raw.rotate() != null ? raw.rotate() : firstKey;
            throw at.error("rotation needs a file path, not " + path);
        }
        long maxSizeMb = RotationConfig.DEFAULT_MAX_SIZE_MB;
        if (raw.rotateMaxSizeMb() != null)
        {
            maxSizeMb = raw.rotateMaxSizeMb().value();
            if (maxSizeMb < 1 || maxSizeMb > MAX_SIZE_MB)
            {
                throw raw.rotateMaxSizeMb().error("must be between 1 and " + MAX_SIZE_MB + " (megabytes)");
            }
        }
        int maxBackups = RotationConfig.DEFAULT_MAX_BACKUPS;
        if (raw.rotateMaxBackups() != null)
        {
            final long value = raw.rotateMaxBackups().value();
            if (value < 0 || value > 100_000)
            {
                throw raw.rotateMaxBackups().error("must be between 0 (keep all) and 100000");
            }
            maxBackups = (int)value;
        }
        final boolean compress = raw.rotateCompress() != null && raw.rotateCompress().value();
        final Duration interval = raw.rotateInterval() == null ? Duration.ZERO : interval(raw.rotateInterval());
        return new RotationConfig(maxSizeMb * RotationConfig.MEGABYTE, maxBackups, compress, interval);
    }

    /**
     * A journal rolls by itself: {@code rotate} is refused there.
     *
     * @param raw a journal destination as read.
     */
    static void refuseForJournal(final DestinationSettings raw)
    {
        final Setting<?> at = raw.rotate() != null ? raw.rotate() : firstSubKey(raw);
        if (at != null)
        {
            throw at.error("rotate is for file destinations; a journal starts new files with roll");
        }
    }

    /**
     * @param raw a Go-style duration: {@code 0}, or parts such as {@code 1h30m}, {@code 90s}, {@code 500ms}.
     * @return the duration, at least one second unless zero.
     */
    static Duration interval(final Setting<String> raw)
    {
        final Duration total;
        try
        {
            total = GoDuration.parse(raw.value());
        }
        catch (final IllegalArgumentException ex)
        {
            throw raw.error("expected a duration such as 30s, 10m, 1h or 1h30m (0 = no interval)");
        }
        if (total.isZero())
        {
            return total;
        }
        if (total.compareTo(Duration.ofSeconds(1)) < 0)
        {
            throw raw.error("must be at least 1s (or 0 for no interval)");
        }
        return total;
    }

    /**
     * @param raw a destination's keys.
     * @return its first {@code rotate} key as written ({@code rotate}, then {@code rotate.*}), or null when it has none:
     *         for the types that take no rotation to refuse.
     */
    static Setting<?> firstKey(final DestinationSettings raw)
    {
        return raw.rotate() != null ? raw.rotate() : firstSubKey(raw);
    }

    private static Setting<?> firstSubKey(final DestinationSettings raw)
    {
        if (raw.rotateMaxSizeMb() != null)
        {
            return raw.rotateMaxSizeMb();
        }
        if (raw.rotateMaxBackups() != null)
        {
            return raw.rotateMaxBackups();
        }
        if (raw.rotateCompress() != null)
        {
            return raw.rotateCompress();
        }
        return raw.rotateInterval();
    }
}
