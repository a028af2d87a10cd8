package io.sluice.log;

import io.sluice.config.ConfigException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Which {@link LogSettings} are in force, from two origins: the command line ({@code --log-level},
 * {@code --log-format}) and the config file's {@code logging} section (read at start and again on SIGHUP). A value
 * given by a flag wins over the config's; what neither gives keeps its default. Safe from any thread: the settings
 * are one volatile reference, replaced whole.
 */
public final class Logging
{
    private static final Object LOCK = new Object();
    private static volatile LogSettings current = LogSettings.DEFAULTS;
    private static LogLevel flagLevel;
    private static LogFormat flagFormat;
    /** Set on a thread reloading the config: what the {@code logging} section said, not yet in force. */
    private static final ThreadLocal<Held[]> HOLDING = new ThreadLocal<>();

    private Logging()
    {
    }

    /** @return the settings in force. */
    public static LogSettings settings()
    {
        return current;
    }

    /**
     * Back to the defaults, forgetting flags and config (each command line starts here; a log file is closed).
     */
    public static void reset()
    {
        synchronized (LOCK)
        {
            flagLevel = null;
            flagFormat = null;
            replace(LogSettings.DEFAULTS);
        }
    }

    /**
     * @param level  {@code --log-level}, or null when not given.
     * @param format {@code --log-format}, or null when not given.
     */
    public static void byFlags(final LogLevel level, final LogFormat format)
    {
        synchronized (LOCK)
        {
            flagLevel = level;
            flagFormat = format;
            final LogSettings was = current;
            replace(new LogSettings(level != null ? level : was.level(), format != null ? format : was.format(), was.file(),
                was.stream));
        }
    }

    /**
     * What the config file's {@code logging} section asks for; a flag given for the same setting wins.
     *
     * @param origin where the section is, for errors ({@code sluice.yaml:3}).
     * @param level  {@code logging.level}, or null for the default.
     * @param format {@code logging.format}, or null for the default.
     * @param file   {@code logging.file}, or null for stderr.
     * @throws ConfigException when the file cannot be opened for appending.
     */
    public static void byConfig(final String origin, final LogLevel level, final LogFormat format, final Path file)
    {
        final Held[] held = HOLDING.get();
        if (held != null)
        {
            held[0] = new Held(origin, level, format, file);
            return;
        }
        synchronized (LOCK)
        {
            final LogSettings was = current;
            PrintStream stream = was.stream;
            if (file == null)
            {
                stream = null;
            }
            else if (!file.equals(was.file()))
            {
                stream = open(origin, file);
            }
            replace(new LogSettings(flagLevel != null ? flagLevel : level != null ? level : LogSettings.DEFAULTS.level(),
                flagFormat != null ? flagFormat : format != null ? format : LogSettings.DEFAULTS.format(), file, stream));
        }
    }

    /**
     * From now on, on this thread, {@link #byConfig} is recorded rather than put in force, until {@link #release}: a
     * reload reads the config's {@code logging} section with the rest, and puts it in force only when the rest was
     * accepted.
     */
    public static void hold()
    {
        HOLDING.set(new Held[1]);
    }

    /**
     * @param apply true to put in force what {@link #byConfig} recorded since {@link #hold} (if anything), false to drop it.
     * @throws ConfigException when the section's file cannot be opened (the logging in force stays).
     */
    public static void release(final boolean apply)
    {
        final Held[] held = HOLDING.get();
        HOLDING.remove();
        if (apply && held != null && held[0] != null)
        {
            byConfig(held[0].origin, held[0].level, held[0].format, held[0].file);
        }
    }

    private static PrintStream open(final String origin, final Path file)
    {
        try
        {
            // created owner-only (0600), as every file Sluice writes; an existing file keeps its mode
            if (!Files.exists(file))
            {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            return new PrintStream(Files.newOutputStream(file, StandardOpenOption.APPEND), true, StandardCharsets.UTF_8);
        }
        catch (final IOException | SecurityException ex)
        {
            throw new ConfigException(origin, "logging.file", file.toString(), "cannot open it for appending (" + ex.getMessage() + ")");
        }
    }

    private static void replace(final LogSettings next)
    {
        final LogSettings was = current;
        current = next;
        if (was.stream != null && was.stream != next.stream)
        {
            was.stream.close();
        }
    }

    /** A {@code logging} section read while held. */
    private record Held(String origin, LogLevel level, LogFormat format, Path file)
    {
    }
}
