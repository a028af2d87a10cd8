package io.sluice.format.gotemplate;

import io.sluice.codec.sbe.EventRecordView;
import io.sluice.codec.sbe.EventValueCursor;
import io.sluice.codec.sbe.PackedArrayBlob;
import io.sluice.codec.sbe.SockaddrBlob;
import io.sluice.codec.sbe.ValueType;
import io.sluice.codec.sbe.ValueTypes;
import io.sluice.codec.text.InetText;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.nio.ByteOrder;
import java.util.Arrays;

import static io.sluice.format.gotemplate.EventSchema.handle;

/**
 * The event's {@code data} and {@code detected_from.data} entries ({@code v1beta1.EventValue}): located the first
 * time a template asks, then read by index. An entry's typed members ({@code .str}, {@code .int32},
 * {@code .u_int64}...) read as Go's getters do (the zero value unless that member is the one set); {@code .value}
 * is the member that is set (arrays as their lists, an unset value as no value). String arrays, packed arrays and
 * socket addresses are read from the record; addresses are formatted into a scratch buffer reset per event.
 */
final class EventValues
{
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final TemplateData owner;
    private final ExpandableArrayBuffer text = new ExpandableArrayBuffer(256);
    private int textPosition;
    private EventRecordView view;
    private boolean located;
    private int dataCount;
    private int total;
    private ValueType[] types = new ValueType[16];
    private long[] intValue = new long[16];
    private int[] nameOffset = new int[16];
    private int[] nameLength = new int[16];
    private int[] valueOffset = new int[16];
    private int[] valueLength = new int[16];
    private int cachedEntry = -1;
    private int cachedIndex;
    private int cachedOffset;

    EventValues(final TemplateData owner)
    {
        this.owner = owner;
    }

    void wrap(final EventRecordView record)
    {
        view = record;
        located = false;
        textPosition = 0;
        cachedEntry = -1;
    }

    int size(final long list)
    {
        locate();
        final int i = EventSchema.index(list);
        return switch (EventSchema.type(list))
        {
            case EventSchema.DATA_LIST -> dataCount;
            case EventSchema.DETECTED_DATA_LIST -> total - dataCount;
            case EventSchema.STRING_LIST -> stringCount(i);
            case EventSchema.INT32_LIST -> valueLength[i] / PackedArrayBlob.INT32_SIZE;
            default -> valueLength[i] / PackedArrayBlob.UINT64_SIZE;
        };
    }

    void element(final long list, final int j, final Value out)
    {
        locate();
        final int i = EventSchema.index(list);
        switch (EventSchema.type(list))
        {
            case EventSchema.DATA_LIST -> out.setMessage(owner, handle(EventSchema.EVENT_VALUE_MESSAGE, j), false);
            case EventSchema.DETECTED_DATA_LIST -> out.setMessage(owner, handle(EventSchema.EVENT_VALUE_MESSAGE, dataCount + j), false);
            case EventSchema.STRING_LIST -> string(i, j, out);
            case EventSchema.INT32_LIST -> out.setInt(GoTypes.INT32, PackedArrayBlob.int32(view.buffer(), valueOffset[i], j));
            default -> out.setUint(GoTypes.UINT64, PackedArrayBlob.uint64(view.buffer(), valueOffset[i], j));
        }
    }

    void field(final int type, final int i, final int field, final Value out)
    {
        locate();
        switch (type)
        {
            case EventSchema.EVENT_VALUE_MESSAGE -> entryField(i, field, out);
            case EventSchema.STR_ARRAY_MESSAGE -> out.setList(owner, handle(EventSchema.STRING_LIST, i));
            case EventSchema.INT32_ARRAY_MESSAGE -> out.setList(owner, handle(EventSchema.INT32_LIST, i));
            case EventSchema.UINT64_ARRAY_MESSAGE -> out.setList(owner, handle(EventSchema.UINT64_LIST, i));
            default -> sockaddrField(i, field, out);
        }
    }

