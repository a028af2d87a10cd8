package io.sluice.codec.sbe;

import org.agrona.DirectBuffer;

import java.util.Arrays;

/**
 * Where each entry of an event record's two {@code EventValue} groups is, noted while {@link EventRecordView#wrap}
 * walks past them: an {@link EventValueCursor} then reads these places instead of walking the chain of length
 * prefixes a second time (each prefix's address comes from the one before it).
 * <pre>
 *   entry i (data's first, then detected_from.data's):  blockAt[i] | nameLength[i] | valueLength[i]
 *   group g (DATA, DETECTED_FROM_DATA):                   header[g] (block length low 16 bits, count high)
 * </pre>
 * A flyweight of its view: allocation-free once its arrays fit the largest record seen. Not thread-safe.
 */
final class ValueEntries
{
    static final int DATA = 0;
    static final int DETECTED_FROM_DATA = 1;

    private final int[] header = new int[2];
    private int[] blockAt = new int[32];
    private int[] nameLength = new int[32];
    private int[] valueLength = new int[32];

    /**
     * Walk one group, {@link #DATA} first: a name, then a value, which for most entries (numbers) is empty. Past an
     * empty value the next entry's position is set by a predicted branch rather than by the loaded length, so its
     * reads start before this one is done: a chain of one dependent read per entry instead of two.
     *
     * @param buffer         the record's buffer.
     * @param at             where the group starts.
     * @param minBlockLength the schema's block length of its entries ({@link RecordWalk#groupHeader}).
     * @param group          {@link #DATA} or {@link #DETECTED_FROM_DATA}.
     * @return where the group ends.
     */
    int locate(final DirectBuffer buffer, final int at, final int minBlockLength, final int group)
    {
        final int groupHeader = RecordWalk.groupHeader(buffer, at, minBlockLength);
        final int blockLength = groupHeader & 0xFFFF;
        final int start = first(group);
        final int end = start + (groupHeader >>> 16);
        header[group] = groupHeader;
        ensureCapacity(end);
        final int[] blockAt = this.blockAt;
        final int[] nameLength = this.nameLength;
        final int[] valueLength = this.valueLength;
        int limit = at + RecordWalk.GROUP_HEADER;
        for (int i = start; i < end; i++)
        {
            blockAt[i] = limit;
            limit += blockLength;
            final int name = RecordWalk.varLength(buffer, limit);
            nameLength[i] = name;
            limit += RecordWalk.LENGTH_HEADER + name;
            final int value = RecordWalk.varLength(buffer, limit);
            valueLength[i] = value;
            if (value == 0)
            {
                limit += RecordWalk.LENGTH_HEADER;
            }
            else
            {
                limit += RecordWalk.LENGTH_HEADER + value;
            }
        }
        return limit;
    }

    private void ensureCapacity(final int count)
    {
        if (count > blockAt.length)
        {
            final int size = Math.max(count, blockAt.length * 2);
            blockAt = Arrays.copyOf(blockAt, size);
            nameLength = Arrays.copyOf(nameLength, size);
            valueLength = Arrays.copyOf(valueLength, size);
        }
    }

    int header(final int group)
    {
        return header[group];
    }

    /** Where a group's entries start in the tables: data's at 0, detected_from.data's right after data's. */
    int first(final int group)
    {
        return group == DATA ? 0 : header[DATA] >>> 16;
    }

    int blockAt(final int entry)
    {
        return blockAt[entry];
    }

    int nameLength(final int entry)
    {
        return nameLength[entry];
    }

    int valueLength(final int entry)
    {
        return valueLength[entry];
    }
}
