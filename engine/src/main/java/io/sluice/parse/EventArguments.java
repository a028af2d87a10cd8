package io.sluice.parse;

import io.sluice.codec.sbe.ValueType;
import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The arguments of one event that {@code parse-arguments} renders: each name as bytes (matched against a record's
 * data entry names without decoding them), the value type it must have, and its parser. Immutable.
 */
final class EventArguments
{
    /** At most this many arguments of one event are parsed (bits of a mask of those already parsed). */
    static final int MAX = Integer.SIZE;

    private final byte[][] names;
    private final short[] types;
    private final ArgumentParser[] parsers;

    EventArguments()
    {
        this(new byte[0][], new short[0], new ArgumentParser[0]);
    }

    private EventArguments(final byte[][] names, final short[] types, final ArgumentParser[] parsers)
    {
        this.names = names;
        this.types = types;
        this.parsers = parsers;
    }

    /** @return these arguments and one more. */
    EventArguments with(final String name, final ValueType type, final ArgumentParser parser)
    {
        if (names.length == MAX)
        {
            throw new IllegalArgumentException("parse-arguments: more than " + MAX + " arguments of one event");
        }
        final int n = names.length;
        final byte[][] moreNames = Arrays.copyOf(names, n + 1);
        final short[] moreTypes = Arrays.copyOf(types, n + 1);
        final ArgumentParser[] moreParsers = Arrays.copyOf(parsers, n + 1);
        moreNames[n] = name.getBytes(StandardCharsets.UTF_8);
        moreTypes[n] = type.value();
        moreParsers[n] = parser;
        return new EventArguments(moreNames, moreTypes, moreParsers);
    }

    /** @return how many arguments are parsed. */
    int count()
    {
        return names.length;
    }

    /**
     * @param nameLength a data entry's name length.
     * @param valueType  its raw value type.
     * @return false when no argument can be that entry (the cheap test before its name is read).
     */
    boolean mayMatch(final int nameLength, final short valueType)
    {
        for (int i = 0; i < names.length; i++)
        {
            if (types[i] == valueType && names[i].length == nameLength)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * @param name      a data entry's name.
     * @param valueType its raw value type.
     * @param done      the arguments already parsed (bit i: argument i), each applying to its first entry only.
     * @return the argument it is, or -1.
     */
    int match(final DirectBuffer name, final short valueType, final int done)
    {
        final int length = name.capacity();
        for (int i = 0; i < names.length; i++)
        {
            if ((done & (1 << i)) == 0 && types[i] == valueType && names[i].length == length && same(name, names[i]))
            {
                return i;
            }
        }
        return -1;
    }

    ArgumentParser parser(final int argument)
    {
        return parsers[argument];
    }

    private static boolean same(final DirectBuffer name, final byte[] expected)
    {
        for (int i = 0; i < expected.length; i++)
        {
            if (name.getByte(i) != expected[i])
            {
                return false;
            }
        }
        return true;
    }
}
