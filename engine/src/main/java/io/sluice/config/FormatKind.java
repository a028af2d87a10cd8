package io.sluice.config;

/**
 * How a destination renders events (the {@code format} key of a destination).
 */
public enum FormatKind
{
    JSON("json"),
    TABLE("table"),
    GOTEMPLATE("gotemplate"),
    COMPACT("compact"),
    PROTOBUF("protobuf"),
    /** The enriched SBE record as it is: what a journal stores. Not for files. */
    SBE("sbe");

    private final String key;

    FormatKind(final String key)
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
     * @param key a config value such as {@code json}.
     * @return the kind, or null when the value names none.
     */
    public static FormatKind byKey(final String key)
    {
        for (final FormatKind kind : values())
        {
            if (kind.key.equals(key))
            {
                return kind;
            }
        }
        return null;
    }
}
