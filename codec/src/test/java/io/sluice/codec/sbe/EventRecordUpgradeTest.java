package io.sluice.codec.sbe;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.json.EventJsonWriter;
import io.sluice.codec.proto.EventProtoEncoder;
import io.sluice.codec.testing.RandomEvents;
import io.sluice.proto.v1beta1.Event;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;

import static io.sluice.codec.testing.ReferenceJson.assertSameJson;
import static io.sluice.codec.testing.ReferenceJson.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Records of older schema versions (journals written by an older Sluice) read as "none" for the fields they lack:
 * version 1 has no filter-only fields, versions 1 and 2 no user stack. {@link EventRecordUpgrade} makes them current
 * records without changing a byte of what they print.
 */
class EventRecordUpgradeTest
{
    private static final int V1_BLOCK_LENGTH = EventEncoder.capEffectiveEncodingOffset();
    private static final int HEADER = MessageHeaderDecoder.ENCODED_LENGTH;
    /** An empty {@code userStack}: its length alone. */
    private static final int EMPTY_STACK = 4;

    private final EventCatalog catalog = EventCatalog.standard();
    private final EventProtoEncoder encoder = new EventProtoEncoder(catalog);
    private final EventJsonWriter writer = new EventJsonWriter(catalog);
    private final EventRecordUpgrade upgrade = new EventRecordUpgrade();
    private final ExpandableArrayBuffer record = new ExpandableArrayBuffer(512);
    private final ExpandableArrayBuffer old = new ExpandableArrayBuffer(512);
    private final ExpandableArrayBuffer upgraded = new ExpandableArrayBuffer(512);
    private final ExpandableArrayBuffer out = new ExpandableArrayBuffer(512);

    @BeforeEach
    void namePolicies()
    {
        encoder.policyNames(RandomEvents.POLICY_NAMES);
        writer.policyNames(RandomEvents.POLICY_NAMES);
    }

    /** A current record without a stack cut down to {@code version}: no user stack, and for 1 the older block. */
    private static int asVersion(
        final int version, final ExpandableArrayBuffer current, final int length, final ExpandableArrayBuffer dst)
    {
        final int blockLength = version == 1 ? V1_BLOCK_LENGTH : EventEncoder.BLOCK_LENGTH;
        final int rest = length - EMPTY_STACK - HEADER - EventEncoder.BLOCK_LENGTH;
        assertEquals(0, current.getInt(length - EMPTY_STACK, ByteOrder.LITTLE_ENDIAN),
            "the record ends with an empty stack");
        dst.putBytes(0, current, 0, HEADER + blockLength);
        dst.putBytes(HEADER + blockLength, current, HEADER + EventEncoder.BLOCK_LENGTH, rest);
        dst.putShort(MessageHeaderEncoder.blockLengthEncodingOffset(), (short)blockLength, ByteOrder.LITTLE_ENDIAN);
        dst.putShort(MessageHeaderEncoder.versionEncodingOffset(), (short)version, ByteOrder.LITTLE_ENDIAN);
        return HEADER + blockLength + rest;
    }

    private static EventDecoder decode(final ExpandableArrayBuffer buffer)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, 0);
        return new EventDecoder().wrap(buffer, HEADER, header.blockLength(), header.version());
    }

    private static Event withoutStack(final Event event)
    {
        if (!event.getWorkload().getProcess().hasThread())
        {
            return event;
        }
        final Event.Builder builder = event.toBuilder();
        builder.getWorkloadBuilder().getProcessBuilder().getThreadBuilder().clearUserStackTrace();
        return builder.build();
    }

    @Test
    void olderRecordsReadAsNoneAndUpgradePrintingTheSame()
    {
        final RandomEvents events = new RandomEvents(7301L);
        for (int i = 0; i < 2_000; i++)
        {
            final int length = encoder.encode(withoutStack(events.nextEvent()), record, 0);
            final byte[] expected = bytes(out, 0, writer.write(record, 0, length, out, 0));
            final int n = i;
            for (int version = 1; version <= 2; version++)
            {
                final int oldLength = asVersion(version, record, length, old);
                final EventDecoder decoded = decode(old);
                assertEquals(version == 2, FilterOnlyFields.present(decoded));
                assertEquals(0, new EventRecordView().wrap(old, 0, oldLength).userStackLength(),
                    "no stack before version 3");
                if (version == 1)
                {
                    assertEquals(0, FilterOnlyFields.capEffective(decoded), "not SBE's null value");
                    assertEquals(0, FilterOnlyFields.lineageMarks(decoded));
                    assertEquals(0, FilterOnlyFields.utsName(decoded, new byte[FilterOnlyFields.UTS_NAME_LENGTH]));
                }
                final String what = "version " + version + " record #" + n;
                assertSameJson(expected, bytes(out, 0, writer.write(old, 0, oldLength, out, 0)), () -> what);

                // a bit that meant nothing before version 3 must not make a stack appear
                final int presenceAt = HEADER + EventEncoder.presenceEncodingOffset();
                final int stray = PresenceEncoder.userStackTrace(old.getInt(presenceAt, ByteOrder.LITTLE_ENDIAN), true);
                old.putInt(presenceAt, stray, ByteOrder.LITTLE_ENDIAN);
                final int upgradedLength = upgrade.upgrade(old, 0, oldLength, upgraded);
                assertEquals(length, upgradedLength, what);
                final EventDecoder current = decode(upgraded);
                assertEquals(EventEncoder.SCHEMA_VERSION, current.actingVersion());
                assertTrue(FilterOnlyFields.present(current));
                assertFalse(FilterOnlyFields.hasProcessContext(current), "capabilities and UTS name stay unknown");
                assertFalse(current.presence().userStackTrace());
                assertSameJson(expected, bytes(out, 0, writer.write(upgraded, 0, upgradedLength, out, 0)),
                    () -> "upgraded " + what);
            }
            assertEquals(0, upgrade.upgrade(record, 0, length, upgraded), "a current record is left alone");
        }
    }

    @Test
    void anOlderRecordWithBytesAfterItsLastFieldUpgradesWithoutThem()
    {
        final int length = encoder.encode(withoutStack(new RandomEvents(5L).nextEvent()), record, 0);
        final int oldLength = asVersion(2, record, length, old);
        old.putLong(oldLength, -1L);
        assertEquals(length, upgrade.upgrade(old, 0, oldLength + Long.BYTES, upgraded));
        assertEquals(0, upgraded.getInt(length - EMPTY_STACK, ByteOrder.LITTLE_ENDIAN),
            "an empty stack right after detectedFromName");
    }
}
