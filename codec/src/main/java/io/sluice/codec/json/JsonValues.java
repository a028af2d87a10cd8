package io.sluice.codec.json;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.sbe.EventRecordView;
import io.sluice.codec.sbe.EventValueCursor;
import io.sluice.codec.sbe.PackedArrayBlob;
import io.sluice.codec.sbe.SockaddrBlob;
import io.sluice.codec.sbe.StringArrayBlob;
import io.sluice.codec.sbe.ValueType;
import io.sluice.codec.sbe.ValueTypes;
import io.sluice.codec.text.InetText;
import io.sluice.codec.wire.StructuredValue;
import io.sluice.proto.v1beta1.SaFamilyT;
import org.agrona.DirectBuffer;

/**
 * The {@code data} of a {@code v1beta1.Event} (or of its {@code detected_from}): each {@code EventValue} with its name
 * and its oneof member, printed even when it holds a default. A name that is the catalog's for its position opens the
 * entry with one copy ({@link JsonArgNames}).
 */
final class JsonValues extends JsonEventPart
{
    private static final JsonEnumNames FAMILIES = new JsonEnumNames(SaFamilyT.getDescriptor());

    private final StringArrayBlob strings = new StringArrayBlob();
    private final JsonArgNames argNames;
    private final byte[] addressText = new byte[InetText.MAX_IPV6_LENGTH];
    private final StructuredJson structured = new StructuredJson();
    /** The room reserved for the event, made again after a structured value (which makes its own). */
    private long room;

    JsonValues(final EventRecordView view, final JsonSink json, final EventCatalog catalog)
    {
        super(view, json);
        this.argNames = new JsonArgNames(catalog);
    }

    void write(final EventValueCursor values, final int eventId, final long room)
    {
        if (values.count() == 0)
        {
            return;
        }
        this.room = room;
        json.keyInRoom(JsonKeyPaths.DATA_ARRAY);
        final long[] shape = argNames.shape(eventId);
        final DirectBuffer record = view.buffer();
        int at = 0;
        while (values.next())
        {
            final short type = values.typeRaw();
            final int nameOffset = values.nameOffset();
            final int nameLength = values.nameLength();
            boolean keyed = false;
            if (at < shape.length && JsonArgNames.sameName(shape, at, record, nameOffset, nameLength))
            {
                final long header = shape[at];
                keyed = JsonArgNames.keyedFor(header, type);
                json.wordsInRoom(shape, JsonArgNames.openingAt(shape, at),
                    keyed ? JsonArgNames.keyedLength(header) : JsonArgNames.plainLength(header), keyed);
            }
            else
            {
                json.beginObjectInRoom();
                if (nameLength > 0)
                {
                    json.stringFieldInRoom(JsonKeys.NAME, record, nameOffset, nameLength);
                }
            }
            if (at < shape.length)
            {
                at = JsonArgNames.next(shape, at);
            }
            if (keyed)
            {
                writeKeyedValue(ValueTypes.of(type), values.intValue(), values.valueOffset(), values.valueLength());
            }
            else
            {
                writeValue(type, values.intValue(), values.valueOffset(), values.valueLength());
            }
        }
        json.endArrayInRoom();
    }

    /**
     * The value of an entry whose opening carried its key (a plain scalar of the catalog's type) and the closing
     * brace: what {@link #writeValue} writes after the key.
     */
    private void writeKeyedValue(final ValueType type, final long intValue, final int valueOffset, final int valueLength)
    {
        final JsonSink json = this.json;
        switch (type)
        {
            case INT32:
                json.int32InRoom((int)intValue);
                break;
            case INT64:
                json.int64InRoom(intValue);
                break;
            case UINT32:
                json.uint32InRoom((int)intValue);
                break;
            case STR:
                json.stringInRoom(view.buffer(), valueOffset, valueLength);
                break;
            case BOOL:
                json.boolInRoom(intValue != 0);
                break;
            default:
                // UINT64 and POINTER, the only other types an opening carries the key of
                json.uint64InRoom(intValue);
                break;
        }
        json.endObjectInRoom();
    }

