package io.sluice.filter;

import java.util.Locale;

/**
 * The fields of {@code v1beta1.Event} a field filter can name, as a tree (proto field names, dotted paths). Naming a
 * field names everything under it.
 */
public enum EventField
{
    /** {@code timestamp}. */
    TIMESTAMP("timestamp", null),
    /** {@code id}. */
    ID("id", null),
    /** {@code name}. */
    NAME("name", null),
    /** {@code policies}. */
    POLICIES("policies", null),
    /** {@code workload}. */
    WORKLOAD("workload", null),
    /** {@code workload.process}. */
    PROCESS("workload.process", WORKLOAD),
    /** {@code workload.process.thread}. */
    THREAD("workload.process.thread", PROCESS),
    /** {@code workload.process.thread.name}. */
    THREAD_NAME("workload.process.thread.name", THREAD),
    /** {@code workload.process.thread.start_time}. */
    THREAD_START_TIME("workload.process.thread.start_time", THREAD),
    /** {@code workload.process.thread.unique_id}. */
    THREAD_UNIQUE_ID("workload.process.thread.unique_id", THREAD),
    /** {@code workload.process.thread.host_tid}. */
    THREAD_HOST_TID("workload.process.thread.host_tid", THREAD),
    /** {@code workload.process.thread.tid}. */
    THREAD_TID("workload.process.thread.tid", THREAD),
    /** {@code workload.process.thread.syscall}. */
    THREAD_SYSCALL("workload.process.thread.syscall", THREAD),
    /** {@code workload.process.thread.compat}. */
    THREAD_COMPAT("workload.process.thread.compat", THREAD),
    /** {@code workload.process.pid}. */
    PID("workload.process.pid", PROCESS),
    /** {@code workload.process.real_user}. */
    REAL_USER("workload.process.real_user", PROCESS),
    /** {@code workload.process.executable}. */
    EXECUTABLE("workload.process.executable", PROCESS),
    /** {@code workload.process.ancestors}. */
    ANCESTORS("workload.process.ancestors", PROCESS),
    /** {@code workload.process.unique_id}. */
    PROCESS_UNIQUE_ID("workload.process.unique_id", PROCESS),
    /** {@code workload.process.host_pid}. */
    HOST_PID("workload.process.host_pid", PROCESS),
    /** {@code workload.process.user}. */
    USER("workload.process.user", PROCESS),
    /** {@code workload.container}. */
    CONTAINER("workload.container", WORKLOAD),
    /** {@code workload.pod}. */
    POD("workload.pod", WORKLOAD),
    /** {@code data}. */
    DATA("data", null),
    /** {@code threat}. */
    THREAT("threat", null),
    /** {@code detected_from}. */
    DETECTED_FROM("detected_from", null);

    /** Every field. */
    public static final long ALL = (1L << values().length) - 1;

    private final String path;
    private final EventField parent;

    EventField(final String path, final EventField parent)
    {
        this.path = path;
        this.parent = parent;
    }

    /** @return the bit of this field. */
    public long bit()
    {
        return 1L << ordinal();
    }

    /** @return the dotted path. */
    public String path()
    {
        return path;
    }

    /**
     * @param path a dotted path as written.
     * @return the field, or null.
     */
    public static EventField byPath(final String path)
    {
        final String wanted = path.trim().toLowerCase(Locale.ROOT);
        for (final EventField field : values())
        {
            if (field.path.equals(wanted))
            {
                return field;
            }
        }
        return null;
    }

    /** @return this field and everything under it. */
    public long subtree()
    {
        long bits = 0;
        for (final EventField field : values())
        {
            for (EventField f = field; f != null; f = f.parent)
            {
                if (f == this)
                {
                    bits |= field.bit();
                }
            }
        }
        return bits;
    }

    /** @return this field and the messages it sits in. */
    public long withParents()
    {
        long bits = 0;
        for (EventField f = this; f != null; f = f.parent)
        {
            bits |= f.bit();
        }
        return bits;
    }

    /**
     * @param keep a set of kept fields.
     * @return true when this field is kept.
     */
    public boolean in(final long keep)
    {
        return (keep & bit()) != 0;
    }
}
