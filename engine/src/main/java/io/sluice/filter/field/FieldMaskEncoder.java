package io.sluice.filter.field;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.EventRecordWriter;
import io.sluice.codec.sbe.EventVarData;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.codec.sbe.FilterOnlyFields;
import io.sluice.codec.sbe.PresenceDecoder;
import io.sluice.codec.sbe.PresenceEncoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

import static io.sluice.filter.field.EventField.ANCESTORS;
import static io.sluice.filter.field.EventField.CONTAINER;
import static io.sluice.filter.field.EventField.CONTAINER_ID;
import static io.sluice.filter.field.EventField.CONTAINER_IMAGE;
import static io.sluice.filter.field.EventField.CONTAINER_IMAGE_ID;
import static io.sluice.filter.field.EventField.CONTAINER_IMAGE_NAME;
import static io.sluice.filter.field.EventField.CONTAINER_IS_RUNNING;
import static io.sluice.filter.field.EventField.CONTAINER_NAME;
import static io.sluice.filter.field.EventField.DATA;
import static io.sluice.filter.field.EventField.DETECTED_FROM;
import static io.sluice.filter.field.EventField.DETECTED_FROM_DATA;
import static io.sluice.filter.field.EventField.DETECTED_FROM_ID;
import static io.sluice.filter.field.EventField.DETECTED_FROM_NAME;
import static io.sluice.filter.field.EventField.EXECUTABLE;
import static io.sluice.filter.field.EventField.EXECUTABLE_PATH;
import static io.sluice.filter.field.EventField.HOST_PID;
import static io.sluice.filter.field.EventField.HOST_PID_VALUE;
import static io.sluice.filter.field.EventField.ID;
import static io.sluice.filter.field.EventField.MITRE;
import static io.sluice.filter.field.EventField.NAME;
import static io.sluice.filter.field.EventField.PID;
import static io.sluice.filter.field.EventField.PID_VALUE;
import static io.sluice.filter.field.EventField.POD;
import static io.sluice.filter.field.EventField.POD_NAME;
import static io.sluice.filter.field.EventField.POD_NAMESPACE;
import static io.sluice.filter.field.EventField.POD_UID;
import static io.sluice.filter.field.EventField.POLICIES;
import static io.sluice.filter.field.EventField.POLICIES_MATCHED;
import static io.sluice.filter.field.EventField.PROCESS;
import static io.sluice.filter.field.EventField.PROCESS_UNIQUE_ID;
import static io.sluice.filter.field.EventField.REAL_USER;
import static io.sluice.filter.field.EventField.REAL_USER_ID;
import static io.sluice.filter.field.EventField.REAL_USER_ID_VALUE;
import static io.sluice.filter.field.EventField.TACTIC;
import static io.sluice.filter.field.EventField.TACTIC_NAME;
import static io.sluice.filter.field.EventField.TECHNIQUE;
import static io.sluice.filter.field.EventField.TECHNIQUE_EXTERNAL_ID;
import static io.sluice.filter.field.EventField.TECHNIQUE_ID;
import static io.sluice.filter.field.EventField.TECHNIQUE_NAME;
import static io.sluice.filter.field.EventField.THREAD;
import static io.sluice.filter.field.EventField.THREAD_COMPAT;
import static io.sluice.filter.field.EventField.THREAD_HOST_TID;
import static io.sluice.filter.field.EventField.THREAD_NAME;
import static io.sluice.filter.field.EventField.THREAD_START_TIME;
import static io.sluice.filter.field.EventField.THREAD_START_TIME_NANOS;
import static io.sluice.filter.field.EventField.THREAD_START_TIME_SECONDS;
import static io.sluice.filter.field.EventField.THREAD_SYSCALL;
import static io.sluice.filter.field.EventField.THREAD_TID;
import static io.sluice.filter.field.EventField.THREAD_UNIQUE_ID;
import static io.sluice.filter.field.EventField.THREAD_USER_STACK_ADDRESSES;
import static io.sluice.filter.field.EventField.THREAD_USER_STACK_TRACE;
import static io.sluice.filter.field.EventField.THREAT;
import static io.sluice.filter.field.EventField.THREAT_DESCRIPTION;
import static io.sluice.filter.field.EventField.THREAT_NAME;
import static io.sluice.filter.field.EventField.THREAT_PROPERTIES;
import static io.sluice.filter.field.EventField.THREAT_SEVERITY;
import static io.sluice.filter.field.EventField.TIMESTAMP;
import static io.sluice.filter.field.EventField.TIMESTAMP_NANOS;
import static io.sluice.filter.field.EventField.TIMESTAMP_SECONDS;
import static io.sluice.filter.field.EventField.USER;
import static io.sluice.filter.field.EventField.USER_ID;
import static io.sluice.filter.field.EventField.USER_ID_VALUE;
import static io.sluice.filter.field.EventField.WORKLOAD;

