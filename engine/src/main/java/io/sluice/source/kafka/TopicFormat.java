package io.sluice.source.kafka;

import java.util.List;

/**
 * How the values of a topic are written, as the kafka destination names it in each record's {@code format} header:
 * the enriched SBE record as it is, a bare {@code v1beta1.Event}, or its JSON.
 */
public enum TopicFormat
{
    /** The enriched SBE record, fed as it is. */
    SBE("sbe"),
    /** A {@code v1beta1.Event} without a length prefix. */
    PROTOBUF("protobuf"),
    /** The event's JSON, one per record. */
    JSON("json");

    /** The names, for messages. */
    public static final List<String> NAMES = List.of("sbe", "protobuf", "json");

    private final String key;

    TopicFormat(final String key)
    {
        this.key = key;
    }

    /**
     * @return the name the destination writes in its {@code format} header.
     */
    public String key()
    {
        return key;
    }

    /**
     * @param name a format's name.
     * @return the format, or null when there is none of that name.
     */
    public static TopicFormat byName(final String name)
    {
        for (final TopicFormat format : values())
        {
            if (format.key.equals(name))
            {
                return format;
            }
        }
        return null;
    }
}
