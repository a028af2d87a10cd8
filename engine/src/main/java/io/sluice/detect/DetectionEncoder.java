package io.sluice.detect;

import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.EventEncoder;
import io.sluice.codec.sbe.FilterOnlyFields;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.codec.sbe.MessageHeaderEncoder;
import io.sluice.codec.sbe.PresenceDecoder;
import io.sluice.codec.sbe.PresenceEncoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Encodes a detector's event from the triggering event record: the same timestamp and workload, the detector's id,
 * an empty {@code data}, its {@code threat}, and {@code detected_from} with the trigger's id, name and data. The
 * matched-policies bitmap starts empty (policies are evaluated on the new event). Reuses its buffers; allocates only
 * when a string is longer than any before.
 */
public final class DetectionEncoder
{
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final EventDecoder trigger = new EventDecoder();
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final EventEncoder event = new EventEncoder();
    private byte[] scratch = new byte[4096];
    private byte[] triggerName = new byte[64];

    /** A threat, its strings as UTF-8 once. */
    static final class EncodedThreat
    {
        final int eventId;
        final int severity;
        final byte[] name;
        final byte[] description;
        final byte[] tactic;
        final byte[] techniqueId;
        final byte[] techniqueExternalId;
        final byte[] techniqueName;
        final byte[][] keys;
        final byte[][] values;

        EncodedThreat(final int eventId, final Threat threat)
        {
            this.eventId = eventId;
            this.severity = threat.severity();
            this.name = utf8(threat.name());
            this.description = utf8(threat.description());
            this.tactic = utf8(threat.tactic());
            this.techniqueId = utf8(threat.techniqueId());
            this.techniqueExternalId = utf8(threat.techniqueExternalId());
            this.techniqueName = utf8(threat.techniqueName());
            keys = new byte[threat.properties().size()][];
            values = new byte[keys.length][];
            int i = 0;
            for (final Map.Entry<String, String> property : threat.properties().entrySet())
            {
                keys[i] = utf8(property.getKey());
                values[i++] = utf8(property.getValue());
            }
        }

