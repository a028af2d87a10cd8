package io.sluice.codec.json;

import com.google.protobuf.ByteString;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.codec.proto.EventProtoDecoder;
import io.sluice.codec.proto.EventProtoEncoder;
import io.sluice.codec.sbe.SockaddrBlob;
import io.sluice.codec.testing.RandomEvents;
import io.sluice.proto.v1beta1.Ancestor;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.Executable;
import io.sluice.proto.v1beta1.Int32Array;
import io.sluice.proto.v1beta1.Policies;
import io.sluice.proto.v1beta1.Process;
import io.sluice.proto.v1beta1.SockAddr;
import io.sluice.proto.v1beta1.StackAddress;
import io.sluice.proto.v1beta1.StringArray;
import io.sluice.proto.v1beta1.Thread;
import io.sluice.proto.v1beta1.Threat;
import io.sluice.proto.v1beta1.UInt32Value;
import io.sluice.proto.v1beta1.UInt64Array;
import io.sluice.proto.v1beta1.UserStackTrace;
import io.sluice.proto.v1beta1.Workload;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.sluice.codec.testing.ReferenceJson.assertSameJson;
import static io.sluice.codec.testing.ReferenceJson.bytes;
import static io.sluice.codec.testing.ReferenceJson.printUtf8;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link EventJsonWriter} makes room once per event ({@link EventJsonWriter#room}) and then writes keys, numbers and
 * strings without a check each: the bound must hold for every record, the costliest ones included (every text byte
 * escaped to six, every number at its longest, many of the smallest group entries), with room to spare for the
 * longest store's overhang past the text.
 */
class EventJsonWriterRoomTest
{
    /** Bytes a store may write past the end of the text: a key's three words, or a number's room. */
    private static final int OVERHANG = Math.max(JsonKey.MAX_LENGTH, JsonDigits.ROOM) + 1;
    /** A control byte: six bytes once escaped, the most any input byte becomes. */
    private static final String COSTLY = "\u0001";

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
    void generatedEventsFitTheRoomReservedForThem()
    {
        final RandomEvents events = new RandomEvents(20261130L);
        for (int i = 0; i < 5_000; i++)
        {
            final int length = encoder.encode(events.nextEvent(), record, 0);
            assertFits(length, "generated event #" + i);
        }
    }

    @Test
    void rawRecordsWithStrayPresenceBitsFitTheRoomReservedForThem()
    {
        final RandomEvents events = new RandomEvents(30112026L);
        for (int i = 0; i < 5_000; i++)
        {
            final int length = events.nextRecord(record);
            assertFits(length, "raw record #" + i);
        }
    }

    @Test
    void theCostliestEventsFitTheirRoomAndPrintAsThePrinterPrintsThem()
    {
        for (final EventDefinition definition : List.of(catalog.events().get(0), catalog.events().get(catalog.events().size() - 1)))
        {
            for (final int textLength : new int[]{0, 1, 7, 8, 9, 33})
            {
                final Event event = costliest(definition, COSTLY.repeat(textLength));
                final int length = encoder.encode(event, record, 0);
                final String what = definition.name() + " with texts of " + textLength + " control bytes";
                assertFits(length, what);
                final byte[] expected = printUtf8(decoder.decode(record, 0, length));
                assertSameJson(expected, bytes(out, 0, writer.write(record, 0, length, out, 0)), () -> what);
            }
        }
    }

    private void assertFits(final int length, final String what)
    {
        final int written = writer.write(record, 0, length, out, 0);
        final long room = writer.room(length);
        assertTrue(written + OVERHANG <= room,
            () -> what + ": " + written + " bytes written from a record of " + length + ", room " + room);
    }

    /** Every field set, texts of control bytes, numbers at their longest, many of the smallest group entries. */
    private static Event costliest(final EventDefinition definition, final String text)
    {
        final Process.Builder process = Process.newBuilder()
            .setThread(Thread.newBuilder().setName(text).setUniqueId(-1).setHostTid(-1).setTid(-1).setSyscall(text)
                .setCompat(true).setUserStackTrace(stack()))
            .setPid(UInt32Value.newBuilder().setValue(-1))
            .setExecutable(Executable.newBuilder().setPath(text))
            .setUniqueId(-1)
            .setHostPid(UInt32Value.newBuilder().setValue(-1));
        for (int i = 0; i < 100; i++)
        {
            process.addAncestors(Ancestor.newBuilder().setUniqueId(-1).setHostPid(-1).setPid(-1));
        }
        final Threat.Builder threat = Threat.newBuilder().setName(text).setDescription(text).setSeverityValue(Integer.MIN_VALUE);
        threat.putProperties("", "");
        for (int i = 1; i < 50; i++)
        {
            threat.putProperties(COSTLY.repeat(i), text);
        }
        final Policies.Builder policies = Policies.newBuilder();
        for (final String name : RandomEvents.POLICY_NAMES)
        {
            if (name != null)
            {
                policies.addMatched(name);
            }
        }
        return Event.newBuilder()
            .setIdValue(definition.id())
            .setName(text)
            .setPolicies(policies)
            .setWorkload(Workload.newBuilder().setProcess(process))
            .addAllData(values(definition, text))
            .setThreat(threat)
            .setDetectedFrom(Event.newBuilder().setIdValue(definition.id()).addAllData(values(definition, text)))
            .build();
    }

    private static UserStackTrace stack()
    {
        final UserStackTrace.Builder stack = UserStackTrace.newBuilder();
        for (int i = 0; i < 100; i++)
        {
            stack.addAddresses(StackAddress.newBuilder().setAddress(-1));
        }
        return stack.build();
    }

    /** The catalog's arguments by name, then many unnamed entries of every type at their longest. */
    private static List<EventValue> values(final EventDefinition definition, final String text)
    {
        final List<EventValue> values = new java.util.ArrayList<>();
        for (int i = 0; i < definition.args().size(); i++)
        {
            values.add(EventValue.newBuilder().setName(definition.args().get(i).name()).setUInt64(-1).build());
        }
        for (int i = 0; i < 40; i++)
        {
            values.add(EventValue.newBuilder().setInt32(Integer.MIN_VALUE).build());
            values.add(EventValue.newBuilder().setInt64(Long.MIN_VALUE).build());
            values.add(EventValue.newBuilder().setUInt32(-1).build());
            values.add(EventValue.newBuilder().setUInt64(-1).build());
            values.add(EventValue.newBuilder().setPointer(-1).build());
            values.add(EventValue.newBuilder().setBool(true).build());
            values.add(EventValue.newBuilder().setStr(text).build());
            values.add(EventValue.newBuilder().setBytes(ByteString.copyFrom(new byte[]{1})).build());
            values.add(EventValue.newBuilder().setStrArray(StringArray.newBuilder().addValue("").addValue(text)).build());
            values.add(EventValue.newBuilder().setInt32Array(Int32Array.newBuilder().addValue(Integer.MIN_VALUE)).build());
            values.add(EventValue.newBuilder().setUInt64Array(UInt64Array.newBuilder().addValue(-1)).build());
            values.add(EventValue.newBuilder().setSockaddr(SockAddr.newBuilder().setSaFamilyValue(SockaddrBlob.AF_INET6)
                .setSin6Addr("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff").setSin6Port(0xFFFF).setSin6Flowinfo(-1).setSin6Scopeid(-1))
                .build());
            values.add(EventValue.newBuilder().setSockaddr(SockAddr.newBuilder().setSaFamilyValue(0xFFFF)).build());
            values.add(EventValue.newBuilder().setSockaddr(SockAddr.newBuilder().setSaFamilyValue(SockaddrBlob.AF_UNIX)
                .setSunPath(text)).build());
        }
        return values;
    }
}
