package io.sluice.codec.json;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.EventRecordView;
import io.sluice.codec.sbe.EventVarData;
import io.sluice.codec.sbe.PresenceDecoder;
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
public final class EventJsonWriter extends JsonEventPart
{
    /**
     * Room per byte of record, enough for what any byte can become: a string's byte at most six (a unicode escape),
     * and every group entry and length header more bytes than its keys, braces and numbers take (the smallest
     * {@code EventValue}, 17 bytes, prints at most about 60 besides its text; an ancestor, 20 bytes, about 110). That
     * holds for entries of the schema's length, which the record view enforces (a group declaring shorter entries is
     * refused: {@code RecordWalk.groupHeader}).
     */
    static final int ROOM_PER_RECORD_BYTE = 8;
    /** Room for what the record's fixed block and presence bits print, whatever the record's length. */
    static final int FIXED_ROOM = 4096;
    private static final JsonEnumNames EVENT_IDS = new JsonEnumNames(EventId.getDescriptor());

    private final JsonText[] quotedCatalogNames;
    /** {@code "id":"OPEN","name":"open"} by event id: both fields in one copy when the record leaves the name empty. */
    private final JsonText[] idsAndCatalogNames;
    private final JsonWorkload workload;
    private final JsonValues values;
    private final JsonThreat threat;
    /** Room for text from outside the record: two catalog names, the policy names, two enum names. */
    private final long namesRoom;
    private JsonText[] quotedPolicyNames = new JsonText[0];
    private long policyNamesRoom;

    /**
     * @param catalog the event catalog: names of ids for records that leave {@code name} empty.
     */
    public EventJsonWriter(final EventCatalog catalog)
    {
        super(new EventRecordView(), new JsonSink(4096));
        this.quotedCatalogNames = quotedNames(catalog);
        this.idsAndCatalogNames = idsAndNames(quotedCatalogNames);
        this.workload = new JsonWorkload(view, json);
        this.values = new JsonValues(view, json, catalog);
        this.threat = new JsonThreat(view, json);
        this.namesRoom = 2L * (longest(quotedCatalogNames) + longestEnumName());
    }

    /**
     * @param recordLength a record's length.
     * @return the room its JSON may take: a bound, reserved once per event so that each key, number and string is
     *         written without a check of its own.
     */
    long room(final int recordLength)
    {
        return (long)ROOM_PER_RECORD_BYTE * recordLength + FIXED_ROOM + namesRoom + policyNamesRoom;
    }

    private static long longest(final JsonText[] texts)
    {
        long longest = 0;
        for (final JsonText text : texts)
        {
            longest = Math.max(longest, text == null ? 0 : text.room());
        }
        return longest;
    }

    private static long longestEnumName()
    {
        return Math.max(EVENT_IDS.longest(), Math.max(
            new JsonEnumNames(Severity.getDescriptor()).longest(), new JsonEnumNames(SaFamilyT.getDescriptor()).longest()));
    }

    /** Every catalog name as the JSON string it prints as, escaped once here rather than per event. */
    private static JsonText[] quotedNames(final EventCatalog catalog)
    {
        int maxId = 0;
        for (final EventDefinition definition : catalog.events())
        {
            maxId = Math.max(maxId, definition.id());
        }
        final JsonText[] quoted = new JsonText[maxId + 1];
        final JsonSink scratch = new JsonSink(64);
        for (final EventDefinition definition : catalog.events())
        {
            final byte[] name = catalog.nameBytes(definition.id());
            if (name != null && name.length > 0)
            {
                scratch.reset();
                scratch.string(new UnsafeBuffer(name), 0, name.length);
                quoted[definition.id()] = new JsonText(Arrays.copyOf(scratch.array(), scratch.length()));
            }
        }
        return quoted;
    }

    /** For each id with an enum name and a catalog name, both fields as {@link #writeIdAndName} writes them. */
    private static JsonText[] idsAndNames(final JsonText[] quotedNames)
    {
        final JsonText[] both = new JsonText[quotedNames.length];
        final JsonSink scratch = new JsonSink(128);
        for (int id = 1; id < quotedNames.length; id++)
        {
            final JsonText idName = EVENT_IDS.text(id);
            if (idName != null && quotedNames[id] != null)
            {
                scratch.reset();
                scratch.reserve(JsonKey.MAX_LENGTH + idName.room() + JsonKey.MAX_LENGTH + quotedNames[id].room());
                scratch.keyInRoom(JsonKeys.ID);
                scratch.textInRoom(idName);
                scratch.keyInRoom(JsonKeys.NAME);
                scratch.textInRoom(quotedNames[id]);
                both[id] = new JsonText(Arrays.copyOf(scratch.array(), scratch.length()));
            }
        }
        return both;
    }

