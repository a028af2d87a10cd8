package io.sluice.log;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The logging in force, one immutable value: threshold, format and where lines go (a file, or the process's stderr,
 * looked up at each line so a test that replaces {@code System.err} sees them).
 *
 * @param level  lines below it are not printed.
 * @param format text or JSON lines.
 * @param file   the file lines are appended to, or null for stderr.
 * @param stream the open file, or null for stderr.
 */
public record LogSettings(LogLevel level, LogFormat format, Path file, PrintStream stream)
{
    /** Before any flag or config: info and above, as text, to stderr. */
    public static final LogSettings DEFAULTS = new LogSettings(LogLevel.INFO, LogFormat.TEXT, null, null);

    /** @return where a line goes now. */
    PrintStream out()
    {
        return stream != null ? stream : System.err;
    }
}
