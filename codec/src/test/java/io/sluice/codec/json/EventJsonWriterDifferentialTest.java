package io.sluice.codec.json;

import com.google.protobuf.ByteString;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.codec.proto.EventProtoDecoder;
import io.sluice.codec.proto.EventProtoEncoder;
import io.sluice.codec.testing.RandomEvents;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventValue;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

import static io.sluice.codec.testing.ReferenceJson.assertSameJson;
import static io.sluice.codec.testing.ReferenceJson.bytes;
import static io.sluice.codec.testing.ReferenceJson.printUtf8;

/**
 * For any record, {@link EventJsonWriter} writes byte for byte what protobuf's JSON printer prints for the
 * {@link EventProtoDecoder} reading of the same record: over generated events full of awkward text and extreme numbers,
 * and over records with invalid UTF-8, unknown value types, damaged blobs and stray presence bits.
 */
class EventJsonWriterDifferentialTest
{
    private static final int EVENTS = 10_000;
    private static final int RAW_RECORDS = 6_000;
    /** The value types of {@link #valueOfKind}: the plain scalars, then bytes, then no value. */
    private static final int VALUE_KINDS = 9;

    private final EventCatalog catalog = EventCatalog.standard();
    private final EventProtoEncoder encoder = new EventProtoEncoder(catalog);
    private final EventProtoDecoder decoder = new EventProtoDecoder(catalog);
    private final EventJsonWriter writer = new EventJsonWriter(catalog);
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
    void writesWhatThePrinterPrintsForGeneratedEvents()
    {
        final RandomEvents events = new RandomEvents(20241123L);
        for (int i = 0; i < EVENTS; i++)
        {
            final Event event = events.nextEvent();
            final int length = encoder.encode(event, record, 0);
            final byte[] expected = printUtf8(decoder.decode(record, 0, length));
            final int written = writer.write(record, 0, length, out, 0);
            final int n = i;
            assertSameJson(expected, bytes(out, 0, written), () -> "generated event #" + n + ":\n" + event);
        }
    }

    @Test
    void dataNamedAsTheCatalogOrAlmostSoInEveryEventOfTheCatalog()
    {
        // the catalog's names in their places are written from pre-escaped openings; anything else is escaped as read
        for (final EventDefinition definition : catalog.events())
        {
            for (int variant = 0; variant < 6; variant++)
            {
                final Event.Builder event = Event.newBuilder().setIdValue(definition.id());
                for (int i = 0; i < definition.args().size(); i++)
                {
                    final String name = definition.args().get(i).name();
                    final String written = switch (variant)
                    {
                        case 1 -> i == 0 ? name + "x" : name;
                        case 2 -> name.isEmpty() ? name : name.substring(0, name.length() - 1) + "\u00e9";
                        case 3 -> i + 1 < definition.args().size() ? definition.args().get(i + 1).name() : name;
                        case 4 -> name.isEmpty() ? "<" : name.substring(1);
                        case 5 -> "";
                        default -> name;
                    };
                    event.addData(EventValue.newBuilder().setName(written).setInt32(i - 1));
                }
                event.addData(EventValue.newBuilder().setName("seq").setUInt64(variant));
                final int length = encoder.encode(event.build(), record, 0);
                final byte[] expected = printUtf8(decoder.decode(record, 0, length));
                final int written = writer.write(record, 0, length, out, 0);
                final int v = variant;
                assertSameJson(expected, bytes(out, 0, written), () -> definition.name() + " variant " + v);
            }
        }
    }

