package io.sluice.format.gotemplate;

import org.agrona.DirectBuffer;

/**
 * One Go value during execution, in a mutable cell that is reused from event to event: scalars as primitives,
 * strings as a byte range of some buffer (the record, a constant, or the executor's scratch), and lists, maps and
 * messages as a handle into the {@link TemplateData} that owns them. Nothing is allocated to hold a value.
 */
final class Value
{
    /** Go's invalid value: a missing map key, an unset interface; prints {@code <no value>}. */
    static final int NIL = 0;
    static final int BOOL = 1;
    /** Signed integers, enums included (Go's intKind). */
    static final int INT = 2;
    /** Unsigned integers (Go's uintKind). */
    static final int UINT = 3;
    static final int FLOAT = 4;
    static final int STRING = 5;
    /** A list window: {@link #offset} and {@link #length} select elements of the handle's list. */
    static final int LIST = 6;
    static final int MAP = 7;
    /** A pointer to a message, nil when {@link #nil}. */
    static final int MESSAGE = 8;
    /** A {@code time.Time}: {@link #bits} seconds since the epoch, {@link #nanos}. */
    static final int TIME = 9;

    int kind;
    /** The Go type of a scalar ({@link GoTypes}). */
    int type;
    long bits;
    double real;
    int nanos;
    /** For {@code now}: nanoseconds since the clock's start (Go's monotonic reading), or -1. */
    long monotonic = -1;
    DirectBuffer bytes;
    int offset;
    int length;
    TemplateData data;
    long handle;
    boolean nil;

    Value setNil()
    {
        kind = NIL;
        type = GoTypes.NONE;
        data = null;
        bytes = null;
        return this;
    }

    Value setBool(final boolean value)
    {
        kind = BOOL;
        type = GoTypes.BOOL;
        bits = value ? 1 : 0;
        return this;
    }

    Value setInt(final int goType, final long value)
    {
        kind = INT;
        type = goType;
        bits = value;
        return this;
    }

    Value setUint(final int goType, final long value)
    {
        kind = UINT;
        type = goType;
        bits = value;
        return this;
    }

    Value setEnum(final TemplateData owner, final long enumType, final long number)
    {
        kind = INT;
        type = GoTypes.ENUM;
        bits = number;
        data = owner;
        handle = enumType;
        return this;
    }

    Value setFloat(final double value)
    {
        kind = FLOAT;
        type = GoTypes.FLOAT64;
        real = value;
        return this;
    }

    Value setString(final DirectBuffer buffer, final int start, final int size)
    {
        kind = STRING;
        type = GoTypes.STRING;
        bytes = buffer;
        offset = start;
        length = size;
        return this;
    }

    Value setList(final TemplateData owner, final long list)
    {
        kind = LIST;
        type = GoTypes.COMPOSITE;
        data = owner;
        handle = list;
        nil = false;
        offset = 0;
        length = owner.size(list);
        return this;
    }

    Value setBytes(final DirectBuffer buffer, final int start, final int size)
    {
        kind = LIST;
        type = GoTypes.BYTES;
        bytes = buffer;
        offset = start;
        length = size;
        nil = false;
        return this;
    }

    /**
     * @param index an element of this list window, from 0.
     * @param out   where it goes.
     */
    void element(final int index, final Value out)
    {
        if (type == GoTypes.BYTES)
        {
            out.setUint(GoTypes.UINT8, bytes.getByte(offset + index) & 0xFF);
        }
        else
        {
            data.element(handle, offset + index, out);
        }
    }

    Value setMap(final TemplateData owner, final long map)
    {
        kind = MAP;
        type = GoTypes.COMPOSITE;
        data = owner;
        handle = map;
        nil = false;
        return this;
    }

    Value setMessage(final TemplateData owner, final long message, final boolean isNil)
    {
        kind = MESSAGE;
        type = GoTypes.COMPOSITE;
        data = owner;
        handle = message;
        nil = isNil;
        return this;
    }

    Value setTime(final long seconds, final int nanoseconds, final long monotonicNanos)
    {
        kind = TIME;
        type = GoTypes.TIME;
        bits = seconds;
        nanos = nanoseconds;
        monotonic = monotonicNanos;
        return this;
    }

    Value set(final Value other)
    {
        kind = other.kind;
        type = other.type;
        bits = other.bits;
        real = other.real;
        nanos = other.nanos;
        monotonic = other.monotonic;
        bytes = other.bytes;
        offset = other.offset;
        length = other.length;
        data = other.data;
        handle = other.handle;
        nil = other.nil;
        return this;
    }

    /**
     * @return the number of elements of a list, entries of a map or bytes of a string.
     */
    int size()
    {
        return switch (kind)
        {
            case STRING, LIST -> length;
            case MAP -> nil ? 0 : data.size(handle);
            default -> 0;
        };
    }

    /**
     * @return Go's truth ({@code if}, {@code and}, {@code not}): false, 0, nil, and empty strings, lists and maps are
     * false; everything else is true.
     */
    boolean truth()
    {
        return switch (kind)
        {
            case NIL -> false;
            case BOOL, INT, UINT -> bits != 0;
            case FLOAT -> real != 0;
            case STRING, LIST, MAP -> size() > 0;
            case MESSAGE -> !nil;
            default -> true;
        };
    }

    /**
     * @return the Go type, as Go's messages name it ({@code string}, {@code uint32}, {@code *v1beta1.Workload}).
     */
    String typeName()
    {
        if (kind == NIL)
        {
            return "<nil>";
        }
        if (type == GoTypes.BYTES)
        {
            return GoTypes.name(type);
        }
        if (type == GoTypes.COMPOSITE || type == GoTypes.ENUM)
        {
            return data.typeName(handle);
        }
        return GoTypes.name(type);
    }

    /**
     * @return the string's bytes as a Java string (messages and rarely used functions only).
     */
    String text()
    {
        final byte[] copy = new byte[length];
        bytes.getBytes(offset, copy);
        return new String(copy, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * @param other a string value.
     * @return Go's string comparison: bytewise, unsigned.
     */
    int compareBytes(final Value other)
    {
        final int n = Math.min(length, other.length);
        for (int i = 0; i < n; i++)
        {
            final int a = bytes.getByte(offset + i) & 0xFF;
            final int b = other.bytes.getByte(other.offset + i) & 0xFF;
            if (a != b)
            {
                return a - b;
            }
        }
        return length - other.length;
    }
}
