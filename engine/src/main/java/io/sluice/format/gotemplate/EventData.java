package io.sluice.format.gotemplate;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.EventRecordView;
import io.sluice.codec.sbe.PresenceDecoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

import static io.sluice.format.gotemplate.EventSchema.handle;

/**
 * An event record seen as the {@code v1beta1.Event} message tree a template reads, straight from the located
 * record ({@link EventRecordView}): a sub-message the record's presence bits leave out is a nil pointer, strings are
 * byte ranges of the record, numbers are read when asked for. The data entries, their values and the ancestors are
 * in {@link EventValues} and {@link Ancestors}; the threat properties, a Go map, in {@link ThreatProperties}.
 * Reused for every event; reading allocates nothing.
 */
final class EventData implements TemplateData
{
    private static final UnsafeBuffer EMPTY = new UnsafeBuffer(new byte[0]);

    private final EventCatalog catalog;
    private final EnumNames enums = new EnumNames();
    private final UnsafeBuffer[] policyNames;
    private final UnsafeBuffer eventName = new UnsafeBuffer(0, 0);
    private final UnsafeBuffer detectedFromName = new UnsafeBuffer(0, 0);
    private final EventValues values = new EventValues(this);
    private final Ancestors ancestors = new Ancestors();
    private final ThreatProperties properties = new ThreatProperties();
    private EventRecordView view;
    private EventDecoder event;
    private int presence;