    @Test
    void dataNamedAsTheCatalogWithAnyValueTypeInEveryEventOfTheCatalog()
    {
        // an opening carries the value's key only when the entry's type is the catalog's: every argument of every
        // event is given every plain scalar type and bytes in turn (its own among them when the catalog's type is a
        // plain scalar, the only case its opening carries the key), at a default and at an extreme, and no value
        for (final EventDefinition definition : catalog.events())
        {
            for (int shift = 0; shift < VALUE_KINDS; shift++)
            {
                for (final boolean extreme : new boolean[]{false, true})
                {
                    final Event.Builder event = Event.newBuilder().setIdValue(definition.id());
                    for (int i = 0; i < definition.args().size(); i++)
                    {
                        event.addData(valueOfKind((i + shift) % VALUE_KINDS, extreme)
                            .setName(definition.args().get(i).name()));
                    }
                    final int length = encoder.encode(event.build(), record, 0);
                    final byte[] expected = printUtf8(decoder.decode(record, 0, length));
                    final int written = writer.write(record, 0, length, out, 0);
                    final int s = shift;
                    assertSameJson(expected, bytes(out, 0, written), () -> definition.name() + " shift " + s + " " + extreme);
                }
            }
        }
    }

    private static EventValue.Builder valueOfKind(final int kind, final boolean extreme)
    {
        final EventValue.Builder value = EventValue.newBuilder();
        return switch (kind)
        {
            case 0 -> value.setInt32(extreme ? Integer.MIN_VALUE : 0);
            case 1 -> value.setInt64(extreme ? Long.MIN_VALUE : 0);
            case 2 -> value.setUInt32(extreme ? -1 : 0);
            case 3 -> value.setUInt64(extreme ? -1L : 0);
            case 4 -> value.setStr(extreme ? "<\"a\u00e9\u2028" + "x".repeat(40) : "");
            case 5 -> value.setBool(extreme);
            case 6 -> value.setPointer(extreme ? -1L : 0);
            case 7 -> value.setBytes(ByteString.copyFrom(extreme ? new byte[]{-1, 0, 62} : new byte[0]));
            default -> value;
        };
    }

    @Test
    void writesWhatThePrinterPrintsForRecordsFromACarelessProducer()
    {
        // Fewer names than bits: the random bitmaps set bits beyond the array too.
        final String[] names = Arrays.copyOf(RandomEvents.POLICY_NAMES, 50);
        decoder.policyNames(names);
        writer.policyNames(names);
        final RandomEvents events = new RandomEvents(7301L);
        for (int i = 0; i < RAW_RECORDS; i++)
        {
            final int length = events.nextRecord(record);
            final byte[] expected = printUtf8(decoder.decode(record, 0, length));
            final int written = writer.write(record, 0, length, out, 0);
            final int n = i;
            final byte[] input = bytes(record, 0, length);
            assertSameJson(expected, bytes(out, 0, written), () -> "raw record #" + n + ": " + HexFormat.of().formatHex(input));
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
            final byte[] expected = printUtf8(decoder.decode(record, recordOffset, length));
            out.setMemory(0, outOffset, (byte)'#');
            final int written = writer.write(record, recordOffset, length, out, outOffset);
            assertSameJson(expected, bytes(out, outOffset, written), () -> "event at offset " + recordOffset);
            assertSameJson("#".repeat(outOffset).getBytes(), bytes(out, 0, outOffset), () -> "bytes before outOffset");
        }
    }

    @Test
    void readsRecordsInDirectMemoryAsInAnArray()
    {
        final RandomEvents events = new RandomEvents(1414L);
        final UnsafeBuffer direct = new UnsafeBuffer(ByteBuffer.allocateDirect(1 << 20));
        for (int i = 0; i < 500; i++)
        {
            final int recordOffset = i % 11;
            final int length = encoder.encode(events.nextEvent(), record, 0);
            final byte[] expected = printUtf8(decoder.decode(record, 0, length));
            direct.putBytes(recordOffset, record, 0, length);
            // a window ending where the record ends: nothing readable past its last byte
            final UnsafeBuffer exact = new UnsafeBuffer(direct, recordOffset, length);
            final int written = writer.write(exact, 0, length, out, 0);
            final int n = i;
            assertSameJson(expected, bytes(out, 0, written), () -> "direct record #" + n);
        }
    }
}
