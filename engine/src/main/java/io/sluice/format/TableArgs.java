package io.sluice.format;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.sbe.EventRecordView;
import io.sluice.codec.sbe.EventVarData;
import io.sluice.codec.sbe.EventValueCursor;
import io.sluice.codec.sbe.PackedArrayBlob;
import io.sluice.codec.sbe.PresenceDecoder;
import io.sluice.codec.sbe.StringArrayBlob;
import io.sluice.codec.sbe.ValueType;
import io.sluice.codec.wire.StructuredValue;
import io.sluice.codec.wire.WireText;
import io.sluice.process.KernelEventEnricher;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * The {@code ARGS} column of Tracee's table: each argument as {@code name: value}, separated by {@code , }, values as
 * Go's {@code %v} prints them (arrays {@code [a b]}, socket addresses as Tracee's maps, message members such as
 * {@code ipv4} or {@code dns} in protobuf-go's one-line text format, {@link WireText}); then, for a detection,
 * {@code detectedFrom: <the triggering event's name>}, as Tracee shortens that argument of its findings. Text is
 * escaped as {@link TableText} says. Allocates nothing per event.
 */
final class TableArgs
{
    private static final byte[] SEPARATOR = ", ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAP_OPEN = "map[sa_family:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DETECTED_FROM = "detectedFrom: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RETURN_VALUE = KernelEventEnricher.RETURN_VALUE.getBytes(StandardCharsets.UTF_8);
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

    private final EventCatalog catalog;
    private final UnsafeBuffer value = new UnsafeBuffer(0, 0);
    private final SockaddrText sockaddr = new SockaddrText();
    private final StringArrayBlob strings = new StringArrayBlob();
    private final WireText text = new WireText();

    /**
     * @param catalog the event catalog (names of a detection's trigger).
     */
    TableArgs(final EventCatalog catalog)
    {
        this.catalog = catalog;
    }

    /**
     * @param view              a located record.
     * @param returnValueInArgs false to leave the {@code returnValue} argument out (a {@code RET} column shows it).
     * @param out               where to write.
     * @param start             where to start writing.
     * @return the position after the arguments.
     */
    int write(final EventRecordView view, final boolean returnValueInArgs, final MutableDirectBuffer out, final int start)
    {
        final DirectBuffer buffer = view.buffer();
        final EventValueCursor values = view.data();
        int p = start;
        boolean first = true;
        while (values.next())
        {
            if (!returnValueInArgs && RecordFields.nameIs(buffer, values, RETURN_VALUE))
            {
                continue;
            }
            p = first ? p : put(out, p, SEPARATOR);
            first = false;
            p = TableText.escaped(out, p, buffer, values.nameOffset(), values.nameLength());
            out.putByte(p++, (byte)':');
            out.putByte(p++, (byte)' ');
            value.wrap(buffer, values.valueOffset(), values.valueLength());
            p = putValue(out, p, values.type(), values.intValue());
        }
        if (PresenceDecoder.detectedFrom(view.presence()))
        {
            p = first ? p : put(out, p, SEPARATOR);
            p = put(out, p, DETECTED_FROM);
            p = detectedFromName(view, out, p);
        }
        return p;
    }

    private int detectedFromName(final EventRecordView view, final MutableDirectBuffer out, final int start)
    {
        final int length = view.stringLength(EventVarData.DETECTED_FROM_NAME);
        if (length > 0 || PresenceDecoder.detectedFromNameAsStored(view.presence()))
        {
            return TableText.escaped(out, start, view.buffer(), view.stringOffset(EventVarData.DETECTED_FROM_NAME), length);
        }
        final byte[] name = catalog.nameBytes(view.event().detectedFromId());
        return name != null ? put(out, start, name) : start + out.putIntAscii(start, view.event().detectedFromId());
    }

    private int putValue(final MutableDirectBuffer out, final int start, final ValueType type, final long intValue)
    {
        return switch (type)
        {
            case INT32 -> start + out.putIntAscii(start, (int)intValue);
            case INT64 -> start + out.putLongAscii(start, intValue);
            case UINT32 -> start + out.putLongAscii(start, intValue & 0xFFFF_FFFFL);
            case UINT64, POINTER -> TableText.unsigned(out, start, intValue);
            case BOOL -> put(out, start, intValue != 0 ? TRUE : FALSE);
            case STR -> TableText.escaped(out, start, value, 0, value.capacity());
            case BYTES -> bytes(out, start);
            case STR_ARRAY -> stringArray(out, start);
            case INT32_ARRAY, UINT64_ARRAY -> packed(out, start, type);
            case SOCKADDR ->
            {
                final int p = sockaddr.putGoMapBody(value, out, put(out, start, MAP_OPEN));
                out.putByte(p, (byte)']');
                yield p + 1;
            }
            // a message member as Go's %v of it; NONE or a type from a newer schema: nothing for the value
            default -> structured(out, start, StructuredValue.of(type));
        };
    }

    private int structured(final MutableDirectBuffer out, final int start, final StructuredValue kind)
    {
        if (kind == null)
        {
            return start;
        }
        final int length = text.format(kind, value, 0, value.capacity());
        out.putBytes(start, text.text(), 0, length);
        return start + length;
    }

    private int bytes(final MutableDirectBuffer out, final int start)
    {
        int p = start;
        out.putByte(p++, (byte)'[');
        for (int i = 0; i < value.capacity(); i++)
        {
            if (i > 0)
            {
                out.putByte(p++, (byte)' ');
            }
            p += out.putIntAscii(p, value.getByte(i) & 0xFF);
        }
        out.putByte(p++, (byte)']');
        return p;
    }

    private int stringArray(final MutableDirectBuffer out, final int start)
    {
        int p = start;
        out.putByte(p++, (byte)'[');
        strings.wrap(value, 0, value.capacity());
        boolean first = true;
        while (strings.next())
        {
            if (!first)
            {
                out.putByte(p++, (byte)' ');
            }
            first = false;
            p = TableText.escaped(out, p, value, strings.elementOffset(), strings.elementLength());
        }
        out.putByte(p++, (byte)']');
        return p;
    }

    private int packed(final MutableDirectBuffer out, final int start, final ValueType type)
    {
        final int width = type == ValueType.INT32_ARRAY ? PackedArrayBlob.INT32_SIZE : PackedArrayBlob.UINT64_SIZE;
        int p = start;
        out.putByte(p++, (byte)'[');
        for (int i = 0; (i + 1) * width <= value.capacity(); i++)
        {
            if (i > 0)
            {
                out.putByte(p++, (byte)' ');
            }
            p = type == ValueType.INT32_ARRAY ? p + out.putIntAscii(p, PackedArrayBlob.int32(value, 0, i)) :
                TableText.unsigned(out, p, PackedArrayBlob.uint64(value, 0, i));
        }
        out.putByte(p++, (byte)']');
        return p;
    }

    private static int put(final MutableDirectBuffer out, final int p, final byte[] bytes)
    {
        out.putBytes(p, bytes);
        return p + bytes.length;
    }
}
