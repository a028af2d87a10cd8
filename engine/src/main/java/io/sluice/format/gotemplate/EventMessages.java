package io.sluice.format.gotemplate;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.EventRecordView;
import io.sluice.codec.sbe.EventVarData;
import io.sluice.codec.sbe.PresenceDecoder;
import org.agrona.concurrent.UnsafeBuffer;

import static io.sluice.format.gotemplate.EventSchema.handle;

/**
 * The fields of the event's fixed messages ({@code Event}, {@code detected_from}, {@code Workload}, {@code Process},
 * {@code Thread}, the {@code UInt32Value}s, {@code Container}, {@code Pod}, {@code Threat}...) read from the located
 * record: presence bits make absent sub-messages nil, strings are byte ranges of the record, the event's name follows
 * the catalog rule. Entries of {@code data}, ancestors and stack frames are handed to {@link EventValues},
 * {@link Ancestors} and {@link UserStack}.
 */
final class EventMessages
{
    private static final UnsafeBuffer EMPTY = new UnsafeBuffer(new byte[0]);

    private final TemplateData owner;
    private final EventCatalog catalog;
    private final EventValues values;
    private final Ancestors ancestors;
    private final UserStack userStack;
    private final UnsafeBuffer eventName = new UnsafeBuffer(0, 0);
    private final UnsafeBuffer detectedFromName = new UnsafeBuffer(0, 0);
    private EventRecordView view;
    private EventDecoder event;
    private int presence;

    EventMessages(final TemplateData owner, final EventCatalog catalog, final EventValues values, final Ancestors ancestors,
        final UserStack userStack)
    {
        this.owner = owner;
        this.catalog = catalog;
        this.values = values;
        this.ancestors = ancestors;
        this.userStack = userStack;
    }

    void wrap(final EventRecordView record)
    {
        view = record;
        event = record.event();
        presence = record.presence();
    }