    /**
     * For printing an entry: reads the field and says whether it is set (the name when not empty, the member the
     * entry holds).
     */
    boolean memberSet(final int i, final int field, final Value out)
    {
        entryField(i, field, out);
        return field == FieldNames.NAME ? nameLength[i] > 0 : member(field) == types[i];
    }

    private void entryField(final int i, final int field, final Value out)
    {
        if (field == FieldNames.NAME)
        {
            out.setString(view.buffer(), nameOffset[i], nameLength[i]);
            return;
        }
        final ValueType type = field == FieldNames.VALUE ? types[i] : member(field);
        final boolean set = type == types[i];
        final long number = set ? intValue[i] : 0;
        switch (type)
        {
            case INT32 -> out.setInt(GoTypes.INT32, (int)number);
            case INT64 -> out.setInt(GoTypes.INT64, number);
            case UINT32 -> out.setUint(GoTypes.UINT32, number & 0xFFFF_FFFFL);
            case UINT64, POINTER -> out.setUint(GoTypes.UINT64, number);
            case BOOL -> out.setBool(number != 0);
            case STR -> out.setString(view.buffer(), valueOffset[i], set ? valueLength[i] : 0);
            case BYTES -> out.setBytes(view.buffer(), valueOffset[i], set ? valueLength[i] : 0);
            case STR_ARRAY -> composite(field, EventSchema.STR_ARRAY_MESSAGE, EventSchema.STRING_LIST, i, set, out);
            case INT32_ARRAY -> composite(field, EventSchema.INT32_ARRAY_MESSAGE, EventSchema.INT32_LIST, i, set, out);
            case UINT64_ARRAY -> composite(field, EventSchema.UINT64_ARRAY_MESSAGE, EventSchema.UINT64_LIST, i, set, out);
            case SOCKADDR -> out.setMessage(owner, handle(EventSchema.SOCKADDR_MESSAGE, i), !set);
            default -> out.setNil();
        }
    }

    /**
     * An array member: its wrapper message ({@code .str_array}, nil when not set), or for {@code .value} its list.
     */
    private void composite(final int field, final int message, final int list, final int i, final boolean set, final Value out)
    {
        if (field == FieldNames.VALUE)
        {
            out.setList(owner, handle(list, i));
        }
        else
        {
            out.setMessage(owner, handle(message, i), !set);
        }
    }

    private static ValueType member(final int field)
    {
        return switch (field)
        {
            case FieldNames.INT32 -> ValueType.INT32;
            case FieldNames.INT64 -> ValueType.INT64;
            case FieldNames.U_INT32 -> ValueType.UINT32;
            case FieldNames.U_INT64 -> ValueType.UINT64;
            case FieldNames.STR -> ValueType.STR;
            case FieldNames.BYTES -> ValueType.BYTES;
            case FieldNames.BOOL -> ValueType.BOOL;
            case FieldNames.STR_ARRAY -> ValueType.STR_ARRAY;
            case FieldNames.INT32_ARRAY -> ValueType.INT32_ARRAY;
            case FieldNames.U_INT64_ARRAY -> ValueType.UINT64_ARRAY;
            case FieldNames.SOCKADDR -> ValueType.SOCKADDR;
            default -> ValueType.NONE;
        };
    }

