package io.sluice.codec.sbe;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.json.EventJsonWriter;
import io.sluice.codec.proto.EventProtoEncoder;
import io.sluice.codec.testing.RandomEvents;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;

import static io.sluice.codec.testing.ReferenceJson.assertSameJson;
import static io.sluice.codec.testing.ReferenceJson.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Records of schema version 1 (journals written before the filter-only fields) read as "none" for those fields,
 * and upgrade to the current version without changing a byte of what they print.
 */
class FilterOnlyFieldsTest
{
    private static final int V1_BLOCK_LENGTH = EventEncoder.capEffectiveEncodingOffset();

    private final EventCatalog catalog = EventCatalog.standard();
    private final EventProtoEncoder encoder = new EventProtoEncoder(catalog);
    private final EventJsonWriter writer = new EventJsonWriter(catalog);

    /** A current record cut down to version 1: its block without the version 2 fields. */
    private static int asVersion1(final ExpandableArrayBuffer record, final int length, final ExpandableArrayBuffer v1)
    {
        final int header = MessageHeaderDecoder.ENCODED_LENGTH;
        v1.putBytes(0, record, 0, header + V1_BLOCK_LENGTH);
        v1.putBytes(header + V1_BLOCK_LENGTH, record, header + EventEncoder.BLOCK_LENGTH, length - header - EventEncoder.BLOCK_LENGTH);
        v1.putShort(MessageHeaderEncoder.blockLengthEncodingOffset(), (short)V1_BLOCK_LENGTH, ByteOrder.LITTLE_ENDIAN);
        v1.putShort(MessageHeaderEncoder.versionEncodingOffset(), (short)1, ByteOrder.LITTLE_ENDIAN);
        return length - (EventEncoder.BLOCK_LENGTH - V1_BLOCK_LENGTH);
    }

    private static EventDecoder decode(final ExpandableArrayBuffer record)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(record, 0);
        return new EventDecoder().wrap(record, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
    }

    @Test
    void versionOneRecordsHaveNoneAndUpgradePrintingTheSame()
    {
        encoder.policyNames(RandomEvents.POLICY_NAMES);
        writer.policyNames(RandomEvents.POLICY_NAMES);
        final RandomEvents events = new RandomEvents(7301L);
        final ExpandableArrayBuffer record = new ExpandableArrayBuffer(512);
        final ExpandableArrayBuffer v1 = new ExpandableArrayBuffer(512);
        final ExpandableArrayBuffer upgraded = new ExpandableArrayBuffer(512);
        final ExpandableArrayBuffer out = new ExpandableArrayBuffer(512);
        for (int i = 0; i < 2_000; i++)
        {
            final int length = encoder.encode(events.nextEvent(), record, 0);
            final byte[] expected = bytes(out, 0, writer.write(record, 0, length, out, 0));
            final int v1Length = asVersion1(record, length, v1);

            final EventDecoder old = decode(v1);
            assertFalse(FilterOnlyFields.present(old));
            assertEquals(0, FilterOnlyFields.capEffective(old), "not SBE's null value");
            assertEquals(0, FilterOnlyFields.lineageMarks(old));
            assertEquals(0, FilterOnlyFields.utsName(old, new byte[FilterOnlyFields.UTS_NAME_LENGTH]));
            final int n = i;
            assertSameJson(expected, bytes(out, 0, writer.write(v1, 0, v1Length, out, 0)), () -> "version 1 record #" + n);

            final int upgradedLength = FilterOnlyFields.upgrade(v1, 0, v1Length, upgraded);
            assertEquals(length, upgradedLength);
            final EventDecoder current = decode(upgraded);
            assertTrue(FilterOnlyFields.present(current));
            assertFalse(FilterOnlyFields.hasProcessContext(current), "capabilities and UTS name stay unknown");
            assertEquals(0, FilterOnlyFields.lineageMarks(current));
            assertSameJson(expected, bytes(out, 0, writer.write(upgraded, 0, upgradedLength, out, 0)), () -> "upgraded #" + n);
            assertEquals(0, FilterOnlyFields.upgrade(record, 0, length, upgraded), "a current record is left alone");
        }
    }
}