    /**
     * Reads a field the message's type has.
     */
    void read(final long message, final int field, final Value out)
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
            case EventSchema.POLICIES_MESSAGE -> out.setList(owner, handle(EventSchema.MATCHED_LIST, 0));
            case EventSchema.WORKLOAD_MESSAGE -> workloadField(field, out);
            case EventSchema.PROCESS_MESSAGE -> processField(field, out);
            case EventSchema.THREAD_MESSAGE -> threadField(field, out);
            case EventSchema.PID_MESSAGE -> out.setUint(GoTypes.UINT32, event.pid());
            case EventSchema.HOST_PID_MESSAGE -> out.setUint(GoTypes.UINT32, event.hostPid());
            case EventSchema.REAL_USER_ID_MESSAGE -> out.setUint(GoTypes.UINT32, event.realUserId());
            case EventSchema.USER_ID_MESSAGE -> out.setUint(GoTypes.UINT32, event.userId());
            case EventSchema.REAL_USER_MESSAGE -> message(EventSchema.REAL_USER_ID_MESSAGE, PresenceDecoder.realUserId(presence), out);
            case EventSchema.USER_MESSAGE -> message(EventSchema.USER_ID_MESSAGE, PresenceDecoder.userId(presence), out);
            case EventSchema.EXECUTABLE_MESSAGE -> string(EventVarData.EXECUTABLE_PATH, out);
            case EventSchema.CONTAINER_MESSAGE -> containerField(field, out);
            case EventSchema.IMAGE_MESSAGE ->
                string(field == FieldNames.ID ? EventVarData.CONTAINER_IMAGE_ID : EventVarData.CONTAINER_IMAGE_NAME, out);
            case EventSchema.POD_MESSAGE -> string(field == FieldNames.NAME ? EventVarData.POD_NAME
                : field == FieldNames.UID ? EventVarData.POD_UID : EventVarData.POD_NAMESPACE, out);
            case EventSchema.THREAT_MESSAGE -> threatField(field, out);
            case EventSchema.MITRE_MESSAGE -> message(field == FieldNames.TACTIC ? EventSchema.TACTIC_MESSAGE
                : EventSchema.TECHNIQUE_MESSAGE, field == FieldNames.TACTIC ? PresenceDecoder.tactic(presence)
                : PresenceDecoder.technique(presence), out);
            case EventSchema.TACTIC_MESSAGE -> string(EventVarData.TACTIC_NAME, out);
            case EventSchema.TECHNIQUE_MESSAGE -> string(field == FieldNames.ID ? EventVarData.TECHNIQUE_ID
                : field == FieldNames.EXTERNAL_ID ? EventVarData.TECHNIQUE_EXTERNAL_ID : EventVarData.TECHNIQUE_NAME, out);
            case EventSchema.ANCESTOR_MESSAGE, EventSchema.ANCESTOR_EXECUTABLE_MESSAGE -> ancestors.field(owner, type, index, field, out);
            case EventSchema.USER_STACK_MESSAGE -> out.setList(owner, handle(EventSchema.STACK_ADDRESS_LIST, 0));
            case EventSchema.STACK_ADDRESS_MESSAGE -> userStack.field(index, field, out);
            default -> values.field(type, index, field, out);
        }
    }

    private void eventField(final int field, final Value out)
    {
        switch (field)
        {
            case FieldNames.TIMESTAMP -> message(EventSchema.TIMESTAMP_MESSAGE, PresenceDecoder.timestamp(presence), out);
            case FieldNames.ID -> out.setEnum(owner, handle(EventSchema.EVENT_ID_ENUM, 0), event.eventId());
            case FieldNames.NAME -> name(event.eventId(), EventVarData.NAME, PresenceDecoder.nameAsStored(presence), eventName, out);
            case FieldNames.POLICIES -> message(EventSchema.POLICIES_MESSAGE, PresenceDecoder.policies(presence), out);
            case FieldNames.WORKLOAD -> message(EventSchema.WORKLOAD_MESSAGE, PresenceDecoder.workload(presence), out);
            case FieldNames.DATA -> out.setList(owner, handle(EventSchema.DATA_LIST, 0));
            case FieldNames.THREAT -> message(EventSchema.THREAT_MESSAGE, PresenceDecoder.threat(presence), out);
            default -> message(EventSchema.DETECTED_FROM_MESSAGE, PresenceDecoder.detectedFrom(presence), out);
        }
    }

    private void detectedFromField(final int field, final Value out)
    {
        switch (field)
        {
            case FieldNames.ID -> out.setEnum(owner, handle(EventSchema.EVENT_ID_ENUM, 0), event.detectedFromId());
            case FieldNames.NAME -> name(event.detectedFromId(), EventVarData.DETECTED_FROM_NAME,
                PresenceDecoder.detectedFromNameAsStored(presence), detectedFromName, out);
            case FieldNames.DATA -> out.setList(owner, handle(EventSchema.DETECTED_DATA_LIST, 0));
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
            case FieldNames.ANCESTORS -> out.setList(owner, handle(EventSchema.ANCESTOR_LIST, 0));
            case FieldNames.UNIQUE_ID -> out.setUint(GoTypes.UINT64, event.processUniqueId());
            case FieldNames.HOST_PID -> message(EventSchema.HOST_PID_MESSAGE, PresenceDecoder.hostPid(presence), out);
            default -> message(EventSchema.USER_MESSAGE, PresenceDecoder.user(presence), out);
        }
    }

    private void threadField(final int field, final Value out)
    {
        switch (field)
        {
            case FieldNames.NAME -> string(EventVarData.THREAD_NAME, out);
            case FieldNames.START_TIME -> message(EventSchema.START_TIME_MESSAGE, PresenceDecoder.threadStartTime(presence), out);
            case FieldNames.UNIQUE_ID -> out.setUint(GoTypes.UINT64, event.threadUniqueId());
            case FieldNames.HOST_TID -> out.setUint(GoTypes.UINT32, event.hostTid());
            case FieldNames.TID -> out.setUint(GoTypes.UINT32, event.tid());
            case FieldNames.SYSCALL -> string(EventVarData.SYSCALL, out);
            case FieldNames.USER_STACK_TRACE ->
                message(EventSchema.USER_STACK_MESSAGE, PresenceDecoder.userStackTrace(presence), out);
            default -> out.setBool(event.compat() != 0);
        }
    }

    private void containerField(final int field, final Value out)
    {
        switch (field)
        {
            case FieldNames.ID -> string(EventVarData.CONTAINER_ID, out);
            case FieldNames.NAME -> string(EventVarData.CONTAINER_NAME, out);
            case FieldNames.IMAGE -> message(EventSchema.IMAGE_MESSAGE, PresenceDecoder.containerImage(presence), out);
            default -> out.setBool(event.containerIsRunning() != 0);
        }
    }

    private void threatField(final int field, final Value out)
    {
        switch (field)
        {
            case FieldNames.NAME -> string(EventVarData.THREAT_NAME, out);
            case FieldNames.DESCRIPTION -> string(EventVarData.THREAT_DESCRIPTION, out);
            case FieldNames.MITRE -> message(EventSchema.MITRE_MESSAGE, PresenceDecoder.mitre(presence), out);
            case FieldNames.SEVERITY -> out.setEnum(owner, handle(EventSchema.SEVERITY_ENUM, 0), event.threatSeverity());
            default -> out.setMap(owner, handle(EventSchema.PROPERTIES_MAP, 0));
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
        out.setMessage(owner, handle(type, 0), !present);
    }

    private void string(final int which, final Value out)
    {
        out.setString(view.buffer(), view.stringOffset(which), view.stringLength(which));
    }
}
