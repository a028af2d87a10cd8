package io.sluice.filter.field;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.EventEncoder;
import io.sluice.codec.sbe.FilterOnlyFields;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.codec.sbe.MessageHeaderEncoder;
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
 * string or list empty, a name empty "as stored" (the catalog rule no longer applies). Without {@code id} the record's id becomes 0 and a kept {@code name} is written
 * out (the name rule could not give it back); the same for {@code detected_from}. The fields no output prints
 * (gid, cgroup, namespaces, {@link FilterOnlyFields}) are copied. The caller keeps the event's own id and matched
 * policies for routing. Reuses its flyweights; allocates nothing.
 */
final class FieldMaskEncoder
{
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final EventDecoder from = new EventDecoder();
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final EventEncoder to = new EventEncoder();
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
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
        to.wrapAndApplyHeader(out, 0, headerEncoder)
            .timestampSeconds(TIMESTAMP_SECONDS.clears(keep) ? 0 : from.timestampSeconds())
            .timestampNanos(TIMESTAMP_NANOS.clears(keep) ? 0 : from.timestampNanos())
            .eventId(ID.clears(keep) ? 0 : from.eventId())
            .policiesMatched(POLICIES_MATCHED.clears(keep) ? 0 : from.policiesMatched())
            .pid(PID_VALUE.clears(keep) ? 0 : from.pid())
            .hostPid(HOST_PID_VALUE.clears(keep) ? 0 : from.hostPid())
            .tid(THREAD_TID.clears(keep) ? 0 : from.tid())
            .hostTid(THREAD_HOST_TID.clears(keep) ? 0 : from.hostTid())
            .processUniqueId(PROCESS_UNIQUE_ID.clears(keep) ? 0 : from.processUniqueId())
            .threadUniqueId(THREAD_UNIQUE_ID.clears(keep) ? 0 : from.threadUniqueId())
            .threadStartSeconds(THREAD_START_TIME_SECONDS.clears(keep) ? 0 : from.threadStartSeconds())
            .threadStartNanos(THREAD_START_TIME_NANOS.clears(keep) ? 0 : from.threadStartNanos())
            .realUserId(REAL_USER_ID_VALUE.clears(keep) ? 0 : from.realUserId())
            .userId(USER_ID_VALUE.clears(keep) ? 0 : from.userId())
            .compat(THREAD_COMPAT.clears(keep) ? 0 : from.compat())
            .containerIsRunning(CONTAINER_IS_RUNNING.clears(keep) ? 0 : from.containerIsRunning())
            .threatSeverity(THREAT_SEVERITY.clears(keep) ? 0 : from.threatSeverity())
            .detectedFromId(DETECTED_FROM_ID.clears(keep) ? 0 : from.detectedFromId())
            .gid(from.gid())
            .cgroupId(from.cgroupId())
            .mntNsId(from.mntNsId())
            .pidNsId(from.pidNsId());
        FilterOnlyFields.copy(from, to);
        final int presenceIn = in.getInt(from.presence().offset(), ByteOrder.LITTLE_ENDIAN);
        int presence = dropMessages(keep, presenceIn);

        final boolean ancestorsKept = !ANCESTORS.clears(keep);
        final EventDecoder.AncestorsDecoder ancestors = from.ancestors();
        final EventEncoder.AncestorsEncoder ancestorsOut = to.ancestorsCount(ancestorsKept ? ancestors.count() : 0);
        while (ancestors.hasNext())
        {
            ancestors.next();
            if (ancestorsKept)
            {
                ancestorsOut.next().uniqueId(ancestors.uniqueId()).hostPid(ancestors.hostPid()).pid(ancestors.pid());
                ancestors.wrapExecutablePath(view);
                ancestorsOut.putExecutablePath(view, 0, view.capacity());
            }
            else
            {
                ancestors.sbeSkip();
            }
        }
        final boolean dataKept = !DATA.clears(keep);
        final EventDecoder.DataDecoder data = from.data();
        final EventEncoder.DataEncoder dataOut = to.dataCount(dataKept ? data.count() : 0);
        while (data.hasNext())
        {
            data.next();
            if (dataKept)
            {
                dataOut.next().intValue(data.intValue());
                // the raw type: a value type this build does not know is copied, not refused
                final int entry = to.limit() - EventEncoder.DataEncoder.sbeBlockLength();
                out.putByte(entry + EventEncoder.DataEncoder.valueTypeEncodingOffset(), (byte)data.valueTypeRaw());
                data.wrapName(view);
                dataOut.putName(view, 0, view.capacity());
                data.wrapValue(view);
                dataOut.putValue(view, 0, view.capacity());
            }
            else
            {
                data.sbeSkip();
            }
        }
        final boolean detectedDataKept = !DETECTED_FROM_DATA.clears(keep);
        final EventDecoder.DetectedFromDataDecoder detected = from.detectedFromData();
        final EventEncoder.DetectedFromDataEncoder detectedOut = to.detectedFromDataCount(detectedDataKept ? detected.count() : 0);
        while (detected.hasNext())
        {
            detected.next();
            if (detectedDataKept)
            {
                detectedOut.next().intValue(detected.intValue());
                // the raw type: a value type this build does not know is copied, not refused
                final int entry = to.limit() - EventEncoder.DetectedFromDataEncoder.sbeBlockLength();
                out.putByte(entry + EventEncoder.DetectedFromDataEncoder.valueTypeEncodingOffset(), (byte)detected.valueTypeRaw());
                detected.wrapName(view);
                detectedOut.putName(view, 0, view.capacity());
                detected.wrapValue(view);
                detectedOut.putValue(view, 0, view.capacity());
            }
            else
            {
                detected.sbeSkip();
            }
        }
        final boolean propertiesKept = !THREAT_PROPERTIES.clears(keep);
        final EventDecoder.ThreatPropertiesDecoder properties = from.threatProperties();
        final EventEncoder.ThreatPropertiesEncoder propertiesOut = to.threatPropertiesCount(propertiesKept ? properties.count() : 0);
        while (properties.hasNext())
        {
            properties.next();
            if (propertiesKept)
            {
                properties.wrapKey(view);
                propertiesOut.next().putKey(view, 0, view.capacity());
                properties.wrapValue(view);
                propertiesOut.putValue(view, 0, view.capacity());
            }
            else
            {
                properties.sbeSkip();
            }
        }

