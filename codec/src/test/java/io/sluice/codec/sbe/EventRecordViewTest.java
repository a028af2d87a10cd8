package io.sluice.codec.sbe;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.proto.EventProtoEncoder;
import io.sluice.codec.testing.RandomEvents;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The view reads the record's groups and variable-length fields itself, so it must agree with the schema (and the
 * generated decoder) on their layout, and a record cut short anywhere in them is refused rather than read past its end.
 */
class EventRecordViewTest
{
    @Test
    void everyVariableLengthFieldHasTheLengthHeaderTheViewReads() throws Exception
    {
        int fields = 0;
        for (final Method method : EventDecoder.class.getDeclaredMethods())
        {
            if (Modifier.isStatic(method.getModifiers()) && method.getName().endsWith("HeaderLength"))
            {
                assertEquals(EventRecordView.LENGTH_HEADER, method.invoke(null), method.getName());
                fields++;
            }
        }
        assertEquals(EventVarData.COUNT, fields, "one header length per variable-length field of Event");
    }

    @Test
    void aRecordCutInsideItsStringsIsRefused()
    {
        final EventCatalog catalog = EventCatalog.standard();
        final EventProtoEncoder encoder = new EventProtoEncoder(catalog);
        encoder.policyNames(RandomEvents.POLICY_NAMES);
        final ExpandableArrayBuffer record = new ExpandableArrayBuffer(1024);
        final RandomEvents events = new RandomEvents(11);
        final EventRecordView view = new EventRecordView();
        for (int i = 0; i < 200; i++)
        {
            final int length = encoder.encode(events.nextEvent(), record, 0);
            view.wrap(record, 0, length);
            final int stringsAt = view.stringOffset(EventVarData.NAME) - EventRecordView.LENGTH_HEADER;
            assertTrue(stringsAt < length);
            for (int cut = stringsAt; cut < length; cut += 1 + cut % 7)
            {
                final UnsafeBuffer shorter = new UnsafeBuffer(Arrays.copyOf(record.byteArray(), cut));
                final int at = cut;
                assertThrows(IllegalArgumentException.class, () -> view.wrap(shorter, 0, at), "cut at " + cut);
                // the same length in a larger buffer (a ring slot with bytes after the record): refused all the same
                final UnsafeBuffer slot = new UnsafeBuffer(Arrays.copyOf(record.byteArray(), length + 64));
                assertThrows(IllegalArgumentException.class, () -> view.wrap(slot, 0, at), "cut at " + cut + " in a slot");
            }
        }
    }

    @Test
    void aRecordCutInsideItsGroupsIsRefused()
    {
        final EventCatalog catalog = EventCatalog.standard();
        final EventProtoEncoder encoder = new EventProtoEncoder(catalog);
        encoder.policyNames(RandomEvents.POLICY_NAMES);
        final ExpandableArrayBuffer record = new ExpandableArrayBuffer(1024);
        final RandomEvents events = new RandomEvents(12);
        final EventRecordView view = new EventRecordView();
        final int groupsAt = MessageHeaderDecoder.ENCODED_LENGTH + EventDecoder.BLOCK_LENGTH;
        for (int i = 0; i < 200; i++)
        {
            final int length = encoder.encode(events.nextEvent(), record, 0);
            view.wrap(record, 0, length);
            final int stringsAt = view.stringOffset(EventVarData.NAME) - EventRecordView.LENGTH_HEADER;
            for (int cut = groupsAt; cut < stringsAt; cut += 1 + cut % 5)
            {
                final UnsafeBuffer shorter = new UnsafeBuffer(Arrays.copyOf(record.byteArray(), cut));
                final int at = cut;
                assertThrows(IllegalArgumentException.class, () -> view.wrap(shorter, 0, at), "cut at " + cut);
            }
        }
    }

    @Test
    void aGroupDeclaringEntriesShorterThanTheSchemasIsRefused()
    {
        // entries shorter than the schema's would overlap: one entry could print more than the record bytes it takes
        final EventCatalog catalog = EventCatalog.standard();
        final EventProtoEncoder encoder = new EventProtoEncoder(catalog);
        encoder.policyNames(RandomEvents.POLICY_NAMES);
        final ExpandableArrayBuffer record = new ExpandableArrayBuffer(1024);
        final RandomEvents events = new RandomEvents(14);
        final EventRecordView view = new EventRecordView();
        final int[] schemaBlocks = {EventDecoder.AncestorsDecoder.sbeBlockLength(), EventDecoder.DataDecoder.sbeBlockLength(),
            EventDecoder.DetectedFromDataDecoder.sbeBlockLength(), EventDecoder.ThreatPropertiesDecoder.sbeBlockLength()};
        for (int i = 0; i < 100; i++)
        {
            final int length = encoder.encode(events.nextEvent(), record, 0);
            final int[] groupsAt = groupOffsets(record, length);
            for (int group = 0; group < groupsAt.length; group++)
            {
                final UnsafeBuffer intact = new UnsafeBuffer(Arrays.copyOf(record.byteArray(), length));
                view.wrap(intact, 0, length);
                for (int block = 0; block < schemaBlocks[group]; block++)
                {
                    final UnsafeBuffer shrunk = new UnsafeBuffer(Arrays.copyOf(record.byteArray(), length));
                    shrunk.putShort(groupsAt[group], (short)block, java.nio.ByteOrder.LITTLE_ENDIAN);
                    final String what = "group " + group + " with entries of " + block + " bytes";
                    final IllegalArgumentException refused =
                        assertThrows(IllegalArgumentException.class, () -> view.wrap(shrunk, 0, length), what);
                    assertTrue(refused.getMessage().contains("fewer than the schema's " + schemaBlocks[group]), what);
                }
            }
        }
    }

