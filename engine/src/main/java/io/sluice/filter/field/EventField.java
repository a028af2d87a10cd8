package io.sluice.filter.field;

import java.util.Locale;

/**
 * The fields of {@code v1beta1.Event} a field filter can name, as a tree (proto field names, dotted paths): every
 * field of the message and of the messages under it, down to the leaves. Naming a field names everything under it.
 * A repeated field ({@code data}, {@code policies.matched}, {@code workload.process.ancestors},
 * {@code workload.process.thread.user_stack_trace.addresses}, {@code threat.properties}, {@code detected_from.data}) is
 * named whole, as protobuf's {@code FieldMaskUtil} says.
 * {@code detected_from} is an {@code Event} too: its other fields are valid paths that name nothing the record
 * carries ({@link #insideDetectedFrom(String)}). One bit of a {@code long} per field.
 */
public enum EventField
{
    /** {@code timestamp}. */
    TIMESTAMP("timestamp", null, Kind.MESSAGE),
    /** {@code timestamp.seconds}. */
    TIMESTAMP_SECONDS("seconds", TIMESTAMP, Kind.SCALAR),
    /** {@code timestamp.nanos}. */
    TIMESTAMP_NANOS("nanos", TIMESTAMP, Kind.SCALAR),
    /** {@code id}. */
    ID("id", null, Kind.SCALAR),
    /** {@code name}. */
    NAME("name", null, Kind.SCALAR),
    /** {@code policies}. */
    POLICIES("policies", null, Kind.MESSAGE),
    /** {@code policies.matched}. */
    POLICIES_MATCHED("matched", POLICIES, Kind.REPEATED),
    /** {@code workload}. */
    WORKLOAD("workload", null, Kind.MESSAGE),
    /** {@code workload.process}. */
    PROCESS("process", WORKLOAD, Kind.MESSAGE),
    /** {@code workload.process.thread}. */
    THREAD("thread", PROCESS, Kind.MESSAGE),
    /** {@code workload.process.thread.name}. */
    THREAD_NAME("name", THREAD, Kind.SCALAR),
    /** {@code workload.process.thread.start_time}. */
    THREAD_START_TIME("start_time", THREAD, Kind.MESSAGE),
    /** {@code workload.process.thread.start_time.seconds}. */
    THREAD_START_TIME_SECONDS("seconds", THREAD_START_TIME, Kind.SCALAR),
    /** {@code workload.process.thread.start_time.nanos}. */
    THREAD_START_TIME_NANOS("nanos", THREAD_START_TIME, Kind.SCALAR),
    /** {@code workload.process.thread.unique_id}. */
    THREAD_UNIQUE_ID("unique_id", THREAD, Kind.SCALAR),
    /** {@code workload.process.thread.host_tid}. */
    THREAD_HOST_TID("host_tid", THREAD, Kind.SCALAR),
    /** {@code workload.process.thread.tid}. */
    THREAD_TID("tid", THREAD, Kind.SCALAR),
    /** {@code workload.process.thread.syscall}. */
    THREAD_SYSCALL("syscall", THREAD, Kind.SCALAR),
    /** {@code workload.process.thread.compat}. */
    THREAD_COMPAT("compat", THREAD, Kind.SCALAR),
    /** {@code workload.process.thread.user_stack_trace}. */
    THREAD_USER_STACK_TRACE("user_stack_trace", THREAD, Kind.MESSAGE),
    /** {@code workload.process.thread.user_stack_trace.addresses}. */
    THREAD_USER_STACK_ADDRESSES("addresses", THREAD_USER_STACK_TRACE, Kind.REPEATED),
    /** {@code workload.process.pid}. */
    PID("pid", PROCESS, Kind.MESSAGE),
    /** {@code workload.process.pid.value}. */
    PID_VALUE("value", PID, Kind.SCALAR),
    /** {@code workload.process.real_user}. */
    REAL_USER("real_user", PROCESS, Kind.MESSAGE),
    /** {@code workload.process.real_user.id}. */
    REAL_USER_ID("id", REAL_USER, Kind.MESSAGE),
    /** {@code workload.process.real_user.id.value}. */
    REAL_USER_ID_VALUE("value", REAL_USER_ID, Kind.SCALAR),
    /** {@code workload.process.executable}. */
    EXECUTABLE("executable", PROCESS, Kind.MESSAGE),
    /** {@code workload.process.executable.path}. */
    EXECUTABLE_PATH("path", EXECUTABLE, Kind.SCALAR),
    /** {@code workload.process.ancestors}. */
    ANCESTORS("ancestors", PROCESS, Kind.REPEATED),
    /** {@code workload.process.unique_id}. */
    PROCESS_UNIQUE_ID("unique_id", PROCESS, Kind.SCALAR),
    /** {@code workload.process.host_pid}. */
    HOST_PID("host_pid", PROCESS, Kind.MESSAGE),
    /** {@code workload.process.host_pid.value}. */
    HOST_PID_VALUE("value", HOST_PID, Kind.SCALAR),
    /** {@code workload.process.user}. */
    USER("user", PROCESS, Kind.MESSAGE),
    /** {@code workload.process.user.id}. */
    USER_ID("id", USER, Kind.MESSAGE),
    /** {@code workload.process.user.id.value}. */
    USER_ID_VALUE("value", USER_ID, Kind.SCALAR),
    /** {@code workload.container}. */
    CONTAINER("container", WORKLOAD, Kind.MESSAGE),
    /** {@code workload.container.id}. */
    CONTAINER_ID("id", CONTAINER, Kind.SCALAR),
    /** {@code workload.container.name}. */
    CONTAINER_NAME("name", CONTAINER, Kind.SCALAR),
    /** {@code workload.container.image}. */
    CONTAINER_IMAGE("image", CONTAINER, Kind.MESSAGE),
    /** {@code workload.container.image.id}. */
    CONTAINER_IMAGE_ID("id", CONTAINER_IMAGE, Kind.SCALAR),
    /** {@code workload.container.image.name}. */
    CONTAINER_IMAGE_NAME("name", CONTAINER_IMAGE, Kind.SCALAR),
    /** {@code workload.container.is_running}. */
    CONTAINER_IS_RUNNING("is_running", CONTAINER, Kind.SCALAR),
    /** {@code workload.pod}. */
    POD("pod", WORKLOAD, Kind.MESSAGE),
    /** {@code workload.pod.name}. */
    POD_NAME("name", POD, Kind.SCALAR),
    /** {@code workload.pod.uid}. */
    POD_UID("uid", POD, Kind.SCALAR),
    /** {@code workload.pod.namespace}. */
    POD_NAMESPACE("namespace", POD, Kind.SCALAR),
    /** {@code data}. */
    DATA("data", null, Kind.REPEATED),
    /** {@code threat}. */
    THREAT("threat", null, Kind.MESSAGE),
    /** {@code threat.name}. */
    THREAT_NAME("name", THREAT, Kind.SCALAR),
    /** {@code threat.description}. */
    THREAT_DESCRIPTION("description", THREAT, Kind.SCALAR),
    /** {@code threat.mitre}. */
    MITRE("mitre", THREAT, Kind.MESSAGE),
    /** {@code threat.mitre.tactic}. */
    TACTIC("tactic", MITRE, Kind.MESSAGE),
    /** {@code threat.mitre.tactic.name}. */
    TACTIC_NAME("name", TACTIC, Kind.SCALAR),
    /** {@code threat.mitre.technique}. */
    TECHNIQUE("technique", MITRE, Kind.MESSAGE),
    /** {@code threat.mitre.technique.id}. */
    TECHNIQUE_ID("id", TECHNIQUE, Kind.SCALAR),
    /** {@code threat.mitre.technique.external_id}. */
    TECHNIQUE_EXTERNAL_ID("external_id", TECHNIQUE, Kind.SCALAR),
    /** {@code threat.mitre.technique.name}. */
    TECHNIQUE_NAME("name", TECHNIQUE, Kind.SCALAR),
    /** {@code threat.severity}. */
    THREAT_SEVERITY("severity", THREAT, Kind.SCALAR),
    /** {@code threat.properties} (a map: repeated). */
    THREAT_PROPERTIES("properties", THREAT, Kind.REPEATED),
    /** {@code detected_from}. */
    DETECTED_FROM("detected_from", null, Kind.MESSAGE),
    /** {@code detected_from.id}. */
    DETECTED_FROM_ID("id", DETECTED_FROM, Kind.SCALAR),
    /** {@code detected_from.name}. */
    DETECTED_FROM_NAME("name", DETECTED_FROM, Kind.SCALAR),
    /** {@code detected_from.data}. */
    DETECTED_FROM_DATA("data", DETECTED_FROM, Kind.REPEATED);