/**
 * Copies an event record keeping only some fields (a set of {@link EventField} bits in which a kept field's
 * messages are kept too): a dropped message loses its presence bit and every dropped field is cleared (a journal
 * stores the record, so what a filter drops is written nowhere): a scalar becomes its proto3 default (not printed), a
 * string or list empty, a name empty "as stored" (the catalog rule no longer applies).
 * Without {@code id} the record's id becomes 0 and a kept {@code name} is written
 * out (the name rule could not give it back); the same for {@code detected_from}. The fields no output prints
 * (gid, cgroup, namespaces, {@link FilterOnlyFields}) are copied. The caller keeps the event's own id and matched
 * policies for routing. Reuses its flyweights; allocates nothing.
 */
final class FieldMaskEncoder
{
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final EventDecoder from = new EventDecoder();
    /** The field that clears each variable-length field (by {@link EventVarData} number), names aside. */
    private static final EventField[] VAR_DATA_FIELDS = {
        NAME, THREAD_NAME, THREAD_SYSCALL, EXECUTABLE_PATH, CONTAINER_ID, CONTAINER_NAME, CONTAINER_IMAGE_ID,
        CONTAINER_IMAGE_NAME, POD_NAME, POD_UID, POD_NAMESPACE, THREAT_NAME, THREAT_DESCRIPTION, TACTIC_NAME,
        TECHNIQUE_ID, TECHNIQUE_EXTERNAL_ID, TECHNIQUE_NAME, DETECTED_FROM_NAME, THREAD_USER_STACK_ADDRESSES};

    private final EventRecordWriter to = new EventRecordWriter();
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private final UnsafeBuffer value = new UnsafeBuffer(0, 0);
    private final EventCatalog catalog;

    FieldMaskEncoder(final EventCatalog catalog)
    {
        this.catalog = catalog;
    }