    /**
     * @param catalog     names of event ids, for records that leave {@code name} empty.
     * @param policyNames the policies in force, by bit.
     */
    EventData(final EventCatalog catalog, final String[] policyNames)
    {
        this.catalog = catalog;
        this.policyNames = new UnsafeBuffer[Math.min(policyNames.length, Long.SIZE)];
        for (int i = 0; i < this.policyNames.length; i++)
        {
            if (policyNames[i] != null)
            {
                this.policyNames[i] = new UnsafeBuffer(policyNames[i].getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * @param record a located record.
     * @param root   set to the event's message.
     */
    void wrap(final EventRecordView record, final Value root)
    {
        this.view = record;
        this.event = record.event();
        this.presence = record.presence();
        values.wrap(record);
        ancestors.wrap(record);
        properties.wrap(record);
        root.setMessage(this, handle(EventSchema.EVENT, 0), false);
    }

    EventRecordView view()
    {
        return view;
    }

    EnumNames enums()
    {
        return enums;
    }

    @Override
    public String typeName(final long handle)
    {
        return EventSchema.typeName(handle);
    }

    @Override
    public boolean hasField(final long message, final FieldStep field)
    {
        return field.id >= 0 && EventSchema.hasField(message, field.id);
    }

    @Override
    public boolean field(final long message, final FieldStep field, final Value out)
    {
        return field.id >= 0 && EventSchema.hasField(message, field.id) && read(message, field.id, out);
    }

    /**
     * Reads a field the message's type has.
     */
    boolean read(final long message, final int field, final Value out)
    {
        final int type = EventSchema.type(message);
        final int index = EventSchema.index(message);
        switch (type)
        {
            case EventSchema.EVENT -> eventField(field, out);
            case EventSchema.DETECTED_FROM_MESSAGE -> detectedFromField(field, out);
            case EventSchema.TIMESTAMP_MESSAGE ->
                timestamp(field == FieldNames.SECONDS, event.timestampSeconds(), event.timestampNanos(), out);
            case EventSchema.START_TIME_MESSAGE ->
                timestamp(field == FieldNames.SECONDS, event.threadStartSeconds(), event.threadStartNanos(), out);
            case EventSchema.POLICIES_MESSAGE -> out.setList(this, handle(EventSchema.MATCHED_LIST, 0));
            case EventSchema.WORKLOAD_MESSAGE -> workloadField(field, out);
            case EventSchema.PROCESS_MESSAGE -> processField(field, out);
            case EventSchema.THREAD_MESSAGE -> threadField(field, out);
            case EventSchema.PID_MESSAGE -> out.setUint(GoTypes.UINT32, event.pid());
            case EventSchema.HOST_PID_MESSAGE -> out.setUint(GoTypes.UINT32, event.hostPid());
            case EventSchema.REAL_USER_ID_MESSAGE -> out.setUint(GoTypes.UINT32, event.realUserId());
            case EventSchema.USER_ID_MESSAGE -> out.setUint(GoTypes.UINT32, event.userId());
            case EventSchema.REAL_USER_MESSAGE -> message(EventSchema.REAL_USER_ID_MESSAGE, PresenceDecoder.realUserId(presence), out);
            case EventSchema.USER_MESSAGE -> message(EventSchema.USER_ID_MESSAGE, PresenceDecoder.userId(presence), out);
            case EventSchema.EXECUTABLE_MESSAGE -> string(EventRecordView.EXECUTABLE_PATH, out);
            case EventSchema.CONTAINER_MESSAGE -> containerField(field, out);
            case EventSchema.IMAGE_MESSAGE ->
                string(field == FieldNames.ID ? EventRecordView.CONTAINER_IMAGE_ID : EventRecordView.CONTAINER_IMAGE_NAME, out);
            case EventSchema.POD_MESSAGE -> string(field == FieldNames.NAME ? EventRecordView.POD_NAME
                : field == FieldNames.UID ? EventRecordView.POD_UID : EventRecordView.POD_NAMESPACE, out);
            case EventSchema.THREAT_MESSAGE -> threatField(field, out);
            case EventSchema.MITRE_MESSAGE -> message(field == FieldNames.TACTIC ? EventSchema.TACTIC_MESSAGE
                : EventSchema.TECHNIQUE_MESSAGE, field == FieldNames.TACTIC ? PresenceDecoder.tactic(presence)
                : PresenceDecoder.technique(presence), out);
            case EventSchema.TACTIC_MESSAGE -> string(EventRecordView.TACTIC_NAME, out);
            case EventSchema.TECHNIQUE_MESSAGE -> string(field == FieldNames.ID ? EventRecordView.TECHNIQUE_ID
                : field == FieldNames.EXTERNAL_ID ? EventRecordView.TECHNIQUE_EXTERNAL_ID : EventRecordView.TECHNIQUE_NAME, out);
            case EventSchema.ANCESTOR_MESSAGE, EventSchema.ANCESTOR_EXECUTABLE_MESSAGE -> ancestors.field(this, type, index, field, out);
            default -> values.field(type, index, field, out);
        }
        return true;
    }

    private void eventField(final int field, final Value out)
    {
        switch (field)
        {
            case FieldNames.TIMESTAMP -> message(EventSchema.TIMESTAMP_MESSAGE, PresenceDecoder.timestamp(presence), out);
            case FieldNames.ID -> out.setEnum(this, handle(EventSchema.EVENT_ID_ENUM, 0), event.eventId());
            case FieldNames.NAME -> name(event.eventId(), EventRecordView.NAME, PresenceDecoder.nameAsStored(presence), eventName, out);
            case FieldNames.POLICIES -> message(EventSchema.POLICIES_MESSAGE, PresenceDecoder.policies(presence), out);
            case FieldNames.WORKLOAD -> message(EventSchema.WORKLOAD_MESSAGE, PresenceDecoder.workload(presence), out);
            case FieldNames.DATA -> out.setList(this, handle(EventSchema.DATA_LIST, 0));
            case FieldNames.THREAT -> message(EventSchema.THREAT_MESSAGE, PresenceDecoder.threat(presence), out);
            default -> message(EventSchema.DETECTED_FROM_MESSAGE, PresenceDecoder.detectedFrom(presence), out);
        }
    }

    private void detectedFromField(final int field, final Value out)
    {
        switch (field)
        {
            case FieldNames.ID -> out.setEnum(this, handle(EventSchema.EVENT_ID_ENUM, 0), event.detectedFromId());
            case FieldNames.NAME -> name(event.detectedFromId(), EventRecordView.DETECTED_FROM_NAME,
                PresenceDecoder.detectedFromNameAsStored(presence), detectedFromName, out);
            case FieldNames.DATA -> out.setList(this, handle(EventSchema.DETECTED_DATA_LIST, 0));
            case FieldNames.TIMESTAMP -> message(EventSchema.TIMESTAMP_MESSAGE, false, out);
            case FieldNames.POLICIES -> message(EventSchema.POLICIES_MESSAGE, false, out);
            case FieldNames.WORKLOAD -> message(EventSchema.WORKLOAD_MESSAGE, false, out);
            case FieldNames.THREAT -> message(EventSchema.THREAT_MESSAGE, false, out);
            default -> message(EventSchema.DETECTED_FROM_MESSAGE, false, out);
        }
    }

    /**
     * The name rule: the record's name, or when it is empty the catalog's name for the id, unless the record says the
     * name is as stored.
     */
    private void name(final int id, final int string, final boolean asStored, final UnsafeBuffer catalogName, final Value out)
    {
        if (view.stringLength(string) > 0 || asStored)
        {
            string(string, out);
            return;
        }
        final byte[] name = catalog.nameBytes(id);
        if (name == null)
        {
            out.setString(EMPTY, 0, 0);
            return;
        }
        catalogName.wrap(name);
        out.setString(catalogName, 0, name.length);
    }

    private void workloadField(final int field, final Value out)
    {
        switch (field)
        {
            case FieldNames.PROCESS -> message(EventSchema.PROCESS_MESSAGE, PresenceDecoder.process(presence), out);
            case FieldNames.CONTAINER -> message(EventSchema.CONTAINER_MESSAGE, PresenceDecoder.container(presence), out);
            default -> message(EventSchema.POD_MESSAGE, PresenceDecoder.pod(presence), out);
        }
    }

    private void processField(final int field, final Value out)
    {
        switch (field)
        {
            case FieldNames.THREAD -> message(EventSchema.THREAD_MESSAGE, PresenceDecoder.thread(presence), out);
            case FieldNames.PID -> message(EventSchema.PID_MESSAGE, PresenceDecoder.pid(presence), out);
            case FieldNames.REAL_USER -> message(EventSchema.REAL_USER_MESSAGE, PresenceDecoder.realUser(presence), out);
            case FieldNames.EXECUTABLE -> message(EventSchema.EXECUTABLE_MESSAGE, PresenceDecoder.executable(presence), out);
            case FieldNames.ANCESTORS -> out.setList(this, handle(EventSchema.ANCESTOR_LIST, 0));
            case FieldNames.UNIQUE_ID -> out.setUint(GoTypes.UINT64, event.processUniqueId());
            case FieldNames.HOST_PID -> message(EventSchema.HOST_PID_MESSAGE, PresenceDecoder.hostPid(presence), out);
            default -> message(EventSchema.USER_MESSAGE, PresenceDecoder.user(presence), out);
        }
    }

    private void threadField(final int field, final Value out)
    {
        switch (field)
        {
            case FieldNames.NAME -> string(EventRecordView.THREAD_NAME, out);
            case FieldNames.START_TIME -> message(EventSchema.START_TIME_MESSAGE, PresenceDecoder.threadStartTime(presence), out);
            case FieldNames.UNIQUE_ID -> out.setUint(GoTypes.UINT64, event.threadUniqueId());
            case FieldNames.HOST_TID -> out.setUint(GoTypes.UINT32, event.hostTid());
            case FieldNames.TID -> out.setUint(GoTypes.UINT32, event.tid());
            case FieldNames.SYSCALL -> string(EventRecordView.SYSCALL, out);
            default -> out.setBool(event.compat() != 0);
        }
    }

    private void containerField(final int field, final Value out)
    {
        switch (field)
        {
            case FieldNames.ID -> string(EventRecordView.CONTAINER_ID, out);
            case FieldNames.NAME -> string(EventRecordView.CONTAINER_NAME, out);
            case FieldNames.IMAGE -> message(EventSchema.IMAGE_MESSAGE, PresenceDecoder.containerImage(presence), out);
            default -> out.setBool(event.containerIsRunning() != 0);
        }
    }

    private void threatField(final int field, final Value out)
    {
        switch (field)
        {
            case FieldNames.NAME -> string(EventRecordView.THREAT_NAME, out);
            case FieldNames.DESCRIPTION -> string(EventRecordView.THREAT_DESCRIPTION, out);
            case FieldNames.MITRE -> message(EventSchema.MITRE_MESSAGE, PresenceDecoder.mitre(presence), out);
            case FieldNames.SEVERITY -> out.setEnum(this, handle(EventSchema.SEVERITY_ENUM, 0), event.threatSeverity());
            default -> out.setMap(this, handle(EventSchema.PROPERTIES_MAP, 0));
        }
    }

    private static void timestamp(final boolean seconds, final long secondsValue, final int nanos, final Value out)
    {
        if (seconds)
        {
            out.setInt(GoTypes.INT64, secondsValue);
        }
        else
        {
            out.setInt(GoTypes.INT32, nanos);
        }
    }

    private void message(final int type, final boolean present, final Value out)
    {
        out.setMessage(this, handle(type, 0), !present);
    }

    private void string(final int which, final Value out)
    {
        out.setString(view.buffer(), view.stringOffset(which), view.stringLength(which));
    }

    @Override
    public int size(final long composite)
    {
        return switch (EventSchema.type(composite))
        {
            case EventSchema.MATCHED_LIST -> matchedCount();
            case EventSchema.ANCESTOR_LIST -> ancestors.count();
            case EventSchema.PROPERTIES_MAP -> properties.size();
            default -> values.size(composite);
        };
    }

    @Override
    public void element(final long list, final int index, final Value out)
    {
        switch (EventSchema.type(list))
        {
            case EventSchema.MATCHED_LIST -> matched(index, out);
            case EventSchema.ANCESTOR_LIST -> out.setMessage(this, handle(EventSchema.ANCESTOR_MESSAGE, index), false);
            default -> values.element(list, index, out);
        }
    }

    private int matchedCount()
    {
        final long matched = PresenceDecoder.policies(presence) ? event.policiesMatched() : 0;
        int count = 0;
        for (int bit = 0; bit < policyNames.length; bit++)
        {
            if ((matched & (1L << bit)) != 0 && policyNames[bit] != null)
            {
                count++;
            }
        }
        return count;
    }

    private void matched(final int index, final Value out)
    {
        final long matched = event.policiesMatched();
        int seen = 0;
        for (int bit = 0; bit < policyNames.length; bit++)
        {
            if ((matched & (1L << bit)) != 0 && policyNames[bit] != null && seen++ == index)
            {
                out.setString(policyNames[bit], 0, policyNames[bit].capacity());
                return;
            }
        }
    }

    @Override
    public void key(final long map, final int index, final Value out)
    {
        properties.key(index, out);
    }

    @Override
    public void entry(final long map, final int index, final Value out)
    {
        properties.value(index, out);
    }

    @Override
    public boolean lookup(final long map, final DirectBuffer key, final int offset, final int length, final Value out)
    {
        return properties.lookup(key, offset, length, out);
    }

    @Override
    public void zeroElement(final long map, final Value out)
    {
        out.setString(EMPTY, 0, 0);
    }

    @Override
    public int fieldCount(final long message)
    {
        return EventSchema.fields(message).length;
    }

    @Override
    public String fieldName(final long message, final int index)
    {
        return FieldNames.nameOf(EventSchema.fields(message)[index]);
    }

    @Override
    public boolean fieldAt(final long message, final int index, final Value out)
    {
        final int field = EventSchema.fields(message)[index];
        if (EventSchema.type(message) == EventSchema.EVENT_VALUE_MESSAGE)
        {
            return values.memberSet(EventSchema.index(message), field, out);
        }
        read(message, field, out);
        return out.kind == Value.MESSAGE ? !out.nil : out.truth();
    }

    @Override
    public byte[] enumName(final long enumType, final long number)
    {
        return enums.name(EventSchema.type(enumType), number);
    }
}