    /**
     * The rest of one {@code EventValue} once its opening and name are written: the oneof member, printed even when it
     * holds a default.
     */
    private void writeValue(final short type, final long intValue, final int valueOffset, final int valueLength)
    {
        final JsonSink json = this.json;
        final ValueType valueType = ValueTypes.of(type);
        switch (valueType)
        {
            case INT32:
                json.int32FieldInRoom(JsonKeys.INT32, (int)intValue);
                break;
            case INT64:
                json.int64FieldInRoom(JsonKeys.INT64, intValue);
                break;
            case UINT32:
                json.uint32FieldInRoom(JsonKeys.U_INT32, (int)intValue);
                break;
            case UINT64:
                json.uint64FieldInRoom(JsonKeys.U_INT64, intValue);
                break;
            case STR:
                json.stringFieldInRoom(JsonKeys.STR, view.buffer(), valueOffset, valueLength);
                break;
            case BYTES:
                json.keyInRoom(JsonKeys.BYTES);
                json.base64(view.buffer(), valueOffset, valueLength);
                break;
            case BOOL:
                json.keyInRoom(JsonKeys.BOOL);
                json.boolInRoom(intValue != 0);
                break;
            case STR_ARRAY:
                writeStringArray(JsonKeys.STR_ARRAY_OPEN, valueOffset, valueLength);
                break;
            case INT32_ARRAY:
                writeInt32Array(JsonKeys.INT32_ARRAY_OPEN, valueOffset, valueLength / PackedArrayBlob.INT32_SIZE);
                break;
            case UINT64_ARRAY:
                writeUint64Array(JsonKeys.U_INT64_ARRAY_OPEN, valueOffset, valueLength / PackedArrayBlob.UINT64_SIZE);
                break;
            case SOCKADDR:
                writeSockaddr(JsonKeys.SOCKADDR_OPEN, valueOffset, valueLength);
                break;
            case POINTER:
                json.uint64FieldInRoom(JsonKeys.POINTER, intValue);
                break;
            default:
                final StructuredValue kind = StructuredValue.of(valueType);
                if (kind != null)
                {
                    structured.write(json, kind, view.buffer(), valueOffset, valueLength);
                    json.reserve(room);
                }
                break;
        }
        json.endObjectInRoom();
    }

    private void writeStringArray(final JsonKey open, final int offset, final int length)
    {
        json.keyInRoom(open);
        final StringArrayBlob strings = this.strings.wrap(view.buffer(), offset, length);
        if (strings.next())
        {
            json.keyInRoom(JsonKeys.VALUE);
            json.beginArrayInRoom();
            do
            {
                json.stringInRoom(view.buffer(), strings.elementOffset(), strings.elementLength());
            }
            while (strings.next());
            json.endArrayInRoom();
        }
        json.endObjectInRoom();
    }

    private void writeInt32Array(final JsonKey open, final int offset, final int count)
    {
        json.keyInRoom(open);
        if (count > 0)
        {
            json.keyInRoom(JsonKeys.VALUE);
            json.beginArrayInRoom();
            for (int i = 0; i < count; i++)
            {
                json.int32InRoom(PackedArrayBlob.int32(view.buffer(), offset, i));
            }
            json.endArrayInRoom();
        }
        json.endObjectInRoom();
    }

    private void writeUint64Array(final JsonKey open, final int offset, final int count)
    {
        json.keyInRoom(open);
        if (count > 0)
        {
            json.keyInRoom(JsonKeys.VALUE);
            json.beginArrayInRoom();
            for (int i = 0; i < count; i++)
            {
                json.uint64InRoom(PackedArrayBlob.uint64(view.buffer(), offset, i));
            }
            json.endArrayInRoom();
        }
        json.endObjectInRoom();
    }

    private void writeSockaddr(final JsonKey open, final int offset, final int length)
    {
        final DirectBuffer record = view.buffer();
        json.keyInRoom(open);
        final int family = SockaddrBlob.family(record, offset, length);
        if (family != 0)
        {
            json.keyInRoom(JsonKeys.SA_FAMILY);
            FAMILIES.write(json, family);
        }
        switch (SockaddrBlob.layout(record, offset, length))
        {
            case SockaddrBlob.AF_UNIX:
                if (length > SockaddrBlob.UNIX_PATH_OFFSET)
                {
                    json.stringFieldInRoom(JsonKeys.SUN_PATH, record, offset + SockaddrBlob.UNIX_PATH_OFFSET, length - SockaddrBlob.UNIX_PATH_OFFSET);
                }
                break;
            case SockaddrBlob.AF_INET:
                json.keyInRoom(JsonKeys.SIN_ADDR);
                json.asciiStringInRoom(
                    addressText, 0, InetText.formatIpv4(record, offset + SockaddrBlob.INET_ADDRESS_OFFSET, addressText, 0));
                writeUint32(JsonKeys.SIN_PORT, SockaddrBlob.port(record, offset));
                break;
            case SockaddrBlob.AF_INET6:
                json.keyInRoom(JsonKeys.SIN6_ADDR);
                json.asciiStringInRoom(
                    addressText, 0, InetText.formatIpv6(record, offset + SockaddrBlob.INET6_ADDRESS_OFFSET, addressText, 0));
                writeUint32(JsonKeys.SIN6_PORT, SockaddrBlob.port(record, offset));
                writeUint32(JsonKeys.SIN6_FLOWINFO, (int)SockaddrBlob.flowInfo(record, offset));
                writeUint32(JsonKeys.SIN6_SCOPEID, (int)SockaddrBlob.scopeId(record, offset));
                break;
            default:
                break;
        }
        json.endObjectInRoom();
    }
}
