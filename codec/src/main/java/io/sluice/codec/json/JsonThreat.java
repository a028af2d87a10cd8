package io.sluice.codec.json;

import io.sluice.codec.sbe.EventRecordView;
import io.sluice.codec.sbe.EventVarData;
import io.sluice.codec.sbe.PresenceDecoder;
import io.sluice.codec.sbe.ThreatPropertyPlaces;
import io.sluice.proto.v1beta1.Severity;
import org.agrona.DirectBuffer;

/**
 * {@code threat} of a {@code v1beta1.Event}: name, description, MITRE tactic and technique, severity and the
 * properties map as a protobuf map holds it.
 */
final class JsonThreat extends JsonEventPart
{
    private static final JsonEnumNames SEVERITIES = new JsonEnumNames(Severity.getDescriptor());

    JsonThreat(final EventRecordView view, final JsonSink json)
    {
        super(view, json);
    }

    void write(final JsonKey open, final int presence)
    {
        json.keyInRoom(open);
        writeString(JsonKeys.NAME, EventVarData.THREAT_NAME);
        writeString(JsonKeys.DESCRIPTION, EventVarData.THREAT_DESCRIPTION);
        if (PresenceDecoder.mitre(presence))
        {
            json.keyInRoom(JsonKeys.MITRE_OPEN);
            if (PresenceDecoder.tactic(presence))
            {
                json.keyInRoom(JsonKeys.TACTIC_OPEN);
                writeString(JsonKeys.NAME, EventVarData.TACTIC_NAME);
                json.endObjectInRoom();
            }
            if (PresenceDecoder.technique(presence))
            {
                json.keyInRoom(JsonKeys.TECHNIQUE_OPEN);
                writeString(JsonKeys.ID, EventVarData.TECHNIQUE_ID);
                writeString(JsonKeys.EXTERNAL_ID, EventVarData.TECHNIQUE_EXTERNAL_ID);
                writeString(JsonKeys.NAME, EventVarData.TECHNIQUE_NAME);
                json.endObjectInRoom();
            }
            json.endObjectInRoom();
        }
        final int severity = view.event().threatSeverity();
        if (severity != 0)
        {
            json.keyInRoom(JsonKeys.SEVERITY);
            SEVERITIES.write(json, severity);
        }
        writeProperties();
        json.endObjectInRoom();
    }

    /**
     * The properties map as a protobuf map holds it ({@link ThreatPropertyPlaces#valueIndex}).
     */
    private void writeProperties()
    {
        final ThreatPropertyPlaces properties = view.properties();
        final int count = properties.count();
        if (count == 0)
        {
            return;
        }
        final DirectBuffer record = view.buffer();
        json.keyInRoom(JsonKeys.PROPERTIES_OPEN);
        for (int i = 0; i < count; i++)
        {
            final int last = properties.valueIndex(i);
            if (last < 0)
            {
                continue;
            }
            json.stringInRoom(record, properties.keyOffset(i), properties.keyLength(i));
            json.colonInRoom();
            json.stringInRoom(record, properties.valueOffset(last), properties.valueLength(last));
        }
        json.endObjectInRoom();
    }
}
