package io.sluice.codec.sbe;

import io.sluice.codec.sbe.EventDecoder.DataDecoder;
import io.sluice.codec.sbe.EventDecoder.DetectedFromDataDecoder;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Walks one of an event record's {@code EventValue} groups ({@code data} or {@code detected_from.data}, which SBE
 * declares as two groups of the same layout) and exposes each entry as primitives: value type, integer value, and
 * where the name and value bytes are. Obtained from {@link EventRecordView#data()} or
 * {@link EventRecordView#detectedFromData()}; a flyweight, valid until the view moves.
 */
public final class EventValueCursor
{
    private static final int TYPE_AT = DataDecoder.valueTypeEncodingOffset();
    private static final int INT_VALUE_AT = DataDecoder.intValueEncodingOffset();

    static
    {
        if (TYPE_AT != DetectedFromDataDecoder.valueTypeEncodingOffset() ||
            INT_VALUE_AT != DetectedFromDataDecoder.intValueEncodingOffset())
        {
            throw new IllegalStateException("data and detected_from.data no longer share their layout");
        }
    }

    private DirectBuffer buffer;
    private int blockLength;
    private int count;
    private int index;
    private int first;
    private ValueEntries entries;
    private short typeRaw;
    private long intValue;
    private int nameOffset;
    private int nameLength;
    private int valueOffset;
    private int valueLength;

    /**
     * @param buffer  the record's buffer.
     * @param entries where the view located the group's entries.
     * @param group   {@link ValueEntries#DATA} or {@link ValueEntries#DETECTED_FROM_DATA}.
     * @return this cursor, before the first entry.
     */
    EventValueCursor wrap(final DirectBuffer buffer, final ValueEntries entries, final int group)
    {
        // data and detected_from.data: entries of the same layout (ValueEntry), so the same field offsets
        final int header = entries.header(group);
        this.buffer = buffer;
        this.blockLength = header & 0xFFFF;
        this.count = header >>> 16;
        this.index = 0;
        this.first = entries.first(group);
        this.entries = entries;
        return this;
    }

    /**
     * @return how many entries the group holds.
     */
    public int count()
    {
        return count;
    }

    /**
     * Move to the next entry: its place and lengths are read from where the view noted them, not from the record's
     * length prefixes.
     *
     * @return false when there is none.
     */
    public boolean next()
    {
        if (index >= count)
        {
            return false;
        }
        final int entry = first + index++;
        final DirectBuffer buffer = this.buffer;
        final ValueEntries entries = this.entries;
        final int at = entries.blockAt(entry);
        typeRaw = (short)(buffer.getByte(at + TYPE_AT) & 0xFF);
        intValue = buffer.getLong(at + INT_VALUE_AT, ByteOrder.LITTLE_ENDIAN);
        nameLength = entries.nameLength(entry);
        nameOffset = at + blockLength + RecordWalk.LENGTH_HEADER;
        valueLength = entries.valueLength(entry);
        valueOffset = nameOffset + nameLength + RecordWalk.LENGTH_HEADER;
        return true;
    }

    /**
     * @return the entry's value type as stored (a type this schema does not know reads as {@link ValueType#NONE}
     *         through {@link #type()}).
     */
    public short typeRaw()
    {
        return typeRaw;
    }

    /**
     * @return the entry's value type.
     */
    public ValueType type()
    {
        return ValueTypes.of(typeRaw);
    }

    /**
     * @return the integer value (integers and bool).
     */
    public long intValue()
    {
        return intValue;
    }

    /**
     * @return where the entry's name starts in the record's buffer.
     */
    public int nameOffset()
    {
        return nameOffset;
    }

    /**
     * @return the entry's name length.
     */
    public int nameLength()
    {
        return nameLength;
    }

    /**
     * @return where the entry's value bytes start (strings, bytes, arrays, sockaddr).
     */
    public int valueOffset()
    {
        return valueOffset;
    }

    /**
     * @return the value bytes' length.
     */
    public int valueLength()
    {
        return valueLength;
    }
}
