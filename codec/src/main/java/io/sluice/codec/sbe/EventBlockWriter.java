package io.sluice.codec.sbe;

import java.nio.ByteOrder;

/**
 * The fixed block of the {@code Event} an {@link EventRecordWriter} is writing, one method per group of fields as
 * {@code v1beta1.Event} groups them. Block fields sit at fixed offsets, so they may be written in any order and at any
 * time before the record is finished; the writer zeroes the block first, and 0 is every field's "none".
 */
public final class EventBlockWriter
{
    private final EventEncoder event;

    EventBlockWriter(final EventEncoder event)
    {
        this.event = event;
    }

    /** @return this; the event's time, seconds and nanoseconds since the epoch. */
    public EventBlockWriter timestamp(final long seconds, final int nanos)
    {
        event.timestampSeconds(seconds).timestampNanos(nanos);
        return this;
    }

    /** @return this; the event's id and the policies it matched (bit i = policy i). */
    public EventBlockWriter id(final int eventId, final long policiesMatched)
    {
        event.eventId(eventId).policiesMatched(policiesMatched);
        return this;
    }

    /** @return the presence bits, to set one by one (all clear after {@link #wrap}). */
    public PresenceEncoder presence()
    {
        return event.presence();
    }

    /** @return this; all presence bits at once, unknown bits included. */
    public EventBlockWriter presence(final int bits)
    {
        event.buffer().putInt(event.offset() + EventEncoder.presenceEncodingOffset(), bits, ByteOrder.LITTLE_ENDIAN);
        return this;
    }

    /** @return this; {@code workload.process}: pid in its namespace, host pid, unique id. */
    public EventBlockWriter process(final long pid, final long hostPid, final long uniqueId)
    {
        event.pid(pid).hostPid(hostPid).processUniqueId(uniqueId);
        return this;
    }

    /** @return this; {@code workload.process.thread}: tid in its namespace, host tid, unique id, compat (0 or 1). */
    public EventBlockWriter thread(final long tid, final long hostTid, final long uniqueId, final short compat)
    {
        event.tid(tid).hostTid(hostTid).threadUniqueId(uniqueId).compat(compat);
        return this;
    }

    /** @return this; {@code thread.start_time}. */
    public EventBlockWriter threadStart(final long seconds, final int nanos)
    {
        event.threadStartSeconds(seconds).threadStartNanos(nanos);
        return this;
    }

    /** @return this; {@code process.real_user.id} and {@code process.user.id}. */
    public EventBlockWriter users(final long realUserId, final long userId)
    {
        event.realUserId(realUserId).userId(userId);
        return this;
    }

    /** @return this; {@code container.is_running} (0 or 1). */
    public EventBlockWriter containerIsRunning(final short running)
    {
        event.containerIsRunning(running);
        return this;
    }

    /** @return this; {@code threat.severity} and {@code detected_from.id}. */
    public EventBlockWriter detection(final int threatSeverity, final int detectedFromId)
    {
        event.threatSeverity(threatSeverity).detectedFromId(detectedFromId);
        return this;
    }

    /** @return this; the kernel context filters read and no output prints: gid, cgroup, mount and pid namespaces. */
    public EventBlockWriter kernelContext(final long gid, final long cgroupId, final long mntNsId, final long pidNsId)
    {
        event.gid(gid).cgroupId(cgroupId).mntNsId(mntNsId).pidNsId(pidNsId);
        return this;
    }

    /**
     * The process context (filters only; whether it was read is the presence bit {@code processContext}).
     *
     * @param utsName {@link FilterOnlyFields#UTS_NAME_LENGTH} bytes, NUL-padded.
     * @return this.
     */
    public EventBlockWriter processContext(
        final long capEffective, final long capPermitted, final long capInheritable, final byte[] utsName)
    {
        event.capEffective(capEffective).capPermitted(capPermitted).capInheritable(capInheritable).putUtsName(utsName, 0);
        return this;
    }

    /** @return this; 1 when the container was first seen after Sluice started (filters only). */
    public EventBlockWriter containerNew(final short isNew)
    {
        event.containerNew(isNew);
        return this;
    }

    /** @return this; the lineage marks computed at ingest (filters only). */
    public EventBlockWriter lineageMarks(final long marks)
    {
        event.lineageMarks(marks);
        return this;
    }

    /** @return this; the filter-only fields copied from another record ({@link FilterOnlyFields#copy}). */
    public EventBlockWriter filterOnlyFields(final EventDecoder from)
    {
        FilterOnlyFields.copy(from, event);
        return this;
    }
}
