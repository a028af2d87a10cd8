package io.sluice.destination.kafka;

import java.util.List;
import java.util.Locale;

/**
 * What a kafka record is keyed by, which decides its partition: Kafka keeps the records of one key in order on one
 * partition. {@code pid} (the default) keeps one process's events in order; {@code host} all of a host's;
 * {@code container} a container's (events outside containers are keyed by the host); {@code event} one event type's.
 */
public enum PartitionKey
{
    /** The host name. */
    HOST,
    /** {@code HOST/PID}: the host name and the process id as the host sees it. */
    PID,
    /** The container id, or the host name for an event outside containers. */
    CONTAINER,
    /** The event's name. */
    EVENT;

    /** The names, as written in config. */
    public static final List<String> NAMES = List.of("host", "pid", "container", "event");

    /**
     * @param name one of {@link #NAMES}.
     * @return its key.
     */
    public static PartitionKey byName(final String name)
    {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
