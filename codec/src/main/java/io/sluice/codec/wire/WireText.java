package io.sluice.codec.wire;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A structured value as Tracee's table printer shows it: Go's {@code %v} of the protobuf message, which is
 * protobuf-go's one-line text format ({@code version:4 ihl:5 protocol:"TCP" src_ip:"10.0.0.7"}, nested messages as
 * {@code soa:{serial:1}}, repeated fields and map entries one {@code name:} each, map entries as
 * {@code headers:{key:"Accept" value:{header:"*}{@literal /}*"}}}, enums by name, doubles as Go's {@code %g}), with
 * a single space between fields where protobuf-go randomly writes one or two. Bytes that are not canonical show as
 * the empty message (nothing). The text goes to a scratch buffer reused for every value.
 */
public final class WireText
{
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY = "key:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VALUE = " value:{".getBytes(StandardCharsets.US_ASCII);

    private final WireCanonical canonical = new WireCanonical();
    private final WireInput in = new WireInput();
    private final GoFloat goFloat = new GoFloat();
    private final ExpandableArrayBuffer text = new ExpandableArrayBuffer(256);
    private int position;

    /**
     * @param kind   the member.
     * @param buffer the record.
     * @param offset where the value bytes start.
     * @param length their length.
     * @return how many bytes of {@link #text()} hold the value's text.
     */
    public int format(final StructuredValue kind, final DirectBuffer buffer, final int offset, final int length)
    {
        position = 0;
        if (canonical.check(kind.shape(), buffer, offset, length))
        {
            fields(kind.shape(), buffer, offset, offset + length);
        }
        return position;
    }

    /**
     * @return the text of the last {@link #format}.
     */
    public DirectBuffer text()
    {
        return text;
    }

    private void fields(final WireShape shape, final DirectBuffer buffer, final int start, final int limit)
    {
        int p = start;
        boolean first = true;
        while (p < limit)
        {
            p = in.varint(buffer, p, limit);
            final WireField field = shape.field((int)(in.value() >>> 3));
            if (field.packed())
            {
                p = in.varint(buffer, p, limit);
                final int end = p + (int)in.value();
                while (p < end)
                {
                    p = in.varint(buffer, p, end);
                    first = name(field, first);
                    enumValue(field, (int)in.value());
                }
                continue;
            }
            first = name(field, first);
            p = value(field, buffer, p, limit);
        }
    }

    private boolean name(final WireField field, final boolean first)
    {
        if (!first)
        {
            put((byte)' ');
        }
        put(field.textKey());
        return false;
    }

    private int value(final WireField field, final DirectBuffer buffer, final int start, final int limit)
    {
        if (field.kind() == FieldKind.DOUBLE)
        {
            position = goFloat.format(buffer.getDouble(start, ByteOrder.LITTLE_ENDIAN), text, position);
            return start + Long.BYTES;
        }
        final int p = in.varint(buffer, start, limit);
        final long number = in.value();
        switch (field.kind())
        {
            case UINT32 -> position += text.putLongAscii(position, number & 0xFFFF_FFFFL);
            case INT32 -> position += text.putIntAscii(position, (int)number);
            case INT64 -> position += text.putLongAscii(position, number);
            case ENUM -> enumValue(field, (int)number);
            case STRING -> quoted(buffer, p, p + (int)number);
            case MESSAGE ->
            {
                put((byte)'{');
                fields(field.message(), buffer, p, p + (int)number);
                put((byte)'}');
            }
            case MAP -> mapEntry(field, buffer, p, p + (int)number);
            default -> throw new IllegalStateException("unknown field kind " + field.kind());
        }
        return field.kind() == FieldKind.STRING || field.kind() == FieldKind.MESSAGE || field.kind() == FieldKind.MAP ?
            p + (int)number : p;
    }

    private void mapEntry(final WireField field, final DirectBuffer buffer, final int start, final int limit)
    {
        int p = in.varint(buffer, start + 1, limit);
        final int keyLength = (int)in.value();
        put((byte)'{');
        put(KEY);
        quoted(buffer, p, p + keyLength);
        p = in.varint(buffer, p + keyLength + 1, limit);
        put(VALUE);
        fields(field.message(), buffer, p, limit);
        put((byte)'}');
        put((byte)'}');
    }

    private void enumValue(final WireField field, final int number)
    {
        final byte[] name = field.enumText(number);
        if (name != null)
        {
            put(name);
        }
        else
        {
            position += text.putIntAscii(position, number);
        }
    }

    /** protobuf-go's text string: quotes, backslash escapes, \xHH for controls and invalid bytes, \\u for C1. */
    private void quoted(final DirectBuffer buffer, final int start, final int limit)
    {
        put((byte)'"');
        int p = start;
        while (p < limit)
        {
            final int b = buffer.getByte(p) & 0xFF;
            if (b < 0x80)
            {
                ascii(b);
                p++;
            }
            else if (b == 0xC2 && p + 1 < limit && (buffer.getByte(p + 1) & 0xFF) <= 0x9F)
            {
                // U+0080..U+009F
                put((byte)'\\');
                put((byte)'u');
                put((byte)'0');
                put((byte)'0');
                hex2(buffer.getByte(p + 1) & 0xFF);
                p += 2;
            }
            else
            {
                put((byte)b); // valid UTF-8 (canonical), copied as it is
                p++;
            }
        }
        put((byte)'"');
    }

    private void ascii(final int c)
    {
        if (c == '"' || c == '\\')
        {
            put((byte)'\\');
            put((byte)c);
        }
        else if (c == '\n' || c == '\r' || c == '\t')
        {
            put((byte)'\\');
            put((byte)(c == '\n' ? 'n' : c == '\r' ? 'r' : 't'));
        }
        else if (c < ' ' || c == 0x7F)
        {
            put((byte)'\\');
            put((byte)'x');
            hex2(c);
        }
        else
        {
            put((byte)c);
        }
    }

    private void hex2(final int value)
    {
        put(HEX[value >>> 4]);
        put(HEX[value & 0xF]);
    }

    private void put(final byte b)
    {
        text.putByte(position++, b);
    }

    private void put(final byte[] bytes)
    {
        text.putBytes(position, bytes);
        position += bytes.length;
    }
}
