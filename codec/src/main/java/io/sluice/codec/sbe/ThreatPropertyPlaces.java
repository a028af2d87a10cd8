package io.sluice.codec.sbe;

import io.sluice.codec.text.JavaUtf8;
import org.agrona.DirectBuffer;

/**
 * Where each of an event record's threat properties ({@code threat.properties}, a group of key and value strings)
 * is, noted while {@link EventRecordView#wrap} walks past them, for the renderers to read by index. Obtained from
 * {@link EventRecordView#properties()}: a flyweight of its view, valid until the view moves, allocation-free once its
 * arrays fit the largest record seen. Not thread-safe.
 */
public final class ThreatPropertyPlaces
{
    private DirectBuffer record;
    private int count;
    private int[] keyOffset = new int[16];
    private int[] keyLength = new int[16];
    private int[] valueLength = new int[16];

    /**
     * @param buffer         the record's buffer.
     * @param at             where the group starts.
     * @param minBlockLength the schema's block length of its entries ({@link RecordWalk#groupHeader}).
     * @return where the group ends.
     */
    int locate(final DirectBuffer buffer, final int at, final int minBlockLength)
    {
        final int header = RecordWalk.groupHeader(buffer, at, minBlockLength);
        final int blockLength = header & 0xFFFF;
        final int entries = header >>> 16;
        ensureCapacity(entries);
        int limit = at + RecordWalk.GROUP_HEADER;
        for (int i = 0; i < entries; i++)
        {
            limit += blockLength;
            final int key = RecordWalk.varLength(buffer, limit);
            keyOffset[i] = limit + RecordWalk.LENGTH_HEADER;
            keyLength[i] = key;
            limit += RecordWalk.LENGTH_HEADER + key;
            final int value = RecordWalk.varLength(buffer, limit);
            valueLength[i] = value;
            limit += RecordWalk.LENGTH_HEADER + value;
        }
        record = buffer;
        count = entries;
        return limit;
    }

    private void ensureCapacity(final int entries)
    {
        if (entries > keyOffset.length)
        {
            keyOffset = new int[entries];
            keyLength = new int[entries];
            valueLength = new int[entries];
        }
    }

    /**
     * @return how many threat properties the record holds (repeated keys included).
     */
    public int count()
    {
        return count;
    }

    /**
     * @param i a property index.
     * @return where its key starts in the record's buffer.
     */
    public int keyOffset(final int i)
    {
        return keyOffset[i];
    }

    /**
     * @param i a property index.
     * @return its key's length.
     */
    public int keyLength(final int i)
    {
        return keyLength[i];
    }

    /**
     * @param i a property index.
     * @return where its value starts in the record's buffer: after its key and the value's length.
     */
    public int valueOffset(final int i)
    {
        return keyOffset[i] + keyLength[i] + RecordWalk.LENGTH_HEADER;
    }

    /**
     * @param i a property index.
     * @return its value's length.
     */
    public int valueLength(final int i)
    {
        return valueLength[i];
    }

    /**
     * The threat properties as a protobuf map holds them: in record order, a repeated key (repeated once decoded:
     * different malformed bytes can decode equal) keeps its first place and takes its last value.
     *
     * @param i a property index.
     * @return the index of the property whose value the map gives property {@code i}'s key (the last with that key),
     *         or -1 when the key came earlier (the entry is already written).
     */
    public int valueIndex(final int i)
    {
        final int key = keyOffset[i];
        final int length = keyLength[i];
        for (int j = 0; j < i; j++)
        {
            if (JavaUtf8.sameText(record, keyOffset[j], keyLength[j], key, length))
            {
                return -1;
            }
        }
        int last = i;
        for (int j = i + 1; j < count; j++)
        {
            if (JavaUtf8.sameText(record, key, length, keyOffset[j], keyLength[j]))
            {
                last = j;
            }
        }
        return last;
    }
}
