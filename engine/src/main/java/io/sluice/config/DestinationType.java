package io.sluice.config;

/**
 * Where a destination sends events (the {@code type} key of a destination).
 */
public enum DestinationType
{
    FILE("file"),
    WEBHOOK("webhook"),
    FORWARD("forward"),
    JOURNAL("journal"),
    KAFKA("kafka");

    private final String key;

    DestinationType(final String key)
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
     * @param key a config value such as {@code file}.
     * @return the type, or null when the value names none.
     */
    public static DestinationType byKey(final String key)
    {
        for (final DestinationType type : values())
        {
            if (type.key.equals(key))
            {
                return type;
            }
        }
        return null;
    }
}
