package io.sluice.format;

import io.sluice.codec.sbe.EventValueCursor;
import io.sluice.codec.sbe.PackedArrayBlob;
import io.sluice.codec.sbe.SockaddrBlob;
import io.sluice.codec.sbe.StringArrayBlob;
import io.sluice.codec.sbe.ValueType;
import io.sluice.codec.text.InetText;
import io.sluice.codec.wire.StructuredValue;
import io.sluice.codec.wire.WireText;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One {@code data} value as a {@code compact} line prints it: numbers in decimal (or by name, or octal, as its
 * {@link CompactArg.Style} says), text through {@link GoQuote}, string arrays as {@code [a b]}, bytes in hex, socket
 * addresses as {@code 10.0.0.7:443}, {@code [fe80::1]:443} or the unix path, message members ({@code ipv4},
 * {@code dns}, ...) as the table shows them ({@link WireText}). Reused for every value.
 */
final class CompactValue
{
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] FAMILY = {'a', 'f', '='};

    private final UnsafeBuffer value = new UnsafeBuffer(0, 0);
    private final StringArrayBlob strings = new StringArrayBlob();
    private final WireText text = new WireText();
    private final byte[] address = new byte[InetText.MAX_IPV6_LENGTH];

    /**
     * @param line   where to write.
     * @param record the record's buffer.
     * @param cursor positioned on the value.
     * @param style  how it prints.
     */
    void put(final CompactLine line, final DirectBuffer record, final EventValueCursor cursor, final CompactArg.Style style)
    {
        final ValueType type = cursor.type();
        final long intValue = cursor.intValue();
        switch (type)
        {
            case INT32, INT64, UINT32, UINT64 -> integer(line, type, intValue, style);
            case POINTER -> line.unsigned(intValue);
            case BOOL -> line.put(intValue != 0 ? TRUE : FALSE);
            case STR -> line.text(record, cursor.valueOffset(), cursor.valueLength());
            default ->
            {
                value.wrap(record, cursor.valueOffset(), cursor.valueLength());
                blob(line, type);
            }
        }
    }

    private static void integer(final CompactLine line, final ValueType type, final long raw, final CompactArg.Style style)
    {
        final long number = switch (type)
        {
            case INT32 -> (int)raw;
            case UINT32 -> raw & 0xFFFF_FFFFL;
            default -> raw;
        };
        final byte[] name = switch (style)
        {
            case SIGNAL -> LinuxNames.signal(number);
            case BPF_COMMAND -> LinuxNames.bpfCommand(number);
            default -> null;
        };
        if (name != null)
        {
            line.put(name);
        }
        else if (style == CompactArg.Style.OCTAL)
        {
            line.octal(number);
        }
        else if (type == ValueType.UINT64)
        {
            line.unsigned(number);
        }
        else
        {
            line.number(number);
        }
    }

    private void blob(final CompactLine line, final ValueType type)
    {
        switch (type)
        {
            case BYTES ->
            {
                for (int i = 0; i < value.capacity(); i++)
                {
                    final int b = value.getByte(i) & 0xFF;
                    line.put(HEX[b >>> 4]);
                    line.put(HEX[b & 0xF]);
                }
            }
            case STR_ARRAY ->
            {
                line.put((byte)'[');
                strings.wrap(value, 0, value.capacity());
                boolean first = true;
                while (strings.next())
                {
                    if (!first)
                    {
                        line.space();
                    }
                    first = false;
                    line.text(value, strings.elementOffset(), strings.elementLength());
                }
                line.put((byte)']');
            }
            case INT32_ARRAY, UINT64_ARRAY -> packed(line, type);
            case SOCKADDR -> sockaddr(line);
            default ->
            {
                // a message member in protobuf-go's one-line text; NONE (the sensor could not read it) or a type from
                // a newer schema: nothing to print
                final StructuredValue kind = StructuredValue.of(type);
                if (kind != null)
                {
                    line.put(text.text(), 0, text.format(kind, value, 0, value.capacity()));
                }
            }
        }
    }

    private void packed(final CompactLine line, final ValueType type)
    {
        final int width = type == ValueType.INT32_ARRAY ? PackedArrayBlob.INT32_SIZE : PackedArrayBlob.UINT64_SIZE;
        line.put((byte)'[');
        for (int i = 0; (i + 1) * width <= value.capacity(); i++)
        {
            if (i > 0)
            {
                line.space();
            }
            if (type == ValueType.INT32_ARRAY)
            {
                line.number(PackedArrayBlob.int32(value, 0, i));
            }
            else
            {
                line.unsigned(PackedArrayBlob.uint64(value, 0, i));
            }
        }
        line.put((byte)']');
    }

    private void sockaddr(final CompactLine line)
    {
        final int size = value.capacity();
        switch (SockaddrBlob.layout(value, 0, size))
        {
            case SockaddrBlob.AF_UNIX -> line.text(value, SockaddrBlob.UNIX_PATH_OFFSET, size - SockaddrBlob.UNIX_PATH_OFFSET);
            case SockaddrBlob.AF_INET ->
            {
                line.put(address, 0, InetText.formatIpv4(value, SockaddrBlob.INET_ADDRESS_OFFSET, address, 0));
                line.put((byte)':');
                line.number(SockaddrBlob.port(value, 0));
            }
            case SockaddrBlob.AF_INET6 ->
            {
                line.put((byte)'[');
                line.put(address, 0, InetText.formatIpv6(value, SockaddrBlob.INET6_ADDRESS_OFFSET, address, 0));
                line.put((byte)']');
                line.put((byte)':');
                line.number(SockaddrBlob.port(value, 0));
            }
            default ->
            {
                line.put(FAMILY);
                line.number(SockaddrBlob.family(value, 0, size));
            }
        }
    }
}
