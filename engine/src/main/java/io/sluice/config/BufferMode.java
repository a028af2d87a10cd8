package io.sluice.config;

/**
 * What a stream does when its ring is full: wait for room ({@link #BLOCK}) or drop and count ({@link #DROP}).
 */
public enum BufferMode
{
    BLOCK("block"),
    DROP("drop");

    private final String key;

    BufferMode(final String key)
    {
        this.key = key;
    }

    /**
     * @return the value as written in config.
     */
    public String key()
    {
        return key;
    }

    /**
     * @param key {@code block} or {@code drop}.
     * @return the mode, or null when the value names none.
     */
    public static BufferMode byKey(final String key)
    {
        for (final BufferMode mode : values())
        {
            if (mode.key.equals(key))
            {
                return mode;
            }
        }
        return null;
    }
}
