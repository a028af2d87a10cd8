package io.sluice.codec.sbe;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * The one writer of SBE {@code Event} records (message header, then the message), so that a schema change is one
 * edit here rather than one in every producer. Reusable and allocation-free: wrap, write, {@link #finish()}.
 * <pre>
 *   [header 8][block][ancestors][data][detectedFromData][threatProperties][name] .. [detectedFromName][userStack]
 *   block:    fixed offsets, zeroed at wrap
 *   group:    [blockLength u16][numInGroup u16], then each entry: its block, then its variable data
 *   var data: [length u32][bytes]
 * </pre>
 * Ordering rules:
 * <ul>
 *   <li>block fields ({@link #block()}) may be written at any time between {@link #wrap} and {@link #finish()}; the
 *       block is zeroed at wrap, so a field not written is 0 (the "none" of every block field);</li>
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
    private final EventBlockWriter block = new EventBlockWriter(event);
    private final UnsafeBuffer first = new UnsafeBuffer(NONE);
    private final UnsafeBuffer second = new UnsafeBuffer(NONE);
    private EventEncoder.AncestorsEncoder ancestors;
    private EventEncoder.DataEncoder data;
    private EventEncoder.DetectedFromDataEncoder detectedFromData;
    private EventEncoder.ThreatPropertiesEncoder threatProperties;
    private MutableDirectBuffer buffer;
    private int stage;
    private int remaining;
    private int entryStart;
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

    /** @return the block's fields, to write at any time before {@link #finish()} (all 0 after {@link #wrap}). */
    public EventBlockWriter block()
    {
        return block;
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

    /** @return this; opens {@code data} with {@code count} entries to follow ({@link #dataEntry}). */
    public EventRecordWriter data(final int count)
    {
        advanceTo(DATA);
        data = event.dataCount(count);
        remaining = count;
        return this;
    }

    /** @return this; opens {@code detectedFromData} with {@code count} entries to follow ({@link #dataEntry}). */
    public EventRecordWriter detectedFromData(final int count)
    {
        advanceTo(DETECTED_FROM_DATA);
        detectedFromData = event.detectedFromDataCount(count);
        remaining = count;
        return this;
    }

    /**
     * The next entry of the data group open ({@code data} or {@code detectedFromData}: the same layout).
     *
     * @param valueType a {@link ValueType} value; one this build does not know is written as is.
     * @return this.
     */
    public EventRecordWriter dataEntry(
        final int valueType, final long intValue,
        final DirectBuffer name, final int nameOffset, final int nameLength,
        final DirectBuffer value, final int valueOffset, final int valueLength)
    {
        if (stage == DETECTED_FROM_DATA)
        {
            entry(DETECTED_FROM_DATA);
            detectedFromData.next().intValue(intValue).putName(name, nameOffset, nameLength).putValue(value, valueOffset, valueLength);
        }
        else
        {
            entry(DATA);
            data.next().intValue(intValue).putName(name, nameOffset, nameLength).putValue(value, valueOffset, valueLength);
        }
        // both groups' entries: [valueType u8][intValue i64] name value
        buffer.putByte(entryStart + EventEncoder.DataEncoder.valueTypeEncodingOffset(), (byte)valueType);
        return this;
    }

    /** @return this; the next entry of the data group open, name and value whole arrays. */
    public EventRecordWriter dataEntry(final int valueType, final long intValue, final byte[] name, final byte[] value)
    {
        first.wrap(name);
        second.wrap(value);
        return dataEntry(valueType, intValue, first, 0, name.length, second, 0, value.length);
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
        if (nextVarData < field)
        {
            putEmpty(field - nextVarData);
            nextVarData = field;
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
            advanceTo(VAR_DATA);
            putEmpty(EventVarData.COUNT - nextVarData);
            nextVarData = EventVarData.COUNT;
        }
        return MessageHeaderEncoder.ENCODED_LENGTH + event.encodedLength();
    }

    private void put(final DirectBuffer src, final int offset, final int length)
    {
        final int limit = event.limit();
        event.limit(limit + VAR_LENGTH_SIZE + length);
        buffer.putInt(limit, length, ByteOrder.LITTLE_ENDIAN);
        buffer.putBytes(limit + VAR_LENGTH_SIZE, src, offset, length);
    }

    /** {@code count} empty variable-length fields: their lengths, all 0, written eight bytes at a time. */
    private void putEmpty(final int count)
    {
        final int start = event.limit();
        final int end = start + count * VAR_LENGTH_SIZE;
        event.limit(end);
        int at = start;
        for (; at + Long.BYTES <= end; at += Long.BYTES)
        {
            buffer.putLong(at, 0L);
        }
        if (at < end)
        {
            buffer.putInt(at, 0);
        }
    }

    private void entry(final int group)
    {
        if (stage != group || remaining == 0)
        {
            throw new IllegalStateException("no entry of group " + group + " is open");
        }
        remaining--;
        entryStart = event.limit();
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