    /** Every field. */
    public static final long ALL = values().length == Long.SIZE ? -1L : (1L << values().length) - 1;

    private static final String DETECTED_FROM_PREFIX = "detected_from.";

    static
    {
        if (values().length > Long.SIZE)
        {
            throw new IllegalStateException("EventField: more fields than bits in a long");
        }
    }

    /** What a field holds, for what a path may name under it. */
    enum Kind
    {
        /** A singular message: paths go on into its fields. */
        MESSAGE,
        /** A scalar or string: nothing under it. */
        SCALAR,
        /** A repeated field (or map): named whole only. */
        REPEATED
    }

    private final String path;
    private final EventField parent;
    private final long parentBit;
    private final Kind kind;

    EventField(final String name, final EventField parent, final Kind kind)
    {
        this.path = parent == null ? name : parent.path + "." + name;
        this.parent = parent;
        this.parentBit = parent == null ? 0 : parent.bit();
        this.kind = kind;
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
     * @param path a dotted path as written (trimmed, any case).
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

    /**
     * {@code detected_from} is a whole {@code Event}, but the record carries only its id, name and data: its other
     * fields ({@code detected_from.workload.process.pid}, {@code detected_from.detected_from.id} ...) are valid paths
     * that are never set.
     *
     * @param path a dotted path as written (trimmed, any case).
     * @return true when the path is a valid field of {@code detected_from} the record never carries.
     */
    public static boolean insideDetectedFrom(final String path)
    {
        final String wanted = path.trim().toLowerCase(Locale.ROOT);
        return byPath(wanted) == null && kindOf(wanted) != null;
    }

    /**
     * @return what the field at a valid path holds (inside {@code detected_from}: what that field of an
     *         {@code Event} holds), or null when the path is not valid.
     */
    private static Kind kindOf(final String path)
    {
        final EventField field = byPath(path);
        if (field != null)
        {
            return field.kind;
        }
        return path.startsWith(DETECTED_FROM_PREFIX) ? kindOf(path.substring(DETECTED_FROM_PREFIX.length())) : null;
    }

    /**
     * @param path a dotted path that is not a field.
     * @return why: the path goes on under a repeated field or a scalar, or names no field.
     */
    public static String whyNot(final String path)
    {
        final String wanted = path.trim().toLowerCase(Locale.ROOT);
        for (int dot = wanted.lastIndexOf('.'); dot > 0; dot = wanted.lastIndexOf('.', dot - 1))
        {
            final String prefix = wanted.substring(0, dot);
            final Kind kind = kindOf(prefix);
            if (kind == Kind.REPEATED)
            {
                return "unknown field of v1beta1.Event: " + prefix + " is repeated, it can only be named whole";
            }
            if (kind == Kind.SCALAR)
            {
                return "unknown field of v1beta1.Event: " + prefix + " has no fields";
            }
            if (kind == Kind.MESSAGE)
            {
                break;
            }
        }
        return "unknown field of v1beta1.Event (for instance workload.process.executable.path, data, threat.mitre)";
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

    /**
     * A dropped field is cleared from the record, not only hidden: what a field filter drops is written nowhere (a
     * journal stores the record), and the streams' own filters after a global field filter see only what it kept.
     *
     * @param keep a set of kept fields (with the messages they sit in).
     * @return true when this field is dropped.
     */
    public boolean clears(final long keep)
    {
        return (keep & bit()) == 0;
    }
}
