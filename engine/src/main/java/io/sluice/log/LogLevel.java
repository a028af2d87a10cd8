package io.sluice.log;

import org.slf4j.event.Level;

import java.util.Locale;

/**
 * The levels a log line can have, lowest first, named as {@code --log-level} and Tracee's {@code logging.level} name
 * them.
 */
public enum LogLevel
{
    /** What a developer tracing a problem wants. */
    DEBUG,
    /** What happens in a normal run (ready, listening, reloaded). */
    INFO,
    /** Something is wrong but the run goes on. */
    WARN,
    /** Something failed. */
    ERROR;

    /** The names {@link #parse} takes, for messages. */
    public static final String NAMES = "debug, info, warn, error";

    /**
     * @param name a level's name, any case.
     * @return the level.
     * @throws IllegalArgumentException naming what it takes.
     */
    public static LogLevel parse(final String name)
    {
        for (final LogLevel level : values())
        {
            if (level.key().equals(name.toLowerCase(Locale.ROOT)))
            {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown log level '" + name + "' (expected " + NAMES + ")");
    }

    /** @return the level's name in lower case. */
    public String key()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param level an SLF4J level.
     * @return the level it maps to (trace is debug).
     */
    static LogLevel of(final Level level)
    {
        return switch (level)
        {
            case TRACE, DEBUG -> DEBUG;
            case INFO -> INFO;
            case WARN -> WARN;
            case ERROR -> ERROR;
        };
    }

    /**
     * @param level a line's level.
     * @return true when a line of that level is printed at this threshold.
     */
    boolean allows(final LogLevel level)
    {
        return level.ordinal() >= ordinal();
    }
}
