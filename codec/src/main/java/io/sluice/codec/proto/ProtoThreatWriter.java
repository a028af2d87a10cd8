package io.sluice.codec.proto;

import io.sluice.codec.sbe.EventRecordView;
import io.sluice.codec.sbe.EventVarData;
import io.sluice.codec.sbe.PresenceDecoder;
import io.sluice.codec.sbe.ThreatPropertyPlaces;
import io.sluice.proto.v1beta1.Mitre;
import io.sluice.proto.v1beta1.MitreTactic;
import io.sluice.proto.v1beta1.MitreTechnique;
import io.sluice.proto.v1beta1.Threat;
import org.agrona.DirectBuffer;

/**
 * The {@code threat} of {@link EventProtoWriter}: name, description, MITRE tactic and technique by their presence
 * bits, severity, and the properties map as protobuf-java writes the map {@code EventProtoDecoder} fills: one entry
 * per distinct key (keys compared as decoded text: different malformed bytes can decode equal) in the place of its
 * first occurrence, with the value of its last, and each entry's key and value written even when empty. Not
 * thread-safe.
 */
final class ProtoThreatWriter
{
    /** The map entry's fields, as protobuf declares every map entry. */
    private static final int ENTRY_KEY = 1;
    private static final int ENTRY_VALUE = 2;

    private final ProtoSink sink;

    ProtoThreatWriter(final ProtoSink sink)
    {
        this.sink = sink;
    }

    /**
     * @param field    the {@code threat} field of the event.
     * @param view     the record, located.
     * @param presence its presence bits.
     */
    void write(final int field, final EventRecordView view, final int presence)
    {
        final ProtoSink sink = this.sink;
        final int threat = sink.beginMessage(field);
        writeString(view, Threat.NAME_FIELD_NUMBER, EventVarData.THREAT_NAME);
        writeString(view, Threat.DESCRIPTION_FIELD_NUMBER, EventVarData.THREAT_DESCRIPTION);
        if (PresenceDecoder.mitre(presence))
        {
            final int mitre = sink.beginMessage(Threat.MITRE_FIELD_NUMBER);
            if (PresenceDecoder.tactic(presence))
            {
                final int tactic = sink.beginMessage(Mitre.TACTIC_FIELD_NUMBER);
                writeString(view, MitreTactic.NAME_FIELD_NUMBER, EventVarData.TACTIC_NAME);
                sink.endMessage(tactic);
            }
            if (PresenceDecoder.technique(presence))
            {
                final int technique = sink.beginMessage(Mitre.TECHNIQUE_FIELD_NUMBER);
                writeString(view, MitreTechnique.ID_FIELD_NUMBER, EventVarData.TECHNIQUE_ID);
                writeString(view, MitreTechnique.EXTERNAL_ID_FIELD_NUMBER, EventVarData.TECHNIQUE_EXTERNAL_ID);
                writeString(view, MitreTechnique.NAME_FIELD_NUMBER, EventVarData.TECHNIQUE_NAME);
                sink.endMessage(technique);
            }
            sink.endMessage(mitre);
        }
        sink.int32(Threat.SEVERITY_FIELD_NUMBER, view.event().threatSeverity());
        writeProperties(view);
        sink.endMessage(threat);
    }

    private void writeProperties(final EventRecordView view)
    {
        final DirectBuffer record = view.buffer();
        final ThreatPropertyPlaces properties = view.properties();
        final int count = properties.count();
        for (int i = 0; i < count; i++)
        {
            final int last = properties.valueIndex(i);
            if (last < 0)
            {
                continue;
            }
            final int entry = sink.beginMessage(Threat.PROPERTIES_FIELD_NUMBER);
            sink.stringAlways(ENTRY_KEY, record, properties.keyOffset(i), properties.keyLength(i));
            sink.stringAlways(ENTRY_VALUE, record, properties.valueOffset(last), properties.valueLength(last));
            sink.endMessage(entry);
        }
    }

    private void writeString(final EventRecordView view, final int field, final int string)
    {
        sink.string(field, view.buffer(), view.stringOffset(string), view.stringLength(string));
    }
}
