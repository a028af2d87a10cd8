package io.sluice.format;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.proto.EventProtoEncoder;
import io.sluice.config.FormatSpec;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventId;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.Policies;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code protobuf} format: available to file destinations, without a record separator, and rendering each event
 * as a length-delimited {@code v1beta1.Event} that {@code parseDelimitedFrom} reads back, policy names and all.
 */
class ProtobufFormatTest
{
    @Test
    void isAFormatOfFilesWhoseRecordsDelimitThemselves()
    {
        final Format format = Formats.byKey("protobuf");
        assertTrue(format.allows("file"));
        assertEquals(Format.NO_SEPARATOR, format.recordSeparator());
        assertEquals('\n', Formats.byKey("json").recordSeparator(), "text formats keep one event per line");
    }

    @Test
    void rendersEventsThatParseDelimitedFromReadsBack() throws IOException
    {
        final EventCatalog catalog = EventCatalog.standard();
        final String[] policies = {"alpha", "beta"};
        final EventFormatter formatter = Formats.byKey("protobuf")
            .create(new FormatSpec("protobuf", null), new FormatContext(catalog, policies));
        final EventProtoEncoder encoder = new EventProtoEncoder(catalog);
        encoder.policyNames(policies);
        final Event first = Event.newBuilder().setId(EventId.openat).setName("openat")
            .setPolicies(Policies.newBuilder().addMatched("beta"))
            .addData(EventValue.newBuilder().setName("pathname").setStr("/etc/passwd")).build();
        final Event second = Event.newBuilder().setIdValue(6001).setName("x".repeat(200)).build();

        final ExpandableArrayBuffer record = new ExpandableArrayBuffer();
        final ExpandableArrayBuffer out = new ExpandableArrayBuffer();
        int at = formatter.format(record, 0, encoder.encode(first, record, 0), out, 0);
        at += formatter.format(record, 0, encoder.encode(second, record, 0), out, at);
        assertEquals(0, formatter.preamble().length);

        final byte[] bytes = new byte[at];
        out.getBytes(0, bytes);
        final ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        assertEquals(first, Event.parseDelimitedFrom(in));
        assertEquals(second, Event.parseDelimitedFrom(in));
        assertNull(Event.parseDelimitedFrom(in));
    }
}
