package io.sluice.filter;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.EventEncoder;
import io.sluice.codec.sbe.FilterOnlyFields;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.codec.sbe.MessageHeaderEncoder;
import io.sluice.codec.sbe.PresenceEncoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

import static io.sluice.filter.EventField.ANCESTORS;
import static io.sluice.filter.EventField.CONTAINER;
import static io.sluice.filter.EventField.DATA;
import static io.sluice.filter.EventField.DETECTED_FROM;
import static io.sluice.filter.EventField.EXECUTABLE;
import static io.sluice.filter.EventField.HOST_PID;
import static io.sluice.filter.EventField.ID;
import static io.sluice.filter.EventField.NAME;
import static io.sluice.filter.EventField.PID;
import static io.sluice.filter.EventField.POD;
import static io.sluice.filter.EventField.POLICIES;
import static io.sluice.filter.EventField.PROCESS;
import static io.sluice.filter.EventField.PROCESS_UNIQUE_ID;
import static io.sluice.filter.EventField.REAL_USER;
import static io.sluice.filter.EventField.THREAD;
import static io.sluice.filter.EventField.THREAD_COMPAT;
import static io.sluice.filter.EventField.THREAD_HOST_TID;
import static io.sluice.filter.EventField.THREAD_NAME;
import static io.sluice.filter.EventField.THREAD_START_TIME;
import static io.sluice.filter.EventField.THREAD_SYSCALL;
import static io.sluice.filter.EventField.THREAD_TID;
import static io.sluice.filter.EventField.THREAD_UNIQUE_ID;
import static io.sluice.filter.EventField.THREAT;
import static io.sluice.filter.EventField.TIMESTAMP;
import static io.sluice.filter.EventField.USER;
import static io.sluice.filter.EventField.WORKLOAD;

/**
 * Copies an event record keeping only some fields: dropped messages lose their presence bit, dropped scalars
 * become proto3 defaults (not printed), dropped strings and lists become empty. Without {@code id} the record's id
 * becomes 0 and a kept {@code name} is written out (the name rule could not give it back). Reuses its buffers.
 */
final class FieldMaskEncoder
{
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final EventDecoder from = new EventDecoder();
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final EventEncoder to = new EventEncoder();
    private final EventCatalog catalog;
    private byte[] scratch = new byte[4096];

    FieldMaskEncoder(final EventCatalog catalog)
    {
        this.catalog = catalog;
    }

