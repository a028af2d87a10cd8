package io.sluice.codec.json;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.EventDecoder.AncestorsDecoder;
import io.sluice.codec.sbe.EventRecordView;
import io.sluice.codec.sbe.EventVarData;
import io.sluice.codec.sbe.EventValueCursor;
import io.sluice.codec.sbe.PackedArrayBlob;
import io.sluice.codec.sbe.PresenceDecoder;
import io.sluice.codec.sbe.SockaddrBlob;
import io.sluice.codec.sbe.StringArrayBlob;
import io.sluice.codec.sbe.UserStackBlob;
import io.sluice.codec.sbe.ValueType;
import io.sluice.codec.sbe.ValueTypes;
import io.sluice.codec.wire.StructuredValue;
import io.sluice.codec.text.InetText;
import io.sluice.proto.v1beta1.EventId;
import io.sluice.proto.v1beta1.SaFamilyT;
import io.sluice.proto.v1beta1.Severity;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes an enriched event record (SBE {@code Event}) as the JSON of its {@code v1beta1.Event}, byte for byte what
 * {@code JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace()} prints for the message
 * {@code EventProtoDecoder} builds from the same record, without building it: the hot path of the {@code json}
 * format, allocation-free once warm.
 * <p>
 * Fields come out in field-number order, proto3 defaults omitted, present sub-messages (the record's presence bits)
 * printed even when empty. SBE puts groups before variable-length data, while the JSON wants {@code name} first and
 * the groups in between, so {@link #write} first locates the record ({@link EventRecordView}), then prints in
 * proto order from those positions.
 * <p>
 * Not thread-safe: one writer per thread.
 */
public final class EventJsonWriter
{
    private static final JsonEnumNames EVENT_IDS = new JsonEnumNames(EventId.getDescriptor());
    private static final JsonEnumNames SEVERITIES = new JsonEnumNames(Severity.getDescriptor());
    private static final JsonEnumNames FAMILIES = new JsonEnumNames(SaFamilyT.getDescriptor());

    private final EventRecordView view = new EventRecordView();
    private final JsonSink json = new JsonSink(4096);
    private final StringArrayBlob strings = new StringArrayBlob();
    private final byte[][] quotedCatalogNames;
    private final JsonArgNames argNames;
    private final byte[] addressText = new byte[InetText.MAX_IPV6_LENGTH];
    private final StructuredJson structured = new StructuredJson();
    private byte[][] quotedPolicyNames = new byte[0][];

    private DirectBuffer record;
    private EventDecoder event;

    /**
     * @param catalog the event catalog: names of ids for records that leave {@code name} empty.
     */
    public EventJsonWriter(final EventCatalog catalog)
    {
        this.quotedCatalogNames = quotedNames(catalog);
        this.argNames = new JsonArgNames(catalog);
    }

    /** Every catalog name as the JSON string it prints as, escaped once here rather than per event. */
    private static byte[][] quotedNames(final EventCatalog catalog)
    {
        int maxId = 0;
        for (final EventDefinition definition : catalog.events())
        {
            maxId = Math.max(maxId, definition.id());
        }
        final byte[][] quoted = new byte[maxId + 1][];
        final JsonSink scratch = new JsonSink(64);
        for (final EventDefinition definition : catalog.events())
        {
            final byte[] name = catalog.nameBytes(definition.id());
            if (name != null && name.length > 0)
            {
                scratch.reset();
                scratch.string(new UnsafeBuffer(name), 0, name.length);
                quoted[definition.id()] = Arrays.copyOf(scratch.array(), scratch.length());
            }
        }
        return quoted;
    }

    /**
     * Name the bits of the matched-policies bitmap. Names are escaped and encoded here, once.
     *
     * @param namesByBit bit i of {@code policiesMatched} prints as {@code namesByBit[i]}; bits beyond the array or
     *                   with a null entry are skipped.
     */
    public void policyNames(final String[] namesByBit)
    {
        final int count = Math.min(namesByBit.length, Long.SIZE);
        final byte[][] quoted = new byte[count][];
        final JsonSink scratch = new JsonSink(64);
        for (int i = 0; i < count; i++)
        {
            if (namesByBit[i] != null)
            {
                final byte[] utf8 = namesByBit[i].getBytes(StandardCharsets.UTF_8);
                scratch.reset();
                scratch.string(new UnsafeBuffer(utf8), 0, utf8.length);
                quoted[i] = Arrays.copyOf(scratch.array(), scratch.length());
            }
        }
        quotedPolicyNames = quoted;
    }

    /**
     * Write one event as one JSON object, without a trailing newline.
     *
     * @param record    the buffer holding the record.
     * @param offset    where the record (SBE message header, then an {@code Event}) starts.
     * @param length    the record's length.
     * @param out       where the JSON goes; grown as needed when it is expandable (such as
     *                  {@link org.agrona.ExpandableArrayBuffer}).
     * @param outOffset where in {@code out}.
     * @return the number of bytes written.
     */
    public int write(
        final DirectBuffer record, final int offset, final int length, final MutableDirectBuffer out, final int outOffset)
    {
        this.record = record;
        this.event = view.wrap(record, offset, length).event();

        final int presence = view.presence();
        final JsonSink json = this.json;
        json.reset();
        json.beginObject();
        if (PresenceDecoder.timestamp(presence))
        {
            writeTimestamp(JsonKeys.TIMESTAMP_OPEN, event.timestampSeconds(), event.timestampNanos());
        }
        final int eventId = event.eventId();
        writeIdAndName(eventId, EventVarData.NAME, PresenceDecoder.nameAsStored(presence));
        if (PresenceDecoder.policies(presence))
        {
            writePolicies(JsonKeys.POLICIES_OPEN, event.policiesMatched());
        }
        if (PresenceDecoder.workload(presence))
        {
            writeWorkload(JsonKeys.WORKLOAD_OPEN, presence);
        }
        writeValues(view.data(), eventId);
        if (PresenceDecoder.threat(presence))
        {
            writeThreat(JsonKeys.THREAT_OPEN, presence);
        }
        if (PresenceDecoder.detectedFrom(presence))
        {
            json.key(JsonKeys.DETECTED_FROM_OPEN);
            writeIdAndName(event.detectedFromId(), EventVarData.DETECTED_FROM_NAME, PresenceDecoder.detectedFromNameAsStored(presence));
            writeValues(view.detectedFromData(), event.detectedFromId());
            json.endObject();
        }
        json.endObject();
        this.record = null;
        return json.copyTo(out, outOffset);
    }

    private void writeTimestamp(final JsonKey open, final long seconds, final int nanos)
    {
        json.key(open);
        if (seconds != 0)
        {
            json.key(JsonKeys.SECONDS);
            json.int64(seconds);
        }
        if (nanos != 0)
        {
            json.key(JsonKeys.NANOS);
            json.int32(nanos);
        }
        json.endObject();
    }

    /**
     * {@code id} then {@code name}, with the name rule: an empty name is the catalog's name for the id, unless the
     * name is as stored.
     */
    private void writeIdAndName(final int id, final int nameString, final boolean asStored)
    {
        if (id != 0)
        {
            json.key(JsonKeys.ID);
            EVENT_IDS.write(json, id);
        }
        if (view.stringLength(nameString) > 0)
        {
            writeString(JsonKeys.NAME, nameString);
        }
        else if (!asStored && id > 0 && id < quotedCatalogNames.length && quotedCatalogNames[id] != null)
        {
            json.key(JsonKeys.NAME);
            json.rawValue(quotedCatalogNames[id]);
        }
    }

    private void writePolicies(final JsonKey open, final long matched)
    {
        json.key(open);
        final byte[][] names = quotedPolicyNames;
        boolean any = false;
        for (int bit = 0; bit < names.length; bit++)
        {
            if ((matched & (1L << bit)) != 0 && names[bit] != null)
            {
                if (!any)
                {
                    json.key(JsonKeys.MATCHED);
                    json.beginArray();
                    any = true;
                }
                json.rawValue(names[bit]);
            }
        }
        if (any)
        {
            json.endArray();
        }
        json.endObject();
    }

    private void writeWorkload(final JsonKey open, final int presence)
    {
        json.key(open);
        if (PresenceDecoder.process(presence))
        {
            writeProcess(JsonKeys.PROCESS_OPEN, presence);
        }
        if (PresenceDecoder.container(presence))
        {
            json.key(JsonKeys.CONTAINER_OPEN);
            writeString(JsonKeys.ID, EventVarData.CONTAINER_ID);
            writeString(JsonKeys.NAME, EventVarData.CONTAINER_NAME);
            if (PresenceDecoder.containerImage(presence))
            {
                json.key(JsonKeys.IMAGE_OPEN);
                writeString(JsonKeys.ID, EventVarData.CONTAINER_IMAGE_ID);
                writeString(JsonKeys.NAME, EventVarData.CONTAINER_IMAGE_NAME);
                json.endObject();
            }
            if (event.containerIsRunning() != 0)
            {
                json.key(JsonKeys.IS_RUNNING);
                json.bool(true);
            }
            json.endObject();
        }
        if (PresenceDecoder.pod(presence))
        {
            json.key(JsonKeys.POD_OPEN);
            writeString(JsonKeys.NAME, EventVarData.POD_NAME);
            writeString(JsonKeys.UID, EventVarData.POD_UID);
            writeString(JsonKeys.NAMESPACE, EventVarData.POD_NAMESPACE);
            json.endObject();
        }
        json.endObject();
    }

    private void writeProcess(final JsonKey open, final int presence)
    {
        json.key(open);
        if (PresenceDecoder.thread(presence))
        {
            json.key(JsonKeys.THREAD_OPEN);
            writeString(JsonKeys.NAME, EventVarData.THREAD_NAME);
            if (PresenceDecoder.threadStartTime(presence))
            {
                writeTimestamp(JsonKeys.START_TIME_OPEN, event.threadStartSeconds(), event.threadStartNanos());
            }
            writeUint64(JsonKeys.UNIQUE_ID, event.threadUniqueId());
            writeUint32(JsonKeys.HOST_TID, (int)event.hostTid());
            writeUint32(JsonKeys.TID, (int)event.tid());
            writeString(JsonKeys.SYSCALL, EventVarData.SYSCALL);
            if (event.compat() != 0)
            {
                json.key(JsonKeys.COMPAT);
                json.bool(true);
            }
            if (PresenceDecoder.userStackTrace(presence))
            {
                writeUserStack(JsonKeys.USER_STACK_TRACE_OPEN);
            }
            json.endObject();
        }
        if (PresenceDecoder.pid(presence))
        {
            writeWrappedUint32(JsonKeys.PID_OPEN, (int)event.pid());
        }
        if (PresenceDecoder.realUser(presence))
        {
            writeUser(JsonKeys.REAL_USER_OPEN, PresenceDecoder.realUserId(presence), (int)event.realUserId());
        }
        if (PresenceDecoder.executable(presence))
        {
            json.key(JsonKeys.EXECUTABLE_OPEN);
            writeString(JsonKeys.PATH, EventVarData.EXECUTABLE_PATH);
            json.endObject();
        }
        writeAncestors();
        writeUint64(JsonKeys.UNIQUE_ID, event.processUniqueId());
        if (PresenceDecoder.hostPid(presence))
        {
            writeWrappedUint32(JsonKeys.HOST_PID_OPEN, (int)event.hostPid());
        }
        if (PresenceDecoder.user(presence))
        {
            writeUser(JsonKeys.USER_OPEN, PresenceDecoder.userId(presence), (int)event.userId());
        }
        json.endObject();
    }

    /** {@code UserStackTrace}: its frames, each a {@code StackAddress} (address 0 and no symbol print {@code {}}). */
    private void writeUserStack(final JsonKey open)
    {
        json.key(open);
        final UserStackBlob frames = view.userStack();
        if (frames.next())
        {
            json.key(JsonKeys.ADDRESSES);
            json.beginArray();
            do
            {
                json.beginObject();
                writeUint64(JsonKeys.ADDRESS, frames.address());
                if (frames.symbolLength() > 0)
                {
                    json.key(JsonKeys.SYMBOL);
                    json.string(record, frames.symbolOffset(), frames.symbolLength());
                }
                json.endObject();
            }
            while (frames.next());
            json.endArray();
        }
        json.endObject();
    }

    private void writeUser(final JsonKey open, final boolean hasId, final int id)
    {
        json.key(open);
        if (hasId)
        {
            writeWrappedUint32(JsonKeys.ID_OPEN, id);
        }
        json.endObject();
    }

    private void writeWrappedUint32(final JsonKey open, final int value)
    {
        json.key(open);
        writeUint32(JsonKeys.VALUE, value);
        json.endObject();
    }

    private void writeAncestors()
    {
        final AncestorsDecoder ancestors = view.ancestors();
        if (ancestors.count() == 0)
        {
            return;
        }
        json.key(JsonKeys.ANCESTORS);
        json.beginArray();
        while (ancestors.hasNext())
        {
            ancestors.next();
            json.beginObject();
            writeUint64(JsonKeys.UNIQUE_ID, ancestors.uniqueId());
            writeUint32(JsonKeys.HOST_PID, (int)ancestors.hostPid());
            writeUint32(JsonKeys.PID, (int)ancestors.pid());
            final int pathOffset = event.limit() + AncestorsDecoder.executablePathHeaderLength();
            final int pathLength = ancestors.skipExecutablePath();
            if (pathLength > 0)
            {
                json.key(JsonKeys.EXECUTABLE_OPEN);
                json.key(JsonKeys.PATH);
                json.string(record, pathOffset, pathLength);
                json.endObject();
            }
            json.endObject();
        }
        json.endArray();
    }

    private void writeValues(final EventValueCursor values, final int eventId)
    {
        if (values.count() == 0)
        {
            return;
        }
        json.key(JsonKeys.DATA);
        json.beginArray();
        int index = 0;
        while (values.next())
        {
            final byte[] opening = argNames.opening(eventId, index++, record, values.nameOffset(), values.nameLength());
            if (opening != null)
            {
                json.rawValue(opening);
            }
            else
            {
                json.beginObject();
                if (values.nameLength() > 0)
                {
                    json.key(JsonKeys.NAME);
                    json.string(record, values.nameOffset(), values.nameLength());
                }
            }
            writeValue(values.typeRaw(), values.intValue(), values.valueOffset(), values.valueLength());
        }
        json.endArray();
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
                json.key(JsonKeys.INT32);
                json.int32((int)intValue);
                break;
            case INT64:
                json.key(JsonKeys.INT64);
                json.int64(intValue);
                break;
            case UINT32:
                json.key(JsonKeys.U_INT32);
                json.uint32((int)intValue);
                break;
            case UINT64:
                json.key(JsonKeys.U_INT64);
                json.uint64(intValue);
                break;
            case STR:
                json.key(JsonKeys.STR);
                json.string(record, valueOffset, valueLength);
                break;
            case BYTES:
                json.key(JsonKeys.BYTES);
                json.base64(record, valueOffset, valueLength);
                break;
            case BOOL:
                json.key(JsonKeys.BOOL);
                json.bool(intValue != 0);
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
                json.key(JsonKeys.POINTER);
                json.uint64(intValue);
                break;
            default:
                final StructuredValue kind = StructuredValue.of(valueType);
                if (kind != null)
                {
                    structured.write(json, kind, record, valueOffset, valueLength);
                }
                break;
        }
        json.endObject();
    }

    private void writeStringArray(final JsonKey open, final int offset, final int length)
    {
        json.key(open);
        final StringArrayBlob strings = this.strings.wrap(record, offset, length);
        if (strings.next())
        {
            json.key(JsonKeys.VALUE);
            json.beginArray();
            do
            {
                json.string(record, strings.elementOffset(), strings.elementLength());
            }
            while (strings.next());
            json.endArray();
        }
        json.endObject();
    }

    private void writeInt32Array(final JsonKey open, final int offset, final int count)
    {
        json.key(open);
        if (count > 0)
        {
            json.key(JsonKeys.VALUE);
            json.beginArray();
            for (int i = 0; i < count; i++)
            {
                json.int32(PackedArrayBlob.int32(record, offset, i));
            }
            json.endArray();
        }
        json.endObject();
    }

    private void writeUint64Array(final JsonKey open, final int offset, final int count)
    {
        json.key(open);
        if (count > 0)
        {
            json.key(JsonKeys.VALUE);
            json.beginArray();
            for (int i = 0; i < count; i++)
            {
                json.uint64(PackedArrayBlob.uint64(record, offset, i));
            }
            json.endArray();
        }
        json.endObject();
    }

    private void writeSockaddr(final JsonKey open, final int offset, final int length)
    {
        final DirectBuffer record = this.record;
        json.key(open);
        final int family = SockaddrBlob.family(record, offset, length);
        if (family != 0)
        {
            json.key(JsonKeys.SA_FAMILY);
            FAMILIES.write(json, family);
        }
        switch (SockaddrBlob.layout(record, offset, length))
        {
            case SockaddrBlob.AF_UNIX:
                if (length > SockaddrBlob.UNIX_PATH_OFFSET)
                {
                    json.key(JsonKeys.SUN_PATH);
                    json.string(record, offset + SockaddrBlob.UNIX_PATH_OFFSET, length - SockaddrBlob.UNIX_PATH_OFFSET);
                }
                break;
            case SockaddrBlob.AF_INET:
                json.key(JsonKeys.SIN_ADDR);
                json.asciiString(
                    addressText, 0, InetText.formatIpv4(record, offset + SockaddrBlob.INET_ADDRESS_OFFSET, addressText, 0));
                writeUint32(JsonKeys.SIN_PORT, SockaddrBlob.port(record, offset));
                break;
            case SockaddrBlob.AF_INET6:
                json.key(JsonKeys.SIN6_ADDR);
                json.asciiString(
                    addressText, 0, InetText.formatIpv6(record, offset + SockaddrBlob.INET6_ADDRESS_OFFSET, addressText, 0));
                writeUint32(JsonKeys.SIN6_PORT, SockaddrBlob.port(record, offset));
                writeUint32(JsonKeys.SIN6_FLOWINFO, (int)SockaddrBlob.flowInfo(record, offset));
                writeUint32(JsonKeys.SIN6_SCOPEID, (int)SockaddrBlob.scopeId(record, offset));
                break;
            default:
                break;
        }
        json.endObject();
    }

    private void writeThreat(final JsonKey open, final int presence)
    {
        json.key(open);
        writeString(JsonKeys.NAME, EventVarData.THREAT_NAME);
        writeString(JsonKeys.DESCRIPTION, EventVarData.THREAT_DESCRIPTION);
        if (PresenceDecoder.mitre(presence))
        {
            json.key(JsonKeys.MITRE_OPEN);
            if (PresenceDecoder.tactic(presence))
            {
                json.key(JsonKeys.TACTIC_OPEN);
                writeString(JsonKeys.NAME, EventVarData.TACTIC_NAME);
                json.endObject();
            }
            if (PresenceDecoder.technique(presence))
            {
                json.key(JsonKeys.TECHNIQUE_OPEN);
                writeString(JsonKeys.ID, EventVarData.TECHNIQUE_ID);
                writeString(JsonKeys.EXTERNAL_ID, EventVarData.TECHNIQUE_EXTERNAL_ID);
                writeString(JsonKeys.NAME, EventVarData.TECHNIQUE_NAME);
                json.endObject();
            }
            json.endObject();
        }
        final int severity = event.threatSeverity();
        if (severity != 0)
        {
            json.key(JsonKeys.SEVERITY);
            SEVERITIES.write(json, severity);
        }
        writeProperties();
        json.endObject();
    }

    /**
     * The properties map as a protobuf map holds it ({@link EventRecordView#propertyValueIndex}).
     */
    private void writeProperties()
    {
        final int count = view.propertyCount();
        if (count == 0)
        {
            return;
        }
        final DirectBuffer record = this.record;
        json.key(JsonKeys.PROPERTIES_OPEN);
        for (int i = 0; i < count; i++)
        {
            final int last = view.propertyValueIndex(i);
            if (last < 0)
            {
                continue;
            }
            json.string(record, view.propertyKeyOffset(i), view.propertyKeyLength(i));
            json.colon();
            json.string(record, view.propertyValueOffset(last), view.propertyValueLength(last));
        }
        json.endObject();
    }

    private void writeString(final JsonKey key, final int string)
    {
        final int length = view.stringLength(string);
        if (length > 0)
        {
            json.key(key);
            json.string(record, view.stringOffset(string), length);
        }
    }

    private void writeUint32(final JsonKey key, final int value)
    {
        if (value != 0)
        {
            json.key(key);
            json.uint32(value);
        }
    }

    private void writeUint64(final JsonKey key, final long value)
    {
        if (value != 0)
        {
            json.key(key);
            json.uint64(value);
        }
    }
}
