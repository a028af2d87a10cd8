package io.sluice.config;

import java.util.List;

/**
 * One validated stream: its destinations, its filters and its buffer.
 *
 * @param name         unique name.
 * @param destinations names of the destinations it broadcasts to (at least one; each belongs to this stream only).
 * @param events       event names it lets through; empty = all.
 * @param policies     policy names it lets through; empty = all.
 * @param mode         block or drop when its ring is full.
 * @param bufferSize   ring size, a power of two.
 * @param implicit     true when Sluice created it (a destination no stream named, or a short {@code --output} form).
 * @param exports      its own Tetragon export, redaction and field filters ({@link StreamExportConfig#NONE}: none).
 */
public record StreamConfig(
    String name,
    List<String> destinations,
    List<String> events,
    List<String> policies,
    BufferMode mode,
    int bufferSize,
    boolean implicit,
    StreamExportConfig exports)
{
    /** Default ring size, as Tracee's. */
    public static final int DEFAULT_BUFFER_SIZE = 1024;

    /**
     * A stream without export filters of its own.
     *
     * @param name         unique name.
     * @param destinations its destinations.
     * @param events       event names it lets through; empty = all.
     * @param policies     policy names it lets through; empty = all.
     * @param mode         block or drop.
     * @param bufferSize   ring size.
     * @param implicit     true when Sluice created it.
     */
    public StreamConfig(final String name, final List<String> destinations, final List<String> events, final List<String> policies,
        final BufferMode mode, final int bufferSize, final boolean implicit)
    {
        this(name, destinations, events, policies, mode, bufferSize, implicit, StreamExportConfig.NONE);
    }
}