    /**
     * @param keep   the fields kept.
     * @param in     the record's buffer.
     * @param offset its offset.
     * @param out    where the copy goes, from index 0.
     * @return the copy's length.
     */
    int encode(final long keep, final DirectBuffer in, final int offset, final MutableDirectBuffer out)
    {
        headerDecoder.wrap(in, offset);
        from.wrap(in, offset + MessageHeaderDecoder.ENCODED_LENGTH, headerDecoder.blockLength(), headerDecoder.version());
        final boolean process = WORKLOAD.in(keep) && PROCESS.in(keep);
        final boolean thread = process && THREAD.in(keep);
        to.wrapAndApplyHeader(out, 0, headerEncoder)
            .timestampSeconds(TIMESTAMP.in(keep) ? from.timestampSeconds() : 0)
            .timestampNanos(TIMESTAMP.in(keep) ? from.timestampNanos() : 0)
            .eventId(ID.in(keep) ? from.eventId() : 0)
            .policiesMatched(from.policiesMatched())
            .pid(from.pid())
            .hostPid(from.hostPid())
            .tid(thread && THREAD_TID.in(keep) ? from.tid() : 0)
            .hostTid(thread && THREAD_HOST_TID.in(keep) ? from.hostTid() : 0)
            .processUniqueId(process && PROCESS_UNIQUE_ID.in(keep) ? from.processUniqueId() : 0)
            .threadUniqueId(thread && THREAD_UNIQUE_ID.in(keep) ? from.threadUniqueId() : 0)
            .threadStartSeconds(from.threadStartSeconds())
            .threadStartNanos(from.threadStartNanos())
            .realUserId(from.realUserId())
            .userId(from.userId())
            .compat(thread && THREAD_COMPAT.in(keep) ? from.compat() : 0)
            .containerIsRunning(from.containerIsRunning())
            .threatSeverity(from.threatSeverity())
            .detectedFromId(from.detectedFromId())
            .gid(from.gid())
            .cgroupId(from.cgroupId())
            .mntNsId(from.mntNsId())
            .pidNsId(from.pidNsId());
        FilterOnlyFields.copy(from, to);
        final PresenceEncoder presence = to.presence();
        out.putInt(presence.offset(), in.getInt(from.presence().offset(), ByteOrder.LITTLE_ENDIAN), ByteOrder.LITTLE_ENDIAN);
        if (!TIMESTAMP.in(keep))
        {
            presence.timestamp(false);
        }
        if (!POLICIES.in(keep))
        {
            presence.policies(false);
        }
        if (!WORKLOAD.in(keep))
        {
            presence.workload(false);
        }
        if (!process)
        {
            presence.process(false);
        }
        if (!thread)
        {
            presence.thread(false);
        }
        if (!thread || !THREAD_START_TIME.in(keep))
        {
            presence.threadStartTime(false);
        }
        if (!process || !PID.in(keep))
        {
            presence.pid(false);
        }
        if (!process || !REAL_USER.in(keep))
        {
            presence.realUser(false).realUserId(false);
        }
        if (!process || !EXECUTABLE.in(keep))
        {
            presence.executable(false);
        }
        if (!process || !HOST_PID.in(keep))
        {
            presence.hostPid(false);
        }
        if (!process || !USER.in(keep))
        {
            presence.user(false).userId(false);
        }
        if (!WORKLOAD.in(keep) || !CONTAINER.in(keep))
        {
            presence.container(false).containerImage(false);
        }
        if (!WORKLOAD.in(keep) || !POD.in(keep))
        {
            presence.pod(false);
        }
        if (!THREAT.in(keep))
        {
            presence.threat(false).mitre(false).tactic(false).technique(false);
        }
        if (!DETECTED_FROM.in(keep))
        {
            presence.detectedFrom(false);
        }

        final boolean ancestorsKept = process && ANCESTORS.in(keep);
        final EventDecoder.AncestorsDecoder ancestors = from.ancestors();
        final EventEncoder.AncestorsEncoder ancestorsOut = to.ancestorsCount(ancestorsKept ? ancestors.count() : 0);
        while (ancestors.hasNext())
        {
            ancestors.next();
            final int length = ancestors.executablePathLength();
            ancestors.getExecutablePath(scratch(length), 0, length);
            if (ancestorsKept)
            {
                ancestorsOut.next().uniqueId(ancestors.uniqueId()).hostPid(ancestors.hostPid()).pid(ancestors.pid())
                    .putExecutablePath(scratch, 0, length);
            }
        }
        final boolean dataKept = DATA.in(keep);
        final EventDecoder.DataDecoder data = from.data();
        final EventEncoder.DataEncoder dataOut = to.dataCount(dataKept ? data.count() : 0);
        while (data.hasNext())
        {
            data.next();
            if (!dataKept)
            {
                data.sbeSkip();
                continue;
            }
            dataOut.next().valueType(data.valueType()).intValue(data.intValue());
            int length = data.nameLength();
            data.getName(scratch(length), 0, length);
            dataOut.putName(scratch, 0, length);
            length = data.valueLength();
            data.getValue(scratch(length), 0, length);
            dataOut.putValue(scratch, 0, length);
        }
        final EventDecoder.DetectedFromDataDecoder detected = from.detectedFromData();
        final EventEncoder.DetectedFromDataEncoder detectedOut = to.detectedFromDataCount(detected.count());
        while (detected.hasNext())
        {
            detected.next();
            detectedOut.next().valueType(detected.valueType()).intValue(detected.intValue());
            int length = detected.nameLength();
            detected.getName(scratch(length), 0, length);
            detectedOut.putName(scratch, 0, length);
            length = detected.valueLength();
            detected.getValue(scratch(length), 0, length);
            detectedOut.putValue(scratch, 0, length);
        }
        final EventDecoder.ThreatPropertiesDecoder properties = from.threatProperties();
        final EventEncoder.ThreatPropertiesEncoder propertiesOut = to.threatPropertiesCount(properties.count());
        while (properties.hasNext())
        {
            properties.next();
            int length = properties.keyLength();
            properties.getKey(scratch(length), 0, length);
            propertiesOut.next().putKey(scratch, 0, length);
            length = properties.valueLength();
            properties.getValue(scratch(length), 0, length);
            propertiesOut.putValue(scratch, 0, length);
        }

        int length = from.nameLength();
        from.getName(scratch(length), 0, length);
        if (!NAME.in(keep))
        {
            to.putName(scratch, 0, 0);
        }
        else if (length == 0 && !ID.in(keep))
        {
            // the name rule needs the id: write the catalog's name out
            final byte[] name = catalog.nameBytes(from.eventId());
            to.putName(name == null ? scratch : name, 0, name == null ? 0 : name.length);
        }
        else
        {
            to.putName(scratch, 0, length);
        }
        length = from.threadNameLength();
        from.getThreadName(scratch(length), 0, length);
        to.putThreadName(scratch, 0, thread && THREAD_NAME.in(keep) ? length : 0);
        length = from.syscallLength();
        from.getSyscall(scratch(length), 0, length);
        to.putSyscall(scratch, 0, thread && THREAD_SYSCALL.in(keep) ? length : 0);
        length = from.executablePathLength();
        from.getExecutablePath(scratch(length), 0, length);
        to.putExecutablePath(scratch, 0, length);
        length = from.containerIdLength();
        from.getContainerId(scratch(length), 0, length);
        to.putContainerId(scratch, 0, length);
        length = from.containerNameLength();
        from.getContainerName(scratch(length), 0, length);
        to.putContainerName(scratch, 0, length);
        length = from.containerImageIdLength();
        from.getContainerImageId(scratch(length), 0, length);
        to.putContainerImageId(scratch, 0, length);
        length = from.containerImageNameLength();
        from.getContainerImageName(scratch(length), 0, length);
        to.putContainerImageName(scratch, 0, length);
        length = from.podNameLength();
        from.getPodName(scratch(length), 0, length);
        to.putPodName(scratch, 0, length);
        length = from.podUidLength();
        from.getPodUid(scratch(length), 0, length);
        to.putPodUid(scratch, 0, length);
        length = from.podNamespaceLength();
        from.getPodNamespace(scratch(length), 0, length);
        to.putPodNamespace(scratch, 0, length);
        length = from.threatNameLength();
        from.getThreatName(scratch(length), 0, length);
        to.putThreatName(scratch, 0, length);
        length = from.threatDescriptionLength();
        from.getThreatDescription(scratch(length), 0, length);
        to.putThreatDescription(scratch, 0, length);
        length = from.tacticNameLength();
        from.getTacticName(scratch(length), 0, length);
        to.putTacticName(scratch, 0, length);
        length = from.techniqueIdLength();
        from.getTechniqueId(scratch(length), 0, length);
        to.putTechniqueId(scratch, 0, length);
        length = from.techniqueExternalIdLength();
        from.getTechniqueExternalId(scratch(length), 0, length);
        to.putTechniqueExternalId(scratch, 0, length);
        length = from.techniqueNameLength();
        from.getTechniqueName(scratch(length), 0, length);
        to.putTechniqueName(scratch, 0, length);
        length = from.detectedFromNameLength();
        from.getDetectedFromName(scratch(length), 0, length);
        to.putDetectedFromName(scratch, 0, length);
        return MessageHeaderEncoder.ENCODED_LENGTH + to.encodedLength();
    }

    private byte[] scratch(final int length)
    {
        if (scratch.length < length)
        {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        return scratch;
    }
}