        private static byte[] utf8(final String text)
        {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * @param threat what the detection says.
     * @param from   the triggering record's buffer.
     * @param offset its offset (SBE message header first).
     * @param out    where the detection record goes, from index 0.
     * @return the detection record's length.
     */
    int encode(final EncodedThreat threat, final DirectBuffer from, final int offset, final MutableDirectBuffer out)
    {
        headerDecoder.wrap(from, offset);
        trigger.wrap(from, offset + MessageHeaderDecoder.ENCODED_LENGTH, headerDecoder.blockLength(), headerDecoder.version());
        event.wrapAndApplyHeader(out, 0, headerEncoder)
            .timestampSeconds(trigger.timestampSeconds())
            .timestampNanos(trigger.timestampNanos())
            .eventId(threat.eventId)
            .policiesMatched(0)
            .pid(trigger.pid())
            .hostPid(trigger.hostPid())
            .tid(trigger.tid())
            .hostTid(trigger.hostTid())
            .processUniqueId(trigger.processUniqueId())
            .threadUniqueId(trigger.threadUniqueId())
            .threadStartSeconds(trigger.threadStartSeconds())
            .threadStartNanos(trigger.threadStartNanos())
            .realUserId(trigger.realUserId())
            .userId(trigger.userId())
            .compat(trigger.compat())
            .containerIsRunning(trigger.containerIsRunning())
            .threatSeverity(threat.severity)
            .detectedFromId(trigger.eventId())
            .gid(trigger.gid())
            .cgroupId(trigger.cgroupId())
            .mntNsId(trigger.mntNsId())
            .pidNsId(trigger.pidNsId());
        FilterOnlyFields.copy(trigger, event);
        final PresenceEncoder presence = event.presence();
        final int triggerPresence = from.getInt(trigger.presence().offset(), ByteOrder.LITTLE_ENDIAN);
        out.putInt(presence.offset(), triggerPresence, ByteOrder.LITTLE_ENDIAN);
        presence.policies(false).threat(true).mitre(true).tactic(true).technique(true).detectedFrom(true)
            .nameAsStored(false).detectedFromNameAsStored(PresenceDecoder.nameAsStored(triggerPresence));

        final EventDecoder.AncestorsDecoder ancestors = trigger.ancestors();
        final EventEncoder.AncestorsEncoder ancestorsOut = event.ancestorsCount(ancestors.count());
        while (ancestors.hasNext())
        {
            ancestors.next();
            ancestorsOut.next().uniqueId(ancestors.uniqueId()).hostPid(ancestors.hostPid()).pid(ancestors.pid());
            final int length = ancestors.executablePathLength();
            ancestors.getExecutablePath(scratch(length), 0, length);
            ancestorsOut.putExecutablePath(scratch, 0, length);
        }
        event.dataCount(0);
        final EventDecoder.DataDecoder data = trigger.data();
        final EventEncoder.DetectedFromDataEncoder dataOut = event.detectedFromDataCount(data.count());
        while (data.hasNext())
        {
            data.next();
            dataOut.next().valueType(data.valueType()).intValue(data.intValue());
            final int nameLength = data.nameLength();
            data.getName(scratch(nameLength), 0, nameLength);
            dataOut.putName(scratch, 0, nameLength);
            final int valueLength = data.valueLength();
            data.getValue(scratch(valueLength), 0, valueLength);
            dataOut.putValue(scratch, 0, valueLength);
        }
        for (final EventDecoder.DetectedFromDataDecoder skipped : trigger.detectedFromData())
        {
            skipped.sbeSkip();
        }
        for (final EventDecoder.ThreatPropertiesDecoder skipped : trigger.threatProperties())
        {
            skipped.sbeSkip();
        }
        final EventEncoder.ThreatPropertiesEncoder properties = event.threatPropertiesCount(threat.keys.length);
        for (int i = 0; i < threat.keys.length; i++)
        {
            properties.next().putKey(threat.keys[i], 0, threat.keys[i].length).putValue(threat.values[i], 0, threat.values[i].length);
        }

        // the trigger's name (empty = its catalog name) becomes detected_from's name, by the same rule
        int length = trigger.nameLength();
        if (triggerName.length < length)
        {
            triggerName = new byte[length];
        }
        final int triggerNameLength = trigger.getName(triggerName, 0, length);
        event.putName(triggerName, 0, 0);
        length = trigger.threadNameLength();
        trigger.getThreadName(scratch(length), 0, length);
        event.putThreadName(scratch, 0, length);
        length = trigger.syscallLength();
        trigger.getSyscall(scratch(length), 0, length);
        event.putSyscall(scratch, 0, length);
        length = trigger.executablePathLength();
        trigger.getExecutablePath(scratch(length), 0, length);
        event.putExecutablePath(scratch, 0, length);
        length = trigger.containerIdLength();
        trigger.getContainerId(scratch(length), 0, length);
        event.putContainerId(scratch, 0, length);
        length = trigger.containerNameLength();
        trigger.getContainerName(scratch(length), 0, length);
        event.putContainerName(scratch, 0, length);
        length = trigger.containerImageIdLength();
        trigger.getContainerImageId(scratch(length), 0, length);
        event.putContainerImageId(scratch, 0, length);
        length = trigger.containerImageNameLength();
        trigger.getContainerImageName(scratch(length), 0, length);
        event.putContainerImageName(scratch, 0, length);
        length = trigger.podNameLength();
        trigger.getPodName(scratch(length), 0, length);
        event.putPodName(scratch, 0, length);
        length = trigger.podUidLength();
        trigger.getPodUid(scratch(length), 0, length);
        event.putPodUid(scratch, 0, length);
        length = trigger.podNamespaceLength();
        trigger.getPodNamespace(scratch(length), 0, length);
        event.putPodNamespace(scratch, 0, length);
        event.putThreatName(threat.name, 0, threat.name.length)
            .putThreatDescription(threat.description, 0, threat.description.length)
            .putTacticName(threat.tactic, 0, threat.tactic.length)
            .putTechniqueId(threat.techniqueId, 0, threat.techniqueId.length)
            .putTechniqueExternalId(threat.techniqueExternalId, 0, threat.techniqueExternalId.length)
            .putTechniqueName(threat.techniqueName, 0, threat.techniqueName.length)
            .putDetectedFromName(triggerName, 0, triggerNameLength);
        return MessageHeaderEncoder.ENCODED_LENGTH + event.encodedLength();
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