    /**
     * @param keep   the fields kept (with the messages they sit in).
     * @param in     the record's buffer.
     * @param offset its offset.
     * @param out    where the copy goes, from index 0 (not {@code in}).
     * @return the copy's length.
     */
    int encode(final long keep, final DirectBuffer in, final int offset, final MutableDirectBuffer out)
    {
        headerDecoder.wrap(in, offset);
        from.wrap(in, offset + MessageHeaderDecoder.ENCODED_LENGTH, headerDecoder.blockLength(), headerDecoder.version());
        to.wrap(out, 0).block()
            .timestamp(TIMESTAMP_SECONDS.clears(keep) ? 0 : from.timestampSeconds(),
                TIMESTAMP_NANOS.clears(keep) ? 0 : from.timestampNanos())
            .id(ID.clears(keep) ? 0 : from.eventId(), POLICIES_MATCHED.clears(keep) ? 0 : from.policiesMatched())
            .process(PID_VALUE.clears(keep) ? 0 : from.pid(), HOST_PID_VALUE.clears(keep) ? 0 : from.hostPid(),
                PROCESS_UNIQUE_ID.clears(keep) ? 0 : from.processUniqueId())
            .thread(THREAD_TID.clears(keep) ? 0 : from.tid(), THREAD_HOST_TID.clears(keep) ? 0 : from.hostTid(),
                THREAD_UNIQUE_ID.clears(keep) ? 0 : from.threadUniqueId(), THREAD_COMPAT.clears(keep) ? 0 : from.compat())
            .threadStart(THREAD_START_TIME_SECONDS.clears(keep) ? 0 : from.threadStartSeconds(),
                THREAD_START_TIME_NANOS.clears(keep) ? 0 : from.threadStartNanos())
            .users(REAL_USER_ID_VALUE.clears(keep) ? 0 : from.realUserId(), USER_ID_VALUE.clears(keep) ? 0 : from.userId())
            .containerIsRunning(CONTAINER_IS_RUNNING.clears(keep) ? 0 : from.containerIsRunning())
            .detection(THREAT_SEVERITY.clears(keep) ? 0 : from.threatSeverity(),
                DETECTED_FROM_ID.clears(keep) ? 0 : from.detectedFromId())
            .kernelContext(from.gid(), from.cgroupId(), from.mntNsId(), from.pidNsId())
            .filterOnlyFields(from);
        final int presenceIn = in.getInt(from.presence().offset(), ByteOrder.LITTLE_ENDIAN);
        int presence = dropMessages(keep, presenceIn);

        to.ancestorsFrom(from, !ANCESTORS.clears(keep));
        copyDataGroups(!DATA.clears(keep), !DETECTED_FROM_DATA.clears(keep));
        copyThreatProperties(!THREAT_PROPERTIES.clears(keep));

        EventVarData.wrap(from, EventVarData.NAME, view);
        to.varData(EventVarData.NAME, view, 0, name(keep, NAME, ID, from.eventId(), PresenceDecoder.nameAsStored(presenceIn)));
        if (NAME.clears(keep) || ID.clears(keep))
        {
            presence = PresenceEncoder.nameAsStored(presence, true);
        }
        for (int field = EventVarData.THREAD_NAME; field < EventVarData.DETECTED_FROM_NAME; field++)
        {
            to.varDataFrom(from, field, !VAR_DATA_FIELDS[field].clears(keep));
        }
        EventVarData.wrap(from, EventVarData.DETECTED_FROM_NAME, view);
        to.varData(EventVarData.DETECTED_FROM_NAME, view, 0, name(keep, DETECTED_FROM_NAME, DETECTED_FROM_ID,
            from.detectedFromId(), PresenceDecoder.detectedFromNameAsStored(presenceIn)));
        if (DETECTED_FROM_NAME.clears(keep) || DETECTED_FROM_ID.clears(keep))
        {
            presence = PresenceEncoder.detectedFromNameAsStored(presence, true);
        }
        to.varDataFrom(from, EventVarData.USER_STACK, !VAR_DATA_FIELDS[EventVarData.USER_STACK].clears(keep));
        to.block().presence(presence);
        return to.finish();
    }

    /** Copies {@code data} and {@code detectedFromData}, each kept whole or emptied (the generated groups share no type). */
    private void copyDataGroups(final boolean dataKept, final boolean detectedKept)
    {
        final EventDecoder.DataDecoder data = from.data();
        to.data(dataKept ? data.count() : 0);
        for (final EventDecoder.DataDecoder entry : data)
        {
            entry.wrapName(view);
            entry.wrapValue(value);
            copyEntry(dataKept, entry.valueTypeRaw(), entry.intValue());
        }
        final EventDecoder.DetectedFromDataDecoder detected = from.detectedFromData();
        to.detectedFromData(detectedKept ? detected.count() : 0);
        for (final EventDecoder.DetectedFromDataDecoder entry : detected)
        {
            entry.wrapName(view);
            entry.wrapValue(value);
            copyEntry(detectedKept, entry.valueTypeRaw(), entry.intValue());
        }
    }

