package io.sluice.log;

import java.util.Locale;

/**
 * How a log line is written: {@code text} ({@code sluice: <message>}, for a person at a terminal) or {@code json}
 * (one object per line: {@code ts}, {@code level}, {@code msg}, {@code logger} and the message's key fields, for a
 * log collector).
 */
public enum LogFormat
{
    /** {@code sluice: <message>}. */
    TEXT,
    /** One JSON object per line. */
    JSON;

    /** The names {@link #parse} takes, for messages. */
    public static final String NAMES = "text, json";

    /**
     * @param name a format's name, any case.
     * @return the format.
     * @throws IllegalArgumentException naming what it takes.
     */
    public static LogFormat parse(final String name)
    {
        for (final LogFormat format : values())
        {
            if (format.key().equals(name.toLowerCase(Locale.ROOT)))
            {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown log format '" + name + "' (expected " + NAMES + ")");
    }

    /** @return the format's name in lower case. */
    public String key()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
