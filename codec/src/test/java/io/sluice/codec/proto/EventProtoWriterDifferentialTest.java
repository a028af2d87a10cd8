package io.sluice.codec.proto;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.testing.RandomEvents;
import io.sluice.proto.v1beta1.Event;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HexFormat;

import static io.sluice.codec.testing.ReferenceJson.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * For any record, {@link EventProtoWriter} writes byte for byte what protobuf-java's {@code toByteArray()} gives for
 * the {@link EventProtoDecoder} reading of the same record: over generated events full of awkward text, extreme
 * numbers and messages long enough to need multi-byte lengths, and over records with invalid UTF-8, unknown value
 * types, damaged blobs, repeated property keys and stray presence bits.
 */
class EventProtoWriterDifferentialTest
{
    private static final int EVENTS = 10_000;
    private static final int RAW_RECORDS = 6_000;

    private final EventCatalog catalog = EventCatalog.standard();
    private final EventProtoEncoder encoder = new EventProtoEncoder(catalog);
    private final EventProtoDecoder decoder = new EventProtoDecoder(catalog);
    private final EventProtoWriter writer = new EventProtoWriter(catalog);
    private final ExpandableArrayBuffer record = new ExpandableArrayBuffer(256);
    private final ExpandableArrayBuffer out = new ExpandableArrayBuffer(64);

    @BeforeEach
    void namePolicies()
    {
        encoder.policyNames(RandomEvents.POLICY_NAMES);
        decoder.policyNames(RandomEvents.POLICY_NAMES);
        writer.policyNames(RandomEvents.POLICY_NAMES);
    }

    @Test
    void writesWhatProtobufWritesForGeneratedEvents()
    {
        final RandomEvents events = new RandomEvents(20241123L);
        for (int i = 0; i < EVENTS; i++)
        {
            final Event event = events.nextEvent();
            final int length = encoder.encode(event, record, 0);
            final byte[] expected = decoder.decode(record, 0, length).toByteArray();
            final int written = writer.write(record, 0, length, out, 0);
            final int n = i;
            assertArrayEquals(expected, bytes(out, 0, written), () -> "generated event #" + n + ":\n" + event);
        }
    }

    @Test
    void writesWhatProtobufWritesForRecordsFromACarelessProducer()
    {
        // Fewer names than bits: the random bitmaps set bits beyond the array too.
        final String[] names = Arrays.copyOf(RandomEvents.POLICY_NAMES, 50);
        decoder.policyNames(names);
        writer.policyNames(names);
        final RandomEvents events = new RandomEvents(7301L);
        for (int i = 0; i < RAW_RECORDS; i++)
        {
            final int length = events.nextRecord(record);
            final byte[] expected = decoder.decode(record, 0, length).toByteArray();
            final int written = writer.write(record, 0, length, out, 0);
            final int n = i;
            final byte[] input = bytes(record, 0, length);
            assertArrayEquals(expected, bytes(out, 0, written), () -> "raw record #" + n + ": " + HexFormat.of().formatHex(input));
        }
    }

    @Test
    void readsAndWritesAtAnyOffset()
    {
        final RandomEvents events = new RandomEvents(42L);
        for (int i = 0; i < 200; i++)
        {
            final int recordOffset = 1 + i % 13;
            final int outOffset = 3 + i % 29;
            final int length = encoder.encode(events.nextEvent(), record, recordOffset);
            final byte[] expected = decoder.decode(record, recordOffset, length).toByteArray();
            out.setMemory(0, outOffset, (byte)'#');
            final int written = writer.write(record, recordOffset, length, out, outOffset);
            assertArrayEquals(expected, bytes(out, outOffset, written), "event at offset " + recordOffset);
            assertArrayEquals("#".repeat(outOffset).getBytes(), bytes(out, 0, outOffset), "bytes before outOffset");
        }
    }
}
