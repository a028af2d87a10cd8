package io.sluice.codec.proto;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.testing.RandomEvents;
import io.sluice.proto.v1beta1.Event;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A stream of 100,000 events written with {@link EventProtoWriter#writeDelimited} is what protobuf-java's
 * {@code parseDelimitedFrom} reads back, event for event equal to the {@link EventProtoDecoder} message of each record:
 * generated events and records from a careless producer, one after the other in one file.
 */
class EventProtoWriterRoundTripTest
{
    private static final int EVENTS = 100_000;
    /** Every this many events, a raw record (invalid UTF-8, damaged blobs, stray presence bits) instead. */
    private static final int RAW_EVERY = 4;

    @Test
    void parseDelimitedFromReadsBackEveryEvent(@TempDir final Path dir) throws IOException
    {
        final EventCatalog catalog = EventCatalog.standard();
        final EventProtoEncoder encoder = new EventProtoEncoder(catalog);
        final EventProtoDecoder decoder = new EventProtoDecoder(catalog);
        final EventProtoWriter writer = new EventProtoWriter(catalog);
        encoder.policyNames(RandomEvents.POLICY_NAMES);
        decoder.policyNames(RandomEvents.POLICY_NAMES);
        writer.policyNames(RandomEvents.POLICY_NAMES);

        final ExpandableArrayBuffer record = new ExpandableArrayBuffer(4096);
        final ExpandableArrayBuffer out = new ExpandableArrayBuffer(4096);
        final Path file = dir.resolve("events.pb");
        final Records written = new Records(encoder);
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file)))
        {
            for (int i = 0; i < EVENTS; i++)
            {
                final int length = written.next(record);
                final int delimited = writer.writeDelimited(record, 0, length, out, 0);
                stream.write(out.byteArray(), 0, delimited);
            }
        }

        // The same records again (same seed), each decoded as the reference while the file is read.
        final Records expected = new Records(encoder);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file)))
        {
            for (int i = 0; i < EVENTS; i++)
            {
                final int length = expected.next(record);
                assertEquals(decoder.decode(record, 0, length), Event.parseDelimitedFrom(in), "event #" + i);
            }
            assertNull(Event.parseDelimitedFrom(in), "nothing after the last event");
        }
    }

    /** The records of the test, in order: generated events, and every {@value #RAW_EVERY}th a raw record. */
    private static final class Records
    {
        private final RandomEvents events = new RandomEvents(100_000L);
        private final EventProtoEncoder encoder;
        private int count;

        Records(final EventProtoEncoder encoder)
        {
            this.encoder = encoder;
        }

        int next(final ExpandableArrayBuffer record)
        {
            return count++ % RAW_EVERY == RAW_EVERY - 1 ? events.nextRecord(record) : encoder.encode(events.nextEvent(), record, 0);
        }
    }
}
