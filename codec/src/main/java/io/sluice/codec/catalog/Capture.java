package io.sluice.codec.catalog;

import java.util.List;
import java.util.Locale;

/**
 * How an event comes to be: which kernel hook the sensor attaches to produce it, or that it is derived in user space,
 * raised by a detector, or made only by the synthetic source. {@code sluice list events} and {@code docs/events.md}
 * show it, so a user knows before tracing whether the kernel source can emit an event at all.
 *
 * @param kind   the kind of hook or producer.
 * @param points the kernel hooks ({@code sys_enter}, {@code sched_process_exec}); empty for a kind without any.
 */
public record Capture(Kind kind, List<String> points)
{
    /** How an event is captured. */
    public enum Kind
    {
        /** A classic kernel tracepoint. */
        TRACEPOINT,
        /** A raw tracepoint (BTF-enabled, {@code tp_btf}): the sensor's syscall and scheduler hooks. */
        RAW_TRACEPOINT,
        /** A cgroup_skb program on the root cgroup v2 (packets), the socket's owner from the socket syscalls' exit. */
        CGROUP_SKB,
        /** Built in user space from other events. */
        DERIVED,
        /** Raised by a detector ({@code io.sluice.detect}) on the events it watches. */
        DETECTOR,
        /** Made only by the synthetic source: the kernel sensor does not capture it. */
        SYNTHETIC;

        /** @return the name as written in {@code events.yaml} and printed ({@code raw_tracepoint}). */
        public String key()
        {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * @param key a kind as written in {@code events.yaml} ({@code raw_tracepoint}).
         * @return the kind, or null when the key names none.
         */
        public static Kind byKey(final String key)
        {
            for (final Kind kind : values())
            {
                if (kind.key().equals(key))
                {
                    return kind;
                }
            }
            return null;
        }
    }

    /** The sensor's generic syscall hooks. */
    private static final Capture SYSCALL = new Capture(Kind.RAW_TRACEPOINT, List.of("sys_enter", "sys_exit"));

    /** Keeps the hooks immutable. */
    public Capture
    {
        points = List.copyOf(points);
    }

    /**
     * What an event without a {@code capture} entry gets: a syscall event is captured by the sensor's
     * {@code sys_enter}/{@code sys_exit} raw tracepoints, an event at or above
     * {@link EventCatalog#FIRST_DETECTOR_ID} is a detector's, anything else only the synthetic source makes.
     *
     * @param id        the event's id.
     * @param isSyscall true when a syscall stands behind it.
     * @return its capture.
     */
    public static Capture byDefault(final int id, final boolean isSyscall)
    {
        if (isSyscall)
        {
            return SYSCALL;
        }
        return new Capture(id >= EventCatalog.FIRST_DETECTOR_ID ? Kind.DETECTOR : Kind.SYNTHETIC, List.of());
    }

    /**
     * @param text {@code kind} or {@code kind:point,point}, as written in {@code events.yaml}
     *             ({@code raw_tracepoint:sched_process_exec}).
     * @return the capture.
     * @throws IllegalArgumentException for an unknown kind.
     */
    public static Capture parse(final String text)
    {
        final int colon = text.indexOf(':');
        final String kind = colon < 0 ? text : text.substring(0, colon);
        final Kind known = Kind.byKey(kind);
        if (known != null)
        {
            return new Capture(known, colon < 0 ? List.of() : List.of(text.substring(colon + 1).split(",")));
        }
        throw new IllegalArgumentException("unknown capture kind '" + kind + "' (expected tracepoint, raw_tracepoint, derived, " +
            "detector or synthetic)");
    }

    /** @return {@code kind} or {@code kind:point,point}, as {@link #parse} reads it. */
    @Override
    public String toString()
    {
        return points.isEmpty() ? kind.key() : kind.key() + ":" + String.join(",", points);
    }
}
