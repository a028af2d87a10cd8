package io.sluice.codec.sbe;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * The one writer of SBE {@code Event} records (message header, then the message), so that a schema change is one
 * edit here rather than one in every producer. Reusable and allocation-free: wrap, write, {@link #finish()}.
 * <pre>
 *   +----------------+------------------------------------+-----------+------+------------------+------------------+------------------------+
 *   | message header | block (fixed offsets, any order)   | ancestors | data | detectedFromData | threatProperties | var data: name .. detectedFromName |
 *   +----------------+------------------------------------+-----------+------+------------------+------------------+------------------------+
 *                      zeroed at wrap                       group: [blockLength u16][numInGroup u16] entries: block, then var data
 *                                                           var data: [length u32][bytes]
 * </pre>
 * Ordering rules:
 * <ul>
 *   <li>block fields may be written at any time between {@link #wrap} and {@link #finish()}; the block is zeroed at
 *       wrap, so a field not written is 0 (the "none" of every block field);</li>
 *   <li>the groups come in schema order: ancestors, data, detectedFromData, threatProperties. Opening a group closes
 *       those before it, writing any not opened as empty; a group's entries must all be written before the next part;</li>
 *   <li>variable data comes after the groups, in schema order ({@link EventVarData}); writing
 *       one closes the groups and writes every earlier field not written as empty. Going back is an error;</li>
 *   <li>{@link #finish()} writes whatever is left as empty and answers the record's length.</li>
 * </ul>
 * Out-of-order use throws {@link IllegalStateException}. Not thread-safe: one writer per thread.
 */
public final class EventRecordWriter
{
    private static final int BLOCK = 0;
    private static final int ANCESTORS = 1;
    private static final int DATA = 2;
    private static final int DETECTED_FROM_DATA = 3;
    private static final int THREAT_PROPERTIES = 4;
    private static final int VAR_DATA = 5;
    private static final int VAR_LENGTH_SIZE = 4;
    private static final int MAX_VAR_LENGTH = 1 << 30;
    private static final byte[] NONE = new byte[0];

    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final EventEncoder event = new EventEncoder();
    private final UnsafeBuffer first = new UnsafeBuffer(NONE);
    private final UnsafeBuffer second = new UnsafeBuffer(NONE);
    private EventEncoder.AncestorsEncoder ancestors;
    private EventEncoder.DataEncoder data;
    private EventEncoder.DetectedFromDataEncoder detectedFromData;
    private EventEncoder.ThreatPropertiesEncoder threatProperties;
    private MutableDirectBuffer buffer;
    private int stage;
    private int remaining;
    private int nextVarData;

    /**
     * Start a record: writes the message header and zeroes the block.
     *
     * @param buffer where the record goes (grown as needed when it is expandable).
     * @param offset where it starts (its message header).
     * @return this.
     */
    public EventRecordWriter wrap(final MutableDirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        event.wrapAndApplyHeader(buffer, offset, header);
        buffer.setMemory(event.offset(), EventEncoder.BLOCK_LENGTH, (byte)0);
        stage = BLOCK;
        remaining = 0;
        nextVarData = 0;
        return this;
    }

    // ---------------------------------------------------------------- block: any time, any order

    /** @return this; the event's time, seconds and nanoseconds since the epoch. */
    public EventRecordWriter timestamp(final long seconds, final int nanos)
    {
        event.timestampSeconds(seconds).timestampNanos(nanos);
        return this;
    }

    /** @return this; the event's id and the policies it matched (bit i = policy i). */
    public EventRecordWriter id(final int eventId, final long policiesMatched)
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
    public EventRecordWriter presence(final int bits)
    {
        buffer.putInt(event.offset() + EventEncoder.presenceEncodingOffset(), bits, ByteOrder.LITTLE_ENDIAN);
        return this;
    }

    /** @return this; {@code workload.process}: pid in its namespace, host pid, unique id. */
    public EventRecordWriter process(final long pid, final long hostPid, final long uniqueId)
    {
        event.pid(pid).hostPid(hostPid).processUniqueId(uniqueId);
        return this;
    }

    /** @return this; {@code workload.process.thread}: tid in its namespace, host tid, unique id, compat (0 or 1). */
    public EventRecordWriter thread(final long tid, final long hostTid, final long uniqueId, final short compat)
    {
        event.tid(tid).hostTid(hostTid).threadUniqueId(uniqueId).compat(compat);
        return this;
    }

    /** @return this; {@code thread.start_time}. */
    public EventRecordWriter threadStart(final long seconds, final int nanos)
    {
        event.threadStartSeconds(seconds).threadStartNanos(nanos);
        return this;
    }

    /** @return this; {@code process.real_user.id} and {@code process.user.id}. */
    public EventRecordWriter users(final long realUserId, final long userId)
    {
        event.realUserId(realUserId).userId(userId);
        return this;
    }

    /** @return this; {@code container.is_running} (0 or 1). */
    public EventRecordWriter containerIsRunning(final short running)
    {
        event.containerIsRunning(running);
        return this;
    }

    /** @return this; {@code threat.severity} and {@code detected_from.id}. */
    public EventRecordWriter detection(final int threatSeverity, final int detectedFromId)
    {
        event.threatSeverity(threatSeverity).detectedFromId(detectedFromId);
        return this;
    }

    /** @return this; the kernel context filters read and no output prints: gid, cgroup, mount and pid namespaces. */
    public EventRecordWriter kernelContext(final long gid, final long cgroupId, final long mntNsId, final long pidNsId)
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
    public EventRecordWriter processContext(
        final long capEffective, final long capPermitted, final long capInheritable, final byte[] utsName)
    {
        event.capEffective(capEffective).capPermitted(capPermitted).capInheritable(capInheritable).putUtsName(utsName, 0);
        return this;
    }

    /** @return this; 1 when the container was first seen after Sluice started (filters only). */
    public EventRecordWriter containerNew(final short isNew)
    {
        event.containerNew(isNew);
        return this;
    }

    /** @return this; the lineage marks computed at ingest (filters only). */
    public EventRecordWriter lineageMarks(final long marks)
    {
        event.lineageMarks(marks);
        return this;
    }

    /** @return this; the filter-only fields copied from another record ({@link FilterOnlyFields#copy}). */
    public EventRecordWriter filterOnlyFields(final EventDecoder from)
    {
        FilterOnlyFields.copy(from, event);
        return this;
    }

    // ---------------------------------------------------------------- groups: in schema order

    /** @return this; opens {@code ancestors} with {@code count} entries to follow. */
    public EventRecordWriter ancestors(final int count)
    {
        advanceTo(ANCESTORS);
        ancestors = event.ancestorsCount(count);
        remaining = count;
        return this;
    }

    /** @return this; the next ancestor, its executable path from {@code path}. */
    public EventRecordWriter ancestor(
        final long uniqueId, final long hostPid, final long pid, final DirectBuffer path, final int offset, final int length)
    {
        entry(ANCESTORS);
        ancestors.next().uniqueId(uniqueId).hostPid(hostPid).pid(pid).putExecutablePath(path, offset, length);
        return this;
    }

    /** @return this; the next ancestor, its executable path from {@code path}. */
    public EventRecordWriter ancestor(
        final long uniqueId, final long hostPid, final long pid, final byte[] path, final int offset, final int length)
    {
        first.wrap(path);
        return ancestor(uniqueId, hostPid, pid, first, offset, length);
    }

    /**
     * Copy another record's ancestors: all of them, or none when {@code keep} is false (reading past them either way).
     *
     * @param from a record being decoded, its ancestors next.
     * @return this.
     */
    public EventRecordWriter ancestorsFrom(final EventDecoder from, final boolean keep)
    {
        final EventDecoder.AncestorsDecoder in = from.ancestors();
        ancestors(keep ? in.count() : 0);
        while (in.hasNext())
        {
            in.next();
            if (keep)
            {
                in.wrapExecutablePath(first);
                ancestor(in.uniqueId(), in.hostPid(), in.pid(), first, 0, first.capacity());
            }
            else
            {
                in.sbeSkip();
            }
        }
        return this;
    }

    /** @return this; opens {@code data} with {@code count} entries to follow. */
    public EventRecordWriter data(final int count)
    {
        advanceTo(DATA);
        data = event.dataCount(count);
        remaining = count;
        return this;
    }

    /**
     * The next {@code data} entry.
     *
     * @param valueType a {@link ValueType} value; one this build does not know is written as is.
     * @return this.
     */
    public EventRecordWriter dataEntry(
        final int valueType, final long intValue,
        final DirectBuffer name, final int nameOffset, final int nameLength,
        final DirectBuffer value, final int valueOffset, final int valueLength)
    {
        entry(DATA);
        data.next().intValue(intValue);
        valueType(EventEncoder.DataEncoder.sbeBlockLength(), EventEncoder.DataEncoder.valueTypeEncodingOffset(), valueType);
        data.putName(name, nameOffset, nameLength).putValue(value, valueOffset, valueLength);
        return this;
    }

    /** @return this; the next {@code data} entry, name and value whole arrays. */
    public EventRecordWriter dataEntry(final int valueType, final long intValue, final byte[] name, final byte[] value)
    {
        first.wrap(name);
        second.wrap(value);
        return dataEntry(valueType, intValue, first, 0, name.length, second, 0, value.length);
    }

    /** @return this; opens {@code detectedFromData} with {@code count} entries to follow. */
    public EventRecordWriter detectedFromData(final int count)
    {
        advanceTo(DETECTED_FROM_DATA);
        detectedFromData = event.detectedFromDataCount(count);
        remaining = count;
        return this;
    }

    /** @return this; the next {@code detectedFromData} entry, as {@link #dataEntry} writes one. */
    public EventRecordWriter detectedFromDataEntry(
        final int valueType, final long intValue,
        final DirectBuffer name, final int nameOffset, final int nameLength,
        final DirectBuffer value, final int valueOffset, final int valueLength)
    {
        entry(DETECTED_FROM_DATA);
        detectedFromData.next().intValue(intValue);
        valueType(EventEncoder.DetectedFromDataEncoder.sbeBlockLength(),
            EventEncoder.DetectedFromDataEncoder.valueTypeEncodingOffset(), valueType);
        detectedFromData.putName(name, nameOffset, nameLength).putValue(value, valueOffset, valueLength);
        return this;
    }

    /** @return this; the next {@code detectedFromData} entry, name and value whole arrays. */
    public EventRecordWriter detectedFromDataEntry(final int valueType, final long intValue, final byte[] name, final byte[] value)
    {
        first.wrap(name);
        second.wrap(value);
        return detectedFromDataEntry(valueType, intValue, first, 0, name.length, second, 0, value.length);
    }

    /** @return this; opens {@code threatProperties} with {@code count} entries to follow. */
    public EventRecordWriter threatProperties(final int count)
    {
        advanceTo(THREAT_PROPERTIES);
        threatProperties = event.threatPropertiesCount(count);
        remaining = count;
        return this;
    }

    /** @return this; the next threat property. */
    public EventRecordWriter threatProperty(
        final DirectBuffer key, final int keyOffset, final int keyLength,
        final DirectBuffer value, final int valueOffset, final int valueLength)
    {
        entry(THREAT_PROPERTIES);
        threatProperties.next().putKey(key, keyOffset, keyLength).putValue(value, valueOffset, valueLength);
        return this;
    }

    /** @return this; the next threat property, key and value whole arrays. */
    public EventRecordWriter threatProperty(final byte[] key, final byte[] value)
    {
        first.wrap(key);
        second.wrap(value);
        return threatProperty(first, 0, key.length, second, 0, value.length);
    }

    // ---------------------------------------------------------------- variable data: in schema order

    /**
     * One variable-length field; the earlier ones not written yet are written empty.
     *
     * @param field {@link EventVarData}, not before one already written.
     * @return this.
     */
    public EventRecordWriter varData(final int field, final DirectBuffer src, final int offset, final int length)
    {
        if (field < nextVarData || field >= EventVarData.COUNT)
        {
            throw new IllegalStateException("variable data field " + field + " after " + (nextVarData - 1));
        }
        if (length > MAX_VAR_LENGTH)
        {
            throw new IllegalStateException("length > maxValue for type: " + length);
        }
        advanceTo(VAR_DATA);
        while (nextVarData < field)
        {
            put(src, offset, 0);
            nextVarData++;
        }
        put(src, offset, length);
        nextVarData++;
        return this;
    }

    /**
     * Copy the next variable-length field of another record, or write it empty when {@code keep} is false (reading
     * past it either way).
     *
     * @param from  a record being decoded, its variable data before {@code field} read.
     * @return this.
     */
    public EventRecordWriter varDataFrom(final EventDecoder from, final int field, final boolean keep)
    {
        EventVarData.wrap(from, field, first);
        return varData(field, first, 0, keep ? first.capacity() : 0);
    }

    /** @return this; as {@link #varData(int, DirectBuffer, int, int)}, from an array. */
    public EventRecordWriter varData(final int field, final byte[] src, final int offset, final int length)
    {
        second.wrap(src);
        return varData(field, second, offset, length);
    }

    /**
     * Write what is left (groups and variable data not written) as empty.
     *
     * @return the record's length: message header plus {@code Event}.
     */
    public int finish()
    {
        if (nextVarData < EventVarData.COUNT)
        {
            varData(EventVarData.DETECTED_FROM_NAME, NONE, 0, 0);
        }
        return MessageHeaderEncoder.ENCODED_LENGTH + event.encodedLength();
    }

    private void valueType(final int entryBlockLength, final int typeOffset, final int valueType)
    {
        buffer.putByte(event.limit() - entryBlockLength + typeOffset, (byte)valueType);
    }

    private void put(final DirectBuffer src, final int offset, final int length)
    {
        final int limit = event.limit();
        event.limit(limit + VAR_LENGTH_SIZE + length);
        buffer.putInt(limit, length, ByteOrder.LITTLE_ENDIAN);
        buffer.putBytes(limit + VAR_LENGTH_SIZE, src, offset, length);
    }

    private void entry(final int group)
    {
        if (stage != group || remaining == 0)
        {
            throw new IllegalStateException("no entry of group " + group + " is open");
        }
        remaining--;
    }

    /** Move on to {@code target}, writing the groups between as empty. */
    private void advanceTo(final int target)
    {
        if (stage == VAR_DATA && target == VAR_DATA)
        {
            return;
        }
        if (stage >= target)
        {
            throw new IllegalStateException("part " + target + " after part " + stage);
        }
        if (remaining != 0)
        {
            throw new IllegalStateException("part " + stage + " lacks " + remaining + " entries");
        }
        for (int part = stage + 1; part < target; part++)
        {
            emptyGroup(part);
        }
        stage = target;
    }

    private void emptyGroup(final int group)
    {
        switch (group)
        {
            case ANCESTORS -> event.ancestorsCount(0);
            case DATA -> event.dataCount(0);
            case DETECTED_FROM_DATA -> event.detectedFromDataCount(0);
            default -> event.threatPropertiesCount(0);
        }
    }
}
