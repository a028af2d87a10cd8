package io.sluice.parse;

import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.EventRecordWriter;
import io.sluice.codec.sbe.EventVarData;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.codec.sbe.ValueType;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * Copies an event record through the one SBE {@code Event} writer ({@link EventRecordWriter}) with some data entries
 * replaced by strings: everything else (block, presence bits, ancestors, detected-from data, threat properties,
 * variable data, the fields only filters read) is kept. Reuses its flyweights; allocates nothing.
 */
final class ParsedRecordCopy
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final EventDecoder from = new EventDecoder();
    private final EventRecordWriter to = new EventRecordWriter();
    private final UnsafeBuffer name = new UnsafeBuffer(0, 0);
    private final UnsafeBuffer value = new UnsafeBuffer(0, 0);

    /**
     * @param in         the record's buffer.
     * @param offset     where it starts.
     * @param count      how many entries are replaced.
     * @param entryIndex their indexes in {@code data}, ascending.
     * @param texts      the strings that replace them.
     * @param textOffset where each string starts in {@code texts}.
     * @param textLength each string's length.
     * @param out        where the copy goes, from index 0.
     * @return the copy's length.
     */
    int copy(final DirectBuffer in, final int offset, final int count, final int[] entryIndex, final DirectBuffer texts,
        final int[] textOffset, final int[] textLength, final MutableDirectBuffer out)
    {
        header.wrap(in, offset);
        from.wrap(in, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        to.wrap(out, 0).block()
            .timestamp(from.timestampSeconds(), from.timestampNanos())
            .id(from.eventId(), from.policiesMatched())
            .process(from.pid(), from.hostPid(), from.processUniqueId())
            .thread(from.tid(), from.hostTid(), from.threadUniqueId(), from.compat())
            .threadStart(from.threadStartSeconds(), from.threadStartNanos())
            .users(from.realUserId(), from.userId())
            .containerIsRunning(from.containerIsRunning())
            .detection(from.threatSeverity(), from.detectedFromId())
            .kernelContext(from.gid(), from.cgroupId(), from.mntNsId(), from.pidNsId())
            .filterOnlyFields(from)
            .presence(in.getInt(from.presence().offset(), ByteOrder.LITTLE_ENDIAN));
        to.ancestorsFrom(from, true);
        final EventDecoder.DataDecoder data = from.data();
        to.data(data.count());
        int next = 0;
        int index = 0;
        for (final EventDecoder.DataDecoder entry : data)
        {
            entry.wrapName(name);
            entry.wrapValue(value);
            if (next < count && entryIndex[next] == index)
            {
                to.dataEntry(ValueType.STR.value(), 0, name, 0, name.capacity(), texts, textOffset[next], textLength[next]);
                next++;
            }
            else
            {
                to.dataEntry(entry.valueTypeRaw(), entry.intValue(), name, 0, name.capacity(), value, 0, value.capacity());
            }
            index++;
        }
        copyDetectedFromData();
        copyThreatProperties();
        for (int field = 0; field < EventVarData.COUNT; field++)
        {
            to.varDataFrom(from, field, true);
        }
        return to.finish();
    }

    private void copyDetectedFromData()
    {
        final EventDecoder.DetectedFromDataDecoder detected = from.detectedFromData();
        to.detectedFromData(detected.count());
        for (final EventDecoder.DetectedFromDataDecoder entry : detected)
        {
            entry.wrapName(name);
            entry.wrapValue(value);
            to.dataEntry(entry.valueTypeRaw(), entry.intValue(), name, 0, name.capacity(), value, 0, value.capacity());
        }
    }

    private void copyThreatProperties()
    {
        final EventDecoder.ThreatPropertiesDecoder properties = from.threatProperties();
        to.threatProperties(properties.count());
        for (final EventDecoder.ThreatPropertiesDecoder property : properties)
        {
            property.wrapKey(name);
            property.wrapValue(value);
            to.threatProperty(name, 0, name.capacity(), value, 0, value.capacity());
        }
    }
}