    private void sockaddrField(final int i, final int field, final Value out)
    {
        final DirectBuffer buffer = view.buffer();
        final int offset = valueOffset[i];
        final int length = valueLength[i];
        final int layout = SockaddrBlob.layout(buffer, offset, length);
        final boolean inet = layout == SockaddrBlob.AF_INET;
        final boolean inet6 = layout == SockaddrBlob.AF_INET6;
        switch (field)
        {
            case FieldNames.SA_FAMILY -> out.setEnum(owner, handle(EventSchema.FAMILY_ENUM, 0), SockaddrBlob.family(buffer, offset, length));
            case FieldNames.SUN_PATH ->
            {
                final boolean unix = layout == SockaddrBlob.AF_UNIX && length > SockaddrBlob.UNIX_PATH_OFFSET;
                out.setString(buffer, offset + SockaddrBlob.UNIX_PATH_OFFSET, unix ? length - SockaddrBlob.UNIX_PATH_OFFSET : 0);
            }
            case FieldNames.SIN_ADDR -> address(inet, false, offset + SockaddrBlob.INET_ADDRESS_OFFSET, out);
            case FieldNames.SIN6_ADDR -> address(inet6, true, offset + SockaddrBlob.INET6_ADDRESS_OFFSET, out);
            case FieldNames.SIN_PORT -> out.setUint(GoTypes.UINT32, inet ? SockaddrBlob.port(buffer, offset) : 0);
            case FieldNames.SIN6_PORT -> out.setUint(GoTypes.UINT32, inet6 ? SockaddrBlob.port(buffer, offset) : 0);
            case FieldNames.SIN6_FLOWINFO -> out.setUint(GoTypes.UINT32, inet6 ? SockaddrBlob.flowInfo(buffer, offset) : 0);
            default -> out.setUint(GoTypes.UINT32, inet6 ? SockaddrBlob.scopeId(buffer, offset) : 0);
        }
    }

    private void address(final boolean present, final boolean ipv6, final int at, final Value out)
    {
        if (!present)
        {
            out.setString(text, 0, 0);
            return;
        }
        text.checkLimit(textPosition + InetText.MAX_IPV6_LENGTH);
        final int length = ipv6 ? InetText.formatIpv6(view.buffer(), at, text.byteArray(), textPosition)
            : InetText.formatIpv4(view.buffer(), at, text.byteArray(), textPosition);
        out.setString(text, textPosition, length);
        textPosition += length;
    }

    private int stringCount(final int i)
    {
        int count = 0;
        int at = valueOffset[i];
        final int limit = at + valueLength[i];
        while (limit - at >= 4)
        {
            at += 4 + (int)Math.min(view.buffer().getInt(at, ORDER) & 0xFFFF_FFFFL, limit - at - 4);
            count++;
        }
        return count;
    }

    /**
     * Element j of entry i's string array: [uint32 length][bytes] repeated; walks on from the last element read when
     * it can (a range reads them in order).
     */
    private void string(final int i, final int j, final Value out)
    {
        final DirectBuffer buffer = view.buffer();
        int index = 0;
        int at = valueOffset[i];
        if (cachedEntry == i && cachedIndex <= j)
        {
            index = cachedIndex;
            at = cachedOffset;
        }
        final int limit = valueOffset[i] + valueLength[i];
        while (index < j)
        {
            at += 4 + (int)Math.min(buffer.getInt(at, ORDER) & 0xFFFF_FFFFL, limit - at - 4);
            index++;
        }
        cachedEntry = i;
        cachedIndex = j;
        cachedOffset = at;
        out.setString(buffer, at + 4, (int)Math.min(buffer.getInt(at, ORDER) & 0xFFFF_FFFFL, limit - at - 4));
    }

    private void locate()
    {
        if (located)
        {
            return;
        }
        located = true;
        total = 0;
        add(view.data());
        dataCount = total;
        add(view.detectedFromData());
    }

    private void add(final EventValueCursor cursor)
    {
        ensure(total + cursor.count());
        while (cursor.next())
        {
            types[total] = ValueTypes.of(cursor.typeRaw());
            intValue[total] = cursor.intValue();
            nameOffset[total] = cursor.nameOffset();
            nameLength[total] = cursor.nameLength();
            valueOffset[total] = cursor.valueOffset();
            valueLength[total] = cursor.valueLength();
            total++;
        }
    }

    private void ensure(final int capacity)
    {
        if (capacity > types.length)
        {
            final int size = Math.max(capacity, types.length * 2);
            types = Arrays.copyOf(types, size);
            intValue = Arrays.copyOf(intValue, size);
            nameOffset = Arrays.copyOf(nameOffset, size);
            nameLength = Arrays.copyOf(nameLength, size);
            valueOffset = Arrays.copyOf(valueOffset, size);
            valueLength = Arrays.copyOf(valueLength, size);
        }
    }
}