        from.wrapName(view);
        to.putName(view, 0, name(keep, NAME, ID, from.eventId(), PresenceDecoder.nameAsStored(presenceIn)));
        if (NAME.clears(keep) || ID.clears(keep))
        {
            presence = PresenceEncoder.nameAsStored(presence, true);
        }
        from.wrapThreadName(view);
        to.putThreadName(view, 0, THREAD_NAME.clears(keep) ? 0 : view.capacity());
        from.wrapSyscall(view);
        to.putSyscall(view, 0, THREAD_SYSCALL.clears(keep) ? 0 : view.capacity());
        from.wrapExecutablePath(view);
        to.putExecutablePath(view, 0, EXECUTABLE_PATH.clears(keep) ? 0 : view.capacity());
        from.wrapContainerId(view);
        to.putContainerId(view, 0, CONTAINER_ID.clears(keep) ? 0 : view.capacity());
        from.wrapContainerName(view);
        to.putContainerName(view, 0, CONTAINER_NAME.clears(keep) ? 0 : view.capacity());
        from.wrapContainerImageId(view);
        to.putContainerImageId(view, 0, CONTAINER_IMAGE_ID.clears(keep) ? 0 : view.capacity());
        from.wrapContainerImageName(view);
        to.putContainerImageName(view, 0, CONTAINER_IMAGE_NAME.clears(keep) ? 0 : view.capacity());
        from.wrapPodName(view);
        to.putPodName(view, 0, POD_NAME.clears(keep) ? 0 : view.capacity());
        from.wrapPodUid(view);
        to.putPodUid(view, 0, POD_UID.clears(keep) ? 0 : view.capacity());
        from.wrapPodNamespace(view);
        to.putPodNamespace(view, 0, POD_NAMESPACE.clears(keep) ? 0 : view.capacity());
        from.wrapThreatName(view);
        to.putThreatName(view, 0, THREAT_NAME.clears(keep) ? 0 : view.capacity());
        from.wrapThreatDescription(view);
        to.putThreatDescription(view, 0, THREAT_DESCRIPTION.clears(keep) ? 0 : view.capacity());
        from.wrapTacticName(view);
        to.putTacticName(view, 0, TACTIC_NAME.clears(keep) ? 0 : view.capacity());
        from.wrapTechniqueId(view);
        to.putTechniqueId(view, 0, TECHNIQUE_ID.clears(keep) ? 0 : view.capacity());
        from.wrapTechniqueExternalId(view);
        to.putTechniqueExternalId(view, 0, TECHNIQUE_EXTERNAL_ID.clears(keep) ? 0 : view.capacity());
        from.wrapTechniqueName(view);
        to.putTechniqueName(view, 0, TECHNIQUE_NAME.clears(keep) ? 0 : view.capacity());
        from.wrapDetectedFromName(view);
        to.putDetectedFromName(view, 0, name(keep, DETECTED_FROM_NAME, DETECTED_FROM_ID, from.detectedFromId(),
            PresenceDecoder.detectedFromNameAsStored(presenceIn)));
        if (DETECTED_FROM_NAME.clears(keep) || DETECTED_FROM_ID.clears(keep))
        {
            presence = PresenceEncoder.detectedFromNameAsStored(presence, true);
        }
        out.putInt(to.presence().offset(), presence, ByteOrder.LITTLE_ENDIAN);
        return MessageHeaderEncoder.ENCODED_LENGTH + to.encodedLength();
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
