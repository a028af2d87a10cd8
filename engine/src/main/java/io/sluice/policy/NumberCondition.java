package io.sluice.policy;

/**
 * A numeric filter on a process field or the return value: {@code pid=1,2}, {@code uid>=1000}, {@code retval<0},
 * {@code mntns=4026531840}.
 */
public final class NumberCondition implements Condition
{
    /** The numeric fields a filter can name. */
    public enum Field
    {
        /** Host pid of the thread group ({@code pid}). */
        PID,
        /** Real user id ({@code uid}). */
        UID,
        /** Mount namespace id ({@code mntns}). */
        MNTNS,
        /** Pid namespace id ({@code pidns}). */
        PIDNS,
        /** A syscall's return value ({@code retval}); events without one never pass. */
        RETVAL,
        /** Pid in the process's own namespace (Tracee's rule filter {@code pid}, {@code p}, {@code processId}). */
        NS_PID,
        /** Tid in the thread's own namespace ({@code tid}, {@code threadId}). */
        NS_TID,
        /** Host tid ({@code hostTid}, {@code hostThreadId}). */
        HOST_TID,
        /** The parent's pid in its own namespace ({@code ppid}, {@code parentProcessId}); 0 when unknown. */
        PPID,
        /** The parent's host pid ({@code hostParentProcessId}); 0 when unknown. */
        HOST_PPID,
        /** The cgroup id ({@code cgroupId}), compared unsigned. */
        CGROUP_ID,
        /** The event's time in nanoseconds since the epoch ({@code timestamp}). */
        TIMESTAMP
    }

    private final Field field;
    private final Operator operator;
    private final long[] values;

    /**
     * @param field    the field.
     * @param operator the operator.
     * @param values   the values (one for ordering operators).
     */
    public NumberCondition(final Field field, final Operator operator, final long[] values)
    {
        this.field = field;
        this.operator = operator;
        this.values = values.clone();
    }

    @Override
    public boolean test(final EventView event)
    {
        final long actual;
        switch (field)
        {
            case PID:
                actual = event.hostPid();
                break;
            case UID:
                actual = event.uid() & 0xFFFF_FFFFL;
                break;
            case MNTNS:
                actual = event.mntNs() & 0xFFFF_FFFFL;
                break;
            case PIDNS:
                actual = event.pidNs() & 0xFFFF_FFFFL;
                break;
            case NS_PID:
                actual = event.pid() & 0xFFFF_FFFFL;
                break;
            case NS_TID:
                actual = event.nsTid() & 0xFFFF_FFFFL;
                break;
            case HOST_TID:
                actual = event.hostTid() & 0xFFFF_FFFFL;
                break;
            case PPID:
                actual = event.ancestorCount() == 0 ? 0 : event.ancestorNsPid(0) & 0xFFFF_FFFFL;
                break;
            case HOST_PPID:
                actual = event.ancestorCount() == 0 ? 0 : event.ancestorPid(0) & 0xFFFF_FFFFL;
                break;
            case CGROUP_ID:
                return operator.testUnsigned(event.cgroupId(), values);
            case TIMESTAMP:
                actual = event.timestampNanos();
                break;
            default:
                if (!event.hasRetval())
                {
                    return false;
                }
                actual = event.retval();
                break;
        }
        return operator.test(actual, values);
    }

    /** @return the field. */
    public Field field()
    {
        return field;
    }

    /** @return the operator. */
    public Operator operator()
    {
        return operator;
    }

    /** @return a copy of the values. */
    public long[] values()
    {
        return values.clone();
    }
}
