package io.sluice.log;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The logging in force, one immutable value: threshold, format and where lines go (a file, or the process's stderr,
 * looked up at each line so a test that replaces {@code System.err} sees them).
 */
public final class LogSettings
{
    /** Before any flag or config: info and above, as text, to stderr. */
    public static final LogSettings DEFAULTS = new LogSettings(LogLevel.INFO, LogFormat.TEXT, null, null);

    private final LogLevel level;
    private final LogFormat format;
    private final Path file;
    final PrintStream stream;

    /**
     * @param level  lines below it are not printed.
     * @param format text or JSON lines.
     * @param file   the file lines are appended to, or null for stderr.
     * @param stream the open file, or null for stderr.
     */
    LogSettings(final LogLevel level, final LogFormat format, final Path file, final PrintStream stream)
    {
        this.level = level;
        this.format = format;
        this.file = file;
        this.stream = stream;
    }

    /** @return lines below it are not printed. */
    public LogLevel level()
    {
        return level;
    }

    /** @return text or JSON lines. */
    public LogFormat format()
    {
        return format;
    }

    /** @return the file lines are appended to, or null for stderr. */
    public Path file()
    {
        return file;
    }

    /** @return where a line goes now. */
    PrintStream out()
    {
        return stream != null ? stream : System.err;
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof LogSettings that && level == that.level && format == that.format &&
            Objects.equals(file, that.file);
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(level, format, file);
    }

    @Override
    public String toString()
    {
        return "level " + level.key() + ", format " + format.key() + (file == null ? ", to stderr" : ", to " + file);
    }
}
