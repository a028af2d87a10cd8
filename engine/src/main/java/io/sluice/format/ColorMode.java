package io.sluice.format;

import java.util.Locale;

/**
 * When a format that can colour ({@code compact}) writes ANSI colour codes, as Tetragon's {@code tetra getevents
 * --color}: {@link #ALWAYS}, {@link #NEVER}, or {@link #AUTO} (the default): only to a terminal, and not when the
 * environment asks for none ({@code NO_COLOR} set to anything, or {@code TERM=dumb}, the two checks of the Go
 * colour library Tetragon uses). A file is never a terminal.
 */
public enum ColorMode
{
    /** Colour only to a terminal. */
    AUTO,
    /** Colour whatever the destination. */
    ALWAYS,
    /** Never colour. */
    NEVER;

    /** The values as written, for messages. */
    public static final String NAMES = "auto, always or never";

    /**
     * @param value {@code auto}, {@code always} or {@code never}.
     * @return the mode.
     * @throws IllegalArgumentException naming the value and what is expected.
     */
    public static ColorMode parse(final String value)
    {
        for (final ColorMode mode : values())
        {
            if (mode.key().equals(value))
            {
                return mode;
            }
        }
        throw new IllegalArgumentException("'" + value + "' (expected " + NAMES + ")");
    }

    /**
     * @return the value as written ({@code auto}).
     */
    public String key()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param terminal true when the destination is a terminal.
     * @return true when this mode colours such a destination in this process's environment.
     */
    public boolean colors(final boolean terminal)
    {
        return colors(terminal, System.getenv("NO_COLOR"), System.getenv("TERM"));
    }

    /**
     * @param terminal true when the destination is a terminal.
     * @param noColor  the {@code NO_COLOR} environment variable, or null.
     * @param term     the {@code TERM} environment variable, or null.
     * @return true when this mode colours such a destination.
     */
    public boolean colors(final boolean terminal, final String noColor, final String term)
    {
        return switch (this)
        {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> terminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(term);
        };
    }
}