    /**
     * @return events whose workload's thread and process were copied as written for an earlier event (tests).
     */
    long workloadsCopied()
    {
        return workload.copiedFromMemo();
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
        final JsonText[] quoted = new JsonText[count];
        final JsonSink scratch = new JsonSink(64);
        for (int i = 0; i < count; i++)
        {
            if (namesByBit[i] != null)
            {
                final byte[] utf8 = namesByBit[i].getBytes(StandardCharsets.UTF_8);
                scratch.reset();
                scratch.string(new UnsafeBuffer(utf8), 0, utf8.length);
                quoted[i] = new JsonText(Arrays.copyOf(scratch.array(), scratch.length()));
            }
        }
        quotedPolicyNames = quoted;
        long room = 0;
        for (final JsonText name : quoted)
        {
            room += name == null ? 0 : name.room();
        }
        policyNamesRoom = room;
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
        final EventDecoder event = view.wrap(record, offset, length).event();
        final int presence = view.presence();
        final JsonSink json = this.json;
        final long room = room(length);
        json.reset();
        json.reserve(room);
        if (PresenceDecoder.timestamp(presence))
        {
            // {"timestamp":{"seconds": in one write
            writeTimestamp(JsonKeyPaths.BEGIN_TIMESTAMP, JsonKeyPaths.BEGIN_TIMESTAMP_SECONDS, event.timestampSeconds(),
                event.timestampNanos());
        }
        else
        {
            json.beginObjectInRoom();
        }
        final int eventId = event.eventId();
        writeIdAndName(eventId, EventVarData.NAME, PresenceDecoder.nameAsStored(presence));
        if (PresenceDecoder.policies(presence))
        {
            writePolicies(JsonKeys.POLICIES_OPEN, event.policiesMatched());
        }
        if (PresenceDecoder.workload(presence))
        {
            workload.write(JsonKeys.WORKLOAD_OPEN, presence);
        }
        values.write(view.data(), eventId, room);
        if (PresenceDecoder.threat(presence))
        {
            threat.write(JsonKeys.THREAT_OPEN, presence);
        }
        if (PresenceDecoder.detectedFrom(presence))
        {
            json.keyInRoom(JsonKeys.DETECTED_FROM_OPEN);
            writeIdAndName(event.detectedFromId(), EventVarData.DETECTED_FROM_NAME, PresenceDecoder.detectedFromNameAsStored(presence));
            values.write(view.detectedFromData(), event.detectedFromId(), room);
            json.endObjectInRoom();
        }
        json.endObjectInRoom();
        return json.copyTo(out, outOffset);
    }

    /**
     * {@code id} then {@code name}, with the name rule: an empty name is the catalog's name for the id, unless the
     * name is as stored.
     */
    private void writeIdAndName(final int id, final int nameString, final boolean asStored)
    {
        final boolean catalogName = !asStored && view.stringLength(nameString) == 0;
        if (catalogName && id > 0 && id < idsAndCatalogNames.length && idsAndCatalogNames[id] != null)
        {
            // the common case, a record from the sensor: both fields in one copy
            json.textInRoom(idsAndCatalogNames[id]);
            return;
        }
        if (id != 0)
        {
            json.keyInRoom(JsonKeys.ID);
            EVENT_IDS.write(json, id);
        }
        if (view.stringLength(nameString) > 0)
        {
            writeString(JsonKeys.NAME, nameString);
        }
        else if (!asStored && id > 0 && id < quotedCatalogNames.length && quotedCatalogNames[id] != null)
        {
            json.keyInRoom(JsonKeys.NAME);
            json.textInRoom(quotedCatalogNames[id]);
        }
    }

    private void writePolicies(final JsonKey open, final long matched)
    {
        json.keyInRoom(open);
        final JsonText[] names = quotedPolicyNames;
        boolean any = false;
        for (int bit = 0; bit < names.length; bit++)
        {
            if ((matched & (1L << bit)) != 0 && names[bit] != null)
            {
                if (!any)
                {
                    json.keyInRoom(JsonKeys.MATCHED);
                    json.beginArrayInRoom();
                    any = true;
                }
                json.textInRoom(names[bit]);
            }
        }
        if (any)
        {
            json.endArrayInRoom();
        }
        json.endObjectInRoom();
    }
}