    /** One data entry, its name in {@link #view} and value in {@link #value}; the raw type: an unknown one is copied. */
    private void copyEntry(final boolean kept, final short valueType, final long intValue)
    {
        if (kept)
        {
            to.dataEntry(valueType, intValue, view, 0, view.capacity(), value, 0, value.capacity());
        }
    }

    private void copyThreatProperties(final boolean kept)
    {
        final EventDecoder.ThreatPropertiesDecoder properties = from.threatProperties();
        to.threatProperties(kept ? properties.count() : 0);
        while (properties.hasNext())
        {
            properties.next();
            if (kept)
            {
                properties.wrapKey(view);
                properties.wrapValue(value);
                to.threatProperty(view, 0, view.capacity(), value, 0, value.capacity());
            }
            else
            {
                properties.sbeSkip();
            }
        }
    }

    /**
     * @return the presence bits without those of the messages not kept (a kept message's own messages are kept or
     *         dropped by their own bits; the decoders ignore a message whose parent is absent).
     */
    private static int dropMessages(final long keep, final int presenceIn)
    {
        int p = presenceIn;
        p = TIMESTAMP.in(keep) ? p : PresenceEncoder.timestamp(p, false);
        p = POLICIES.in(keep) ? p : PresenceEncoder.policies(p, false);
        p = WORKLOAD.in(keep) ? p : PresenceEncoder.workload(p, false);
        p = PROCESS.in(keep) ? p : PresenceEncoder.process(p, false);
        p = THREAD.in(keep) ? p : PresenceEncoder.thread(p, false);
        p = THREAD_START_TIME.in(keep) ? p : PresenceEncoder.threadStartTime(p, false);
        p = THREAD_USER_STACK_TRACE.in(keep) ? p : PresenceEncoder.userStackTrace(p, false);
        p = PID.in(keep) ? p : PresenceEncoder.pid(p, false);
        p = REAL_USER.in(keep) ? p : PresenceEncoder.realUser(p, false);
        p = REAL_USER_ID.in(keep) ? p : PresenceEncoder.realUserId(p, false);
        p = EXECUTABLE.in(keep) ? p : PresenceEncoder.executable(p, false);
        p = HOST_PID.in(keep) ? p : PresenceEncoder.hostPid(p, false);
        p = USER.in(keep) ? p : PresenceEncoder.user(p, false);
        p = USER_ID.in(keep) ? p : PresenceEncoder.userId(p, false);
        p = CONTAINER.in(keep) ? p : PresenceEncoder.container(p, false);
        p = CONTAINER_IMAGE.in(keep) ? p : PresenceEncoder.containerImage(p, false);
        p = POD.in(keep) ? p : PresenceEncoder.pod(p, false);
        p = THREAT.in(keep) ? p : PresenceEncoder.threat(p, false);
        p = MITRE.in(keep) ? p : PresenceEncoder.mitre(p, false);
        p = TACTIC.in(keep) ? p : PresenceEncoder.tactic(p, false);
        p = TECHNIQUE.in(keep) ? p : PresenceEncoder.technique(p, false);
        return DETECTED_FROM.in(keep) ? p : PresenceEncoder.detectedFrom(p, false);
    }

    /**
     * The name to write: the stored one (in {@link #view} on entry), empty when dropped, written out from the
     * catalog when the id beside it is dropped (the name rule could not give it back). Leaves it in {@link #view}.
     *
     * @return its length.
     */
    private int name(final long keep, final EventField name, final EventField id, final int eventId, final boolean asStored)
    {
        if (name.clears(keep))
        {
            return 0;
        }
        if (id.clears(keep) && view.capacity() == 0 && !asStored)
        {
            final byte[] catalogName = catalog.nameBytes(eventId);
            if (catalogName != null)
            {
                view.wrap(catalogName);
            }
        }
        return view.capacity();
    }
}
