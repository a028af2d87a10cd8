package io.sluice.codec.json;

import io.sluice.codec.wire.FieldKind;
import io.sluice.codec.wire.StructuredValue;
import io.sluice.codec.wire.WireCanonical;
import io.sluice.codec.wire.WireField;
import io.sluice.codec.wire.WireInput;
import io.sluice.codec.wire.WireShape;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The JSON of a structured {@code EventValue} member ({@code ipv4}, {@code dns}, {@code credentials}, ...) as protobuf's
 * printer prints it with proto field names: fields in number order, unset ones left out, repeated fields as arrays,
 * maps as objects, enums by name (by number when unnamed), 64-bit integers quoted. Walks
 * the canonical wire bytes the record holds with the member's {@link WireShape}; bytes that are not canonical print as
 * the empty message, as every reader reads them. Allocates nothing, save for some doubles (extreme exponents, some
 * fractions below one), for which the JDK's formatter builds big integers: a timespec's text must be
 * {@link Double#toString}'s, and seconds since boot or epoch with their fraction format without allocating.
 */
final class StructuredJson
{
    private static final byte[] NAN = "\"NaN\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFINITY = "\"Infinity\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MINUS_INFINITY = "\"-Infinity\"".getBytes(StandardCharsets.US_ASCII);

    private final WireCanonical canonical = new WireCanonical();
    private final WireInput in = new WireInput();
    private final StringBuilder doubleText = new StringBuilder(32);
    private final byte[] doubleBytes = new byte[32];

    /**
     * Write the member: its key, then its message.
     *
     * @param json   where to write.
     * @param kind   the member.
     * @param buffer the record.
     * @param offset where the value bytes start.
     * @param length their length.
     */
    void write(final JsonSink json, final StructuredValue kind, final DirectBuffer buffer, final int offset, final int length)
    {
        json.key(kind.jsonKey());
        if (canonical.check(kind.shape(), buffer, offset, length))
        {
            message(json, kind.shape(), buffer, offset, offset + length);
        }
        else
        {
            json.beginObject();
            json.endObject();
        }
    }

    private void message(final JsonSink json, final WireShape shape, final DirectBuffer buffer, final int start, final int limit)
    {
        json.beginObject();
        WireField open = null;
        int p = start;
        while (p < limit)
        {
            p = in.varint(buffer, p, limit);
            final WireField field = shape.field((int)(in.value() >>> 3));
            if (open != null && open != field)
            {
                close(json, open);
                open = null;
            }
            if (open == null)
            {
                json.key(field.jsonKey());
                if (field.repeated() && !field.packed())
                {
                    open = field;
                    if (field.kind() == FieldKind.MAP)
                    {
                        json.beginObject();
                    }
                    else
                    {
                        json.beginArray();
                    }
                }
            }
            p = value(json, field, buffer, p, limit);
        }
        if (open != null)
        {
            close(json, open);
        }
        json.endObject();
    }

    private static void close(final JsonSink json, final WireField field)
    {
        if (field.kind() == FieldKind.MAP)
        {
            json.endObject();
        }
        else
        {
            json.endArray();
        }
    }

    private int value(final JsonSink json, final WireField field, final DirectBuffer buffer, final int start, final int limit)
    {
        int p = field.kind() == FieldKind.DOUBLE ? start : in.varint(buffer, start, limit);
        final long number = in.value();
        switch (field.kind())
        {
            case UINT32 -> json.uint32((int)number);
            case INT32 -> json.int32((int)number);
            case INT64 -> json.int64(number);
            case ENUM ->
            {
                if (field.packed())
                {
                    final int end = p + (int)number;
                    json.beginArray();
                    while (p < end)
                    {
                        p = in.varint(buffer, p, end);
                        enumValue(json, field, (int)in.value());
                    }
                    json.endArray();
                }
                else
                {
                    enumValue(json, field, (int)number);
                }
            }
            case STRING ->
            {
                json.string(buffer, p, (int)number);
                p += (int)number;
            }
            case MESSAGE ->
            {
                message(json, field.message(), buffer, p, p + (int)number);
                p += (int)number;
            }
            case MAP ->
            {
                mapEntry(json, field, buffer, p, p + (int)number);
                p += (int)number;
            }
            case DOUBLE ->
            {
                doubleValue(json, buffer.getDouble(start, ByteOrder.LITTLE_ENDIAN));
                p = start + Long.BYTES;
            }
            default -> throw new IllegalStateException("unknown field kind " + field.kind());
        }
        return p;
    }

    private void mapEntry(final JsonSink json, final WireField field, final DirectBuffer buffer, final int start, final int limit)
    {
        // canonical: [0x0A len key][0x12 len value]
        int p = in.varint(buffer, start + 1, limit);
        final int keyLength = (int)in.value();
        json.string(buffer, p, keyLength);
        json.colon();
        p = in.varint(buffer, p + keyLength + 1, limit);
        message(json, field.message(), buffer, p, limit);
    }

    private static void enumValue(final JsonSink json, final WireField field, final int number)
    {
        final byte[] name = field.enumJson(number);
        if (name != null)
        {
            json.rawValue(name);
        }
        else
        {
            json.int32(number);
        }
    }

    private void doubleValue(final JsonSink json, final double value)
    {
        if (Double.isNaN(value))
        {
            json.rawValue(NAN);
        }
        else if (Double.isInfinite(value))
        {
            json.rawValue(value > 0 ? INFINITY : MINUS_INFINITY);
        }
        else
        {
            // Double.toString's text: on JDK 17 StringBuilder.append(double) formats with the same converter, in a
            // per-thread buffer, so nothing is allocated
            doubleText.setLength(0);
            doubleText.append(value);
            final int length = doubleText.length();
            for (int i = 0; i < length; i++)
            {
                doubleBytes[i] = (byte)doubleText.charAt(i);
            }
            json.rawValue(doubleBytes, 0, length);
        }
    }
}
