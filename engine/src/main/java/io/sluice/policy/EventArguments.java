package io.sluice.policy;

import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.ValueType;
import io.sluice.process.KernelEventEnricher;
import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The data arguments of the record an {@link EventView} decoded (name, type, integer value, where the value is), so
 * argument lookup by name and lazy value copying live apart from the process fields. Values are copied out of the
 * record only when asked for (an exec's argv and env can be kilobytes); arrays grow only when an event has more
 * arguments, or longer ones, than any before.
 */
final class EventArguments
{
    private static final byte[] RETURN_VALUE = KernelEventEnricher.RETURN_VALUE.getBytes(StandardCharsets.UTF_8);

    private DirectBuffer buffer;
    private int count;
    private byte[][] names = new byte[24][32];
    private int[] nameLengths = new int[24];
    private ValueType[] types = new ValueType[24];
    private long[] ints = new long[24];
    private byte[][] values = new byte[24][128];
    private int[] valueLengths = new int[24];
    private int[] valueAt = new int[24];
    private boolean[] valueCopied = new boolean[24];
    private boolean hasRetval;
    private long retval;

    /**
     * Read the event's data group (the decoder must be positioned at it) and leave the decoder after it.
     *
     * @param event  the event decoder.
     * @param buffer the record's buffer, for copying values later.
     */
    void decode(final EventDecoder event, final DirectBuffer buffer)
    {
        this.buffer = buffer;
        hasRetval = false;
        retval = 0;
        count = 0;
        for (final EventDecoder.DataDecoder data : event.data())
        {
            final int i = count++;
            ensure(i);
            types[i] = data.valueType();
            ints[i] = data.intValue();
            final int nameLength = data.nameLength();
            if (names[i].length < nameLength)
            {
                names[i] = new byte[nameLength];
            }
            nameLengths[i] = data.getName(names[i], 0, nameLength);
            valueAt[i] = event.limit();
            valueLengths[i] = data.valueLength();
            valueCopied[i] = false;
            data.skipValue();
            if (equals(names[i], nameLengths[i], RETURN_VALUE))
            {
                hasRetval = true;
                retval = ints[i];
            }
        }
    }

    private void ensure(final int i)
    {
        if (i < names.length)
        {
            return;
        }
        final int size = names.length * 2;
        final byte[][] grownNames = new byte[size][];
        final byte[][] grownValues = new byte[size][];
        for (int k = 0; k < size; k++)
        {
            grownNames[k] = k < names.length ? names[k] : new byte[32];
            grownValues[k] = k < values.length ? values[k] : new byte[128];
        }
        names = grownNames;
        values = grownValues;
        nameLengths = Arrays.copyOf(nameLengths, size);
        types = Arrays.copyOf(types, size);
        ints = Arrays.copyOf(ints, size);
        valueLengths = Arrays.copyOf(valueLengths, size);
        valueAt = Arrays.copyOf(valueAt, size);
        valueCopied = Arrays.copyOf(valueCopied, size);
    }

    static boolean equals(final byte[] a, final int aLength, final byte[] b)
    {
        if (aLength != b.length)
        {
            return false;
        }
        for (int i = 0; i < aLength; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }
        return true;
    }

    int index(final byte[] name)
    {
        for (int i = 0; i < count; i++)
        {
            if (equals(names[i], nameLengths[i], name))
            {
                return i;
            }
        }
        return -1;
    }

    int count()
    {
        return count;
    }

    boolean hasRetval()
    {
        return hasRetval;
    }

    long retval()
    {
        return retval;
    }

    ValueType type(final int i)
    {
        return types[i];
    }

    long intValue(final int i)
    {
        return ints[i];
    }

    byte[] value(final int i)
    {
        if (!valueCopied[i])
        {
            final int length = valueLengths[i];
            if (values[i].length < length)
            {
                values[i] = new byte[Math.max(length, values[i].length * 2)];
            }
            buffer.getBytes(valueAt[i] + 4, values[i], 0, length);
            valueCopied[i] = true;
        }
        return values[i];
    }

    int valueLength(final int i)
    {
        return valueLengths[i];
    }

    int valueAt(final int i)
    {
        return valueAt[i];
    }

    byte[] name(final int i)
    {
        return names[i];
    }

    int nameLength(final int i)
    {
        return nameLengths[i];
    }
}
