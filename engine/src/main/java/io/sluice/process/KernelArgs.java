package io.sluice.process;

import io.sluice.codec.sbe.ValueType;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The {@code args} group of a raw {@code KernelEvent} record, read in place in one pass: each argument's value type,
 * integer and where its value's bytes lie in the record's buffer. The enricher decodes a record once through it (no
 * group decoder walked twice, no enum looked up per argument) and copies values straight from the buffer the record
 * is in. Reused: its arrays grow to the largest argument count met. Owned by the ingest thread.
 */
final class KernelArgs
{
    /** {@link ValueType#NONE}'s raw value: an argument the sensor did not read. */
    static final int NONE = ValueType.NONE.value();
    /** {@link ValueType#NULL_VAL}'s raw value. */
    static final int NULL_VAL = ValueType.NULL_VAL.value();

    private static final int GROUP_HEADER_LENGTH = 4;
    private static final int VALUE_HEADER_LENGTH = 4;
    private static final int INT_VALUE_OFFSET = 1;
    private static final int LAST_KNOWN_TYPE = ValueType.POINTER.value();

    private int[] types = new int[16];
    private long[] ints = new long[16];
    private int[] valueOffsets = new int[16];
    private int[] valueLengths = new int[16];
    private int count;
    private int printed;
    private int limit;

    /**
     * Read the group.
     *
     * @param buffer      where the record is.
     * @param groupOffset where its {@code args} group starts (the decoder's limit after its block).
     * @return this.
     */
    KernelArgs read(final DirectBuffer buffer, final int groupOffset)
    {
        final int blockLength = buffer.getShort(groupOffset, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final int n = buffer.getShort(groupOffset + 2, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        if (n > types.length)
        {
            grow(n);
        }
        int cursor = groupOffset + GROUP_HEADER_LENGTH;
        int shown = 0;
        for (int i = 0; i < n; i++)
        {
            final int type = buffer.getByte(cursor) & 0xFF;
            if (type > LAST_KNOWN_TYPE && type != NULL_VAL)
            {
                // as the generated decoder: a type this build does not know is refused
                ValueType.get((short)type);
            }
            types[i] = type;
            ints[i] = buffer.getLong(cursor + INT_VALUE_OFFSET, ByteOrder.LITTLE_ENDIAN);
            cursor += blockLength;
            final int length = (int)(buffer.getInt(cursor, ByteOrder.LITTLE_ENDIAN) & 0xFFFF_FFFFL);
            cursor += VALUE_HEADER_LENGTH;
            if (length < 0 || length > buffer.capacity() - cursor)
            {
                // a damaged record: refused before anything is copied or the process tree changes
                throw new IllegalStateException("kernel record: argument " + i + " claims " + (length & 0xFFFF_FFFFL)
                    + " bytes with " + (buffer.capacity() - cursor) + " left");
            }
            valueOffsets[i] = cursor;
            valueLengths[i] = length;
            cursor += length;
            if (type != NONE && type != NULL_VAL)
            {
                shown++;
            }
        }
        count = n;
        printed = shown;
        limit = cursor;
        return this;
    }

    /** @return how many arguments the record has. */
    int count()
    {
        return count;
    }

    /** @return how many of them have a value (neither NONE nor NULL_VAL): those an event prints. */
    int printed()
    {
        return printed;
    }

    /** @return where the group ends in the buffer (the record's variable data after it starts there). */
    int limit()
    {
        return limit;
    }

    /** @return argument i's raw {@link ValueType}. */
    int type(final int i)
    {
        return types[i];
    }

    /** @return argument i's integer value. */
    long intValue(final int i)
    {
        return ints[i];
    }

    /** @return where argument i's value bytes start in the buffer read. */
    int valueOffset(final int i)
    {
        return valueOffsets[i];
    }

    /** @return argument i's value length. */
    int valueLength(final int i)
    {
        return valueLengths[i];
    }

    private void grow(final int n)
    {
        types = Arrays.copyOf(types, n);
        ints = Arrays.copyOf(ints, n);
        valueOffsets = Arrays.copyOf(valueOffsets, n);
        valueLengths = Arrays.copyOf(valueLengths, n);
    }
}
