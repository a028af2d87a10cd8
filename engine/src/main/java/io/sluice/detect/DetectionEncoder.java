package io.sluice.detect;

import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.EventRecordWriter;
import io.sluice.codec.sbe.EventVarData;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.codec.sbe.PresenceDecoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Encodes a detector's event from the triggering event record: the same timestamp and workload, the detector's id,
 * an empty {@code data}, its {@code threat}, and {@code detected_from} with the trigger's id, name and data. The
 * matched-policies bitmap starts empty (policies are evaluated on the new event). Reuses its flyweights; allocates
 * nothing.
 */
public final class DetectionEncoder
{
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final EventDecoder trigger = new EventDecoder();
    private final EventRecordWriter event = new EventRecordWriter();
    private final UnsafeBuffer name = new UnsafeBuffer(0, 0);
    private final UnsafeBuffer value = new UnsafeBuffer(0, 0);
    private final UnsafeBuffer triggerName = new UnsafeBuffer(0, 0);

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
        final boolean hasThreat;
        final boolean detectedFrom;
        final DetectionFields fields;

        EncodedThreat(final int eventId, final Threat threat)
        {
            this(eventId, threat, true, true, null);
        }

        EncodedThreat(final int eventId, final Threat threat, final boolean hasThreat, final boolean detectedFrom,
            final DetectionFields fields)
        {
            this.hasThreat = hasThreat;
            this.detectedFrom = detectedFrom;
            this.fields = fields;
            this.eventId = eventId;
            this.severity = threat.severity();
            this.name = utf8(threat.name());
            this.description = utf8(threat.description());
            this.tactic = utf8(threat.tactic());
            this.techniqueId = utf8(threat.techniqueId());
            this.techniqueExternalId = this.techniqueId;
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
        return encode(threat, null, from, offset, out);
    }

    /**
     * @param threat  what the detection says (and the detector's {@code data}, if it has any).
     * @param view    the decoded trigger, for the detector's {@code data} (null when it has none).
     * @param from    the triggering record's buffer.
     * @param offset  its offset (SBE message header first).
     * @param out     where the detection record goes, from index 0.
     * @return the detection record's length.
     */
    int encode(final EncodedThreat threat, final io.sluice.policy.EventView view, final DirectBuffer from, final int offset,
        final MutableDirectBuffer out)
    {
        final int dataCount = threat.fields == null ? 0 : threat.fields.compute(view);
        headerDecoder.wrap(from, offset);
        trigger.wrap(from, offset + MessageHeaderDecoder.ENCODED_LENGTH, headerDecoder.blockLength(), headerDecoder.version());
        event.wrap(out, 0).block()
            .timestamp(trigger.timestampSeconds(), trigger.timestampNanos())
            .id(threat.eventId, 0)
            .process(trigger.pid(), trigger.hostPid(), trigger.processUniqueId())
            .thread(trigger.tid(), trigger.hostTid(), trigger.threadUniqueId(), trigger.compat())
            .threadStart(trigger.threadStartSeconds(), trigger.threadStartNanos())
            .users(trigger.realUserId(), trigger.userId())
            .containerIsRunning(trigger.containerIsRunning())
            .detection(threat.severity, trigger.eventId())
            .kernelContext(trigger.gid(), trigger.cgroupId(), trigger.mntNsId(), trigger.pidNsId())
            .filterOnlyFields(trigger);
        final int triggerPresence = from.getInt(trigger.presence().offset(), ByteOrder.LITTLE_ENDIAN);
        event.block().presence(triggerPresence).presence()
            .policies(false).threat(threat.hasThreat).mitre(threat.hasThreat).tactic(threat.hasThreat)
            .technique(threat.hasThreat).detectedFrom(threat.detectedFrom)
            .nameAsStored(false).detectedFromNameAsStored(PresenceDecoder.nameAsStored(triggerPresence));

        event.ancestorsFrom(trigger, true).data(dataCount);
        if (dataCount > 0)
        {
            threat.fields.write(event);
        }
        final EventDecoder.DataDecoder data = trigger.data();
        event.detectedFromData(threat.detectedFrom ? data.count() : 0);
        while (data.hasNext())
        {
            data.next();
            if (!threat.detectedFrom)
            {
                data.sbeSkip();
                continue;
            }
            // the enum: a value type this build does not know is refused
            final short valueType = data.valueType().value();
            final long intValue = data.intValue();
            data.wrapName(name);
            data.wrapValue(value);
            event.dataEntry(valueType, intValue, name, 0, name.capacity(), value, 0, value.capacity());
        }
        for (final EventDecoder.DetectedFromDataDecoder skipped : trigger.detectedFromData())
        {
            skipped.sbeSkip();
        }
        for (final EventDecoder.ThreatPropertiesDecoder skipped : trigger.threatProperties())
        {
            skipped.sbeSkip();
        }
        event.threatProperties(threat.keys.length);
        for (int i = 0; i < threat.keys.length; i++)
        {
            event.threatProperty(threat.keys[i], threat.values[i]);
        }

        // the trigger's name (empty = its catalog name) becomes detected_from's name, by the same rule
        trigger.wrapName(triggerName);
        for (int field = EventVarData.THREAD_NAME; field <= EventVarData.POD_NAMESPACE; field++)
        {
            event.varDataFrom(trigger, field, true);
        }
        return event.varData(EventVarData.THREAT_NAME, threat.name, 0, threat.name.length)
            .varData(EventVarData.THREAT_DESCRIPTION, threat.description, 0, threat.description.length)
            .varData(EventVarData.TACTIC_NAME, threat.tactic, 0, threat.tactic.length)
            .varData(EventVarData.TECHNIQUE_ID, threat.techniqueId, 0, threat.techniqueId.length)
            .varData(EventVarData.TECHNIQUE_EXTERNAL_ID, threat.techniqueExternalId, 0, threat.techniqueExternalId.length)
            .varData(EventVarData.TECHNIQUE_NAME, threat.techniqueName, 0, threat.techniqueName.length)
            .varData(EventVarData.DETECTED_FROM_NAME, triggerName, 0, threat.detectedFrom ? triggerName.capacity() : 0)
            .varDataFrom(skipToUserStack(), EventVarData.USER_STACK, true)
            .finish();
    }

    /**
     * @return the trigger, read up to its user stack: a detection keeps the stack of the thread that caused it
     *         (Tracee's findings keep the trigger's stack addresses).
     */
    private EventDecoder skipToUserStack()
    {
        for (int field = EventVarData.THREAT_NAME; field < EventVarData.USER_STACK; field++)
        {
            EventVarData.wrap(trigger, field, name);
        }
        return trigger;
    }
}
