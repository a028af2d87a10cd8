package io.sluice.codec.sbe;

import io.sluice.codec.sbe.EventDecoder.DataDecoder;
import io.sluice.codec.sbe.EventDecoder.DetectedFromDataDecoder;

/**
 * Walks one of an event record's {@code EventValue} groups ({@code data} or {@code detected_from.data}, which SBE
 * declares as two groups of the same layout) and exposes each entry as primitives: value type, integer value, and
 * where the name and value bytes are. Obtained from {@link EventRecordView#data()} or
 * {@link EventRecordView#detectedFromData()}; a flyweight, valid until the view moves.
 */
public final class EventValueCursor
{
    private EventDecoder event;
    private DataDecoder data;
    private DetectedFromDataDecoder detectedFromData;
    private int count;
    private short typeRaw;
    private long intValue;
    private int nameOffset;
    private int nameLength;
    private int valueOffset;
    private int valueLength;

    EventValueCursor wrapData(final EventDecoder event)
    {
        this.event = event;
        this.detectedFromData = null;
        this.data = event.data();
        this.count = data.count();
        return this;
    }

    EventValueCursor wrapDetectedFromData(final EventDecoder event)
    {
        this.event = event;
        this.data = null;
        this.detectedFromData = event.detectedFromData();
        this.count = detectedFromData.count();
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
     * Move to the next entry.
     *
     * @return false when there is none.
     */
    public boolean next()
    {
        if (data != null)
        {
            if (!data.hasNext())
            {
                return false;
            }
            data.next();
            typeRaw = data.valueTypeRaw();
            intValue = data.intValue();
            nameOffset = event.limit() + DataDecoder.nameHeaderLength();
            nameLength = data.skipName();
            valueOffset = event.limit() + DataDecoder.valueHeaderLength();
            valueLength = data.skipValue();
            return true;
        }
        if (!detectedFromData.hasNext())
        {
            return false;
        }
        detectedFromData.next();
        typeRaw = detectedFromData.valueTypeRaw();
        intValue = detectedFromData.intValue();
        nameOffset = event.limit() + DetectedFromDataDecoder.nameHeaderLength();
        nameLength = detectedFromData.skipName();
        valueOffset = event.limit() + DetectedFromDataDecoder.valueHeaderLength();
        valueLength = detectedFromData.skipValue();
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
