package io.sluice.config;

/**
 * How often a journal destination starts a new Chronicle Queue file (the {@code roll} key of a journal destination).
 * Old files stay; replay reads them all in order.
 */
public enum JournalRoll
{
    FIVE_MINUTELY("five-minutely"),
    TEN_MINUTELY("ten-minutely"),
    TWENTY_MINUTELY("twenty-minutely"),
    HALF_HOURLY("half-hourly"),
    HOURLY("hourly"),
    TWO_HOURLY("two-hourly"),
    FOUR_HOURLY("four-hourly"),
    SIX_HOURLY("six-hourly"),
    DAILY("daily"),
    WEEKLY("weekly");

    /** The roll of a journal destination that names none. */
    public static final JournalRoll DEFAULT = HOURLY;

    private final String key;

    JournalRoll(final String key)
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
     * @param key a config value such as {@code hourly}.
     * @return the roll, or null when the value names none.
     */
    public static JournalRoll byKey(final String key)
    {
        for (final JournalRoll roll : values())
        {
            if (roll.key.equals(key))
            {
                return roll;
            }
        }
        return null;
    }

    /**
     * @return every key, comma-separated, for messages.
     */
    public static String keys()
    {
        final StringBuilder keys = new StringBuilder();
        for (final JournalRoll roll : values())
        {
            keys.append(keys.length() == 0 ? "" : ", ").append(roll.key);
        }
        return keys.toString();
    }
}
