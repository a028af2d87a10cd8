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
 * The view reads the record's variable-length fields itself, so it must agree with the schema on their layout, and a
 * record cut short anywhere in them is refused rather than read past its end.
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
}