    /** Where the ancestors, data, detected_from.data and threat properties groups start, by the generated decoder. */
    private static int[] groupOffsets(final ExpandableArrayBuffer record, final int length)
    {
        final EventDecoder decoder = new EventDecoder().wrapAndApplyHeader(record, 0, new MessageHeaderDecoder());
        final int[] at = new int[4];
        at[0] = decoder.limit();
        for (final EventDecoder.AncestorsDecoder ancestor : decoder.ancestors())
        {
            ancestor.skipExecutablePath();
        }
        at[1] = decoder.limit();
        for (final EventDecoder.DataDecoder entry : decoder.data())
        {
            entry.skipName();
            entry.skipValue();
        }
        at[2] = decoder.limit();
        for (final EventDecoder.DetectedFromDataDecoder entry : decoder.detectedFromData())
        {
            entry.skipName();
            entry.skipValue();
        }
        at[3] = decoder.limit();
        assertTrue(at[3] < length);
        return at;
    }

    @Test
    void theViewFindsTheEntriesTheGeneratedDecoderFinds()
    {
        final EventCatalog catalog = EventCatalog.standard();
        final EventProtoEncoder encoder = new EventProtoEncoder(catalog);
        encoder.policyNames(RandomEvents.POLICY_NAMES);
        final ExpandableArrayBuffer record = new ExpandableArrayBuffer(1024);
        final RandomEvents events = new RandomEvents(13);
        final EventRecordView view = new EventRecordView();
        final EventDecoder decoder = new EventDecoder();
        for (int i = 0; i < 500; i++)
        {
            final int length = encoder.encode(events.nextEvent(), record, 0);
            view.wrap(record, 0, length);
            decoder.wrapAndApplyHeader(record, 0, new MessageHeaderDecoder());
            final AncestorCursor ancestors = view.ancestorCursor();
            final EventDecoder.AncestorsDecoder expectedAncestors = decoder.ancestors();
            assertEquals(expectedAncestors.count(), ancestors.count());
            for (final EventDecoder.AncestorsDecoder ancestor : expectedAncestors)
            {
                assertTrue(ancestors.next());
                assertEquals(ancestor.uniqueId(), ancestors.uniqueId());
                assertEquals(ancestor.hostPid(), ancestors.hostPid() & 0xFFFF_FFFFL);
                assertEquals(ancestor.pid(), ancestors.pid() & 0xFFFF_FFFFL);
                assertEquals(decoder.limit() + EventDecoder.AncestorsDecoder.executablePathHeaderLength(), ancestors.pathOffset());
                assertEquals(ancestor.skipExecutablePath(), ancestors.pathLength());
            }
            assertTrue(!ancestors.next(), "no ancestor past the count");
            final EventValueCursor data = view.data();
            final EventDecoder.DataDecoder expected = decoder.data();
            assertEquals(expected.count(), data.count());
            for (final EventDecoder.DataDecoder entry : expected)
            {
                assertTrue(data.next());
                assertEquals(entry.valueTypeRaw(), data.typeRaw());
                assertEquals(entry.intValue(), data.intValue());
                assertEquals(decoder.limit() + EventDecoder.DataDecoder.nameHeaderLength(), data.nameOffset());
                assertEquals(entry.skipName(), data.nameLength());
                assertEquals(decoder.limit() + EventDecoder.DataDecoder.valueHeaderLength(), data.valueOffset());
                assertEquals(entry.skipValue(), data.valueLength());
            }
            assertTrue(!data.next(), "no entry past the count");
            assertTrue(view.data().next() == (expected.count() > 0), "each call gives a cursor before the first entry");
            final EventValueCursor detected = view.detectedFromData();
            final EventDecoder.DetectedFromDataDecoder expectedDetected = decoder.detectedFromData();
            assertEquals(expectedDetected.count(), detected.count());
            for (final EventDecoder.DetectedFromDataDecoder entry : expectedDetected)
            {
                assertTrue(detected.next());
                assertEquals(entry.valueTypeRaw(), detected.typeRaw());
                assertEquals(entry.intValue(), detected.intValue());
                assertEquals(decoder.limit() + EventDecoder.DetectedFromDataDecoder.nameHeaderLength(), detected.nameOffset());
                assertEquals(entry.skipName(), detected.nameLength());
                assertEquals(decoder.limit() + EventDecoder.DetectedFromDataDecoder.valueHeaderLength(), detected.valueOffset());
                assertEquals(entry.skipValue(), detected.valueLength());
            }
            assertTrue(!detected.next(), "no entry past the count");
            final EventDecoder.ThreatPropertiesDecoder properties = decoder.threatProperties();
            assertEquals(properties.count(), view.properties().count());
            int p = 0;
            for (final EventDecoder.ThreatPropertiesDecoder property : properties)
            {
                assertEquals(decoder.limit() + EventDecoder.ThreatPropertiesDecoder.keyHeaderLength(), view.properties().keyOffset(p));
                assertEquals(property.skipKey(), view.properties().keyLength(p));
                assertEquals(decoder.limit() + EventDecoder.ThreatPropertiesDecoder.valueHeaderLength(), view.properties().valueOffset(p));
                assertEquals(property.skipValue(), view.properties().valueLength(p));
                p++;
            }
            assertEquals(decoder.limit() + EventRecordView.LENGTH_HEADER, view.stringOffset(EventVarData.NAME));
        }
    }
}
