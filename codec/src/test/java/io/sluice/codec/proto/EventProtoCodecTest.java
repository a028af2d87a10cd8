package io.sluice.codec.proto;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.EventEncoder;
import io.sluice.codec.sbe.EventRecordView;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.codec.sbe.MessageHeaderEncoder;
import io.sluice.codec.sbe.ValueType;
import io.sluice.codec.testing.RandomEvents;
import io.sluice.proto.v1beta1.Ancestor;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventId;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.Executable;
import io.sluice.proto.v1beta1.Policies;
import io.sluice.proto.v1beta1.Process;
import io.sluice.proto.v1beta1.SaFamilyT;
import io.sluice.proto.v1beta1.SockAddr;
import io.sluice.proto.v1beta1.StackAddress;
import io.sluice.proto.v1beta1.StringArray;
import io.sluice.proto.v1beta1.Thread;
import io.sluice.proto.v1beta1.Timestamp;
import io.sluice.proto.v1beta1.UserStackTrace;
import io.sluice.proto.v1beta1.Workload;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link EventProtoEncoder} and {@link EventProtoDecoder} map {@code v1beta1.Event} to the SBE record and back as
 * {@code sluice-sbe.xml} describes: presence bits, the name rule, policy bits and the value encodings.
 */
class EventProtoCodecTest
{
    private static final String[] POLICIES = {"default-policy", null, "audit"};

    private final EventCatalog catalog = EventCatalog.standard();
    private final EventProtoEncoder encoder = new EventProtoEncoder(catalog);
    private final EventProtoDecoder decoder = new EventProtoDecoder(catalog);
    private final ExpandableArrayBuffer record = new ExpandableArrayBuffer();

    @BeforeEach
    void namePolicies()
    {
        encoder.policyNames(POLICIES);
        decoder.policyNames(POLICIES);
    }

    @Test
    void givesBackEveryEventTheRecordCanCarry()
    {
        encoder.policyNames(RandomEvents.POLICY_NAMES);
        decoder.policyNames(RandomEvents.POLICY_NAMES);
        final RandomEvents events = new RandomEvents(1L);
        for (int i = 0; i < 3_000; i++)
        {
            final Event event = events.nextEvent();
            final int length = encoder.encode(event, record, 0);
            assertEquals(event, decoder.decode(record, 0, length));
        }
    }

    @Test
    void storesTheCatalogsNameAsEmpty()
    {
        encoder.encode(Event.newBuilder().setId(EventId.openat).setName("openat").build(), record, 0);
        assertEquals("", afterGroups(eventDecoder()).name());

        final int length = encoder.encode(Event.newBuilder().setId(EventId.openat).setName("my-openat").build(), record, 0);
        assertEquals("my-openat", decoder.decode(record, 0, length).getName());
    }

    @Test
    void readsAnEmptyNameAsTheCatalogsNameForTheId()
    {
        assertEquals("openat", decodeRecordNamed(258, "").getName());
        assertEquals("weird", decodeRecordNamed(258, "weird").getName());
        assertEquals("", decodeRecordNamed(6003, "").getName(), "6003 is not in the catalog");
        assertEquals("", decodeRecordNamed(0, "").getName());
    }

    @Test
    void keepsPresentMessagesEvenWhenEmpty()
    {
        final Event event = Event.newBuilder()
            .setTimestamp(Timestamp.getDefaultInstance())
            .setPolicies(Policies.getDefaultInstance())
            .setWorkload(Workload.newBuilder().setProcess(Process.getDefaultInstance()))
            .setDetectedFrom(Event.getDefaultInstance())
            .build();
        final int length = encoder.encode(event, record, 0);
        final Event decoded = decoder.decode(record, 0, length);
        assertEquals(event, decoded);
        assertTrue(decoded.getWorkload().hasProcess());
        assertFalse(decoded.getWorkload().getProcess().hasThread());
        assertFalse(decoded.hasThreat());
    }

    @Test
    void keepsTheUserStackAsFramesLastInTheRecord()
    {
        final Event event = withStack(UserStackTrace.newBuilder()
            .addAddresses(StackAddress.newBuilder().setAddress(0x7f12_3456_789aL))
            .addAddresses(StackAddress.newBuilder().setAddress(-1L).setSymbol("main"))
            .build());
        final int length = encoder.encode(event, record, 0);
        assertEquals(event, decoder.decode(record, 0, length));
        final EventRecordView view = new EventRecordView().wrap(record, 0, length);
        assertEquals(length, view.userStackOffset() + view.userStackLength(), "the last field of the record");
        final byte[] frames = new byte[view.userStackLength()];
        record.getBytes(view.userStackOffset(), frames);
        assertEquals("9a785634127f0000" + "00000000" + "ffffffffffffffff" + "04000000" + "6d61696e",
            HexFormat.of().formatHex(frames));
    }

    @Test
    void tellsAnEmptyStackFromNone()
    {
        final Event empty = withStack(UserStackTrace.getDefaultInstance());
        final Event decoded = decoder.decode(record, 0, encoder.encode(empty, record, 0));
        assertTrue(decoded.getWorkload().getProcess().getThread().hasUserStackTrace());
        assertEquals(empty, decoded);

        final Event none = Event.newBuilder().setWorkload(Workload.newBuilder().setProcess(Process.newBuilder()
            .setThread(Thread.getDefaultInstance()))).build();
        assertFalse(decoder.decode(record, 0, encoder.encode(none, record, 0)).getWorkload().getProcess().getThread()
            .hasUserStackTrace());
    }

    @Test
    void readsADamagedStackAsEveryReaderDoes()
    {
        // a frame, then 11 bytes: too few for another frame's head, ignored
        assertEquals(List.of(frame(1, "")), decodeRecordWithStack("0100000000000000" + "00000000" + "00".repeat(11)));
        // a symbol declared longer than what is left is cut at the end
        assertEquals(List.of(frame(2, "ab")), decodeRecordWithStack("0200000000000000" + "64000000" + "6162"));
        assertEquals(List.of(), decodeRecordWithStack("0300000000"));
    }

    private static StackAddress frame(final long address, final String symbol)
    {
        return StackAddress.newBuilder().setAddress(address).setSymbol(symbol).build();
    }

    private static Event withStack(final UserStackTrace stack)
    {
        return Event.newBuilder()
            .setWorkload(Workload.newBuilder().setProcess(Process.newBuilder().setThread(Thread.newBuilder()
                .setName("java").setUserStackTrace(stack))))
            .build();
    }

    private List<StackAddress> decodeRecordWithStack(final String framesHex)
    {
        final byte[] frames = HexFormat.of().parseHex(framesHex);
        final EventEncoder e = new EventEncoder().wrapAndApplyHeader(record, 0, new MessageHeaderEncoder());
        e.presence().clear().workload(true).process(true).thread(true).userStackTrace(true);
        e.ancestorsCount(0);
        e.dataCount(0);
        e.detectedFromDataCount(0);
        e.threatPropertiesCount(0);
        e.name("").threadName("").syscall("").executablePath("").containerId("").containerName("")
            .containerImageId("").containerImageName("").podName("").podUid("").podNamespace("").threatName("")
            .threatDescription("").tacticName("").techniqueId("").techniqueExternalId("").techniqueName("")
            .detectedFromName("").putUserStack(frames, 0, frames.length);
        final Event event = decoder.decode(record, 0, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
        return event.getWorkload().getProcess().getThread().getUserStackTrace().getAddressesList();
    }

    @Test
    void mapsMatchedPoliciesToBitsAndBack()
    {
        final Event event = Event.newBuilder()
            .setPolicies(Policies.newBuilder().addMatched("default-policy").addMatched("audit"))
            .build();
        encoder.encode(event, record, 0);
        assertEquals(0b101L, eventDecoder().policiesMatched());

        final EventDecoder raw = eventDecoder();
        record.putLong(raw.offset() + EventDecoder.policiesMatchedEncodingOffset(), -1L, ByteOrder.LITTLE_ENDIAN);
        assertEquals(
            List.of("default-policy", "audit"),
            decoder.decode(record, 0, recordLength()).getPolicies().getMatchedList(),
            "bits without a name (null entry, beyond the array) are skipped");
    }

    @Test
    void refusesAMatchedPolicyWithoutABit()
    {
        final Event event = Event.newBuilder().setPolicies(Policies.newBuilder().addMatched("nobody")).build();
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(event, record, 0));
        assertThrows(IllegalArgumentException.class, () -> encoder.policyNames(new String[]{"a", "a"}));
        assertThrows(IllegalArgumentException.class, () -> encoder.policyNames(new String[65]));
    }

    @Test
    void givesAnAncestorAnExecutableOnlyWhenItHasAPath()
    {
        final Event event = Event.newBuilder().setWorkload(Workload.newBuilder().setProcess(Process.newBuilder()
            .addAncestors(Ancestor.newBuilder().setPid(1).setExecutable(Executable.newBuilder().setPath("/sbin/init")))
            .addAncestors(Ancestor.newBuilder().setPid(2).setExecutable(Executable.getDefaultInstance()))))
            .build();
        final int length = encoder.encode(event, record, 0);
        final List<Ancestor> ancestors = decoder.decode(record, 0, length).getWorkload().getProcess().getAncestorsList();
        assertTrue(ancestors.get(0).hasExecutable());
        assertFalse(ancestors.get(1).hasExecutable(), "an empty path is no executable in the record");
    }

    @Test
    void keepsOnlyIdNameAndDataOfDetectedFrom()
    {
        final Event event = Event.newBuilder()
            .setDetectedFrom(Event.newBuilder()
                .setIdValue(776)
                .setName("file_modification")
                .setTimestamp(Timestamp.newBuilder().setSeconds(5))
                .addData(EventValue.newBuilder().setName("dev").setUInt32(2049)))
            .build();
        final int length = encoder.encode(event, record, 0);
        assertEquals(
            Event.newBuilder().setIdValue(776).setName("file_modification")
                .addData(EventValue.newBuilder().setName("dev").setUInt32(2049)).build(),
            decoder.decode(record, 0, length).getDetectedFrom());
    }

    @Test
    void encodesValuesAsTheSchemaSays()
    {
        final Event event = Event.newBuilder()
            .addData(EventValue.newBuilder().setName("n").setUInt32(-1))
            .addData(EventValue.newBuilder().setName("b").setBool(true))
            .addData(EventValue.newBuilder().setName("a").setStrArray(StringArray.newBuilder().addValue("ls").addValue("é")))
            .addData(EventValue.newBuilder().setName("s").setSockaddr(SockAddr.newBuilder()
                .setSaFamily(SaFamilyT.AF_INET).setSinAddr("10.0.0.1").setSinPort(8080)))
            .addData(EventValue.newBuilder().setName("u").setSockaddr(SockAddr.newBuilder()
                .setSaFamily(SaFamilyT.AF_UNIX).setSunPath("/run/x.sock")))
            .addData(EventValue.newBuilder().setName("6").setSockaddr(SockAddr.newBuilder()
                .setSaFamily(SaFamilyT.AF_INET6).setSin6Addr("::1").setSin6Port(443).setSin6Flowinfo(7).setSin6Scopeid(2)))
            .addData(EventValue.newBuilder().setName("none"))
            .build();
        encoder.encode(event, record, 0);
        final EventDecoder decoded = eventDecoder();
        decoded.ancestors();
        final EventDecoder.DataDecoder data = decoded.data();

        assertEntry(data.next(), ValueType.UINT32, 0xFFFF_FFFFL, "");
        assertEntry(data.next(), ValueType.BOOL, 1, "");
        assertEntry(data.next(), ValueType.STR_ARRAY, 0, "02000000" + "6c73" + "02000000" + "c3a9");
        assertEntry(data.next(), ValueType.SOCKADDR, 0, "0200" + "901f" + "0a000001");
        assertEntry(data.next(), ValueType.SOCKADDR, 0, "0100" + hex("/run/x.sock"));
        assertEntry(data.next(), ValueType.SOCKADDR, 0,
            "0a00" + "bb01" + "07000000" + "00000000000000000000000000000001" + "02000000");
        assertEntry(data.next(), ValueType.NONE, 0, "");
    }

    @Test
    void refusesSockaddrFieldsTheRecordCannotHold()
    {
        for (final SockAddr bad : new SockAddr[]{
            SockAddr.newBuilder().setSaFamily(SaFamilyT.AF_INET).setSinAddr("").build(),
            SockAddr.newBuilder().setSaFamily(SaFamilyT.AF_INET).setSinAddr("10.0.0.1").setSinPort(70000).build(),
            SockAddr.newBuilder().setSaFamily(SaFamilyT.AF_INET6).setSin6Addr("10.0.0.1").build(),
            SockAddr.newBuilder().setSaFamilyValue(0x10000).build()})
        {
            final Event event = Event.newBuilder().addData(EventValue.newBuilder().setSockaddr(bad)).build();
            assertThrows(IllegalArgumentException.class, () -> encoder.encode(event, record, 0), bad::toString);
        }
    }

    @Test
    void readsUnknownValueTypesAsNoValue()
    {
        encoder.encode(Event.newBuilder().addData(EventValue.newBuilder().setName("x").setInt32(5)).build(), record, 0);
        final EventDecoder raw = eventDecoder();
        raw.ancestors();
        final int entry = raw.limit() + EventDecoder.DataDecoder.sbeHeaderSize();
        record.putByte(entry + EventDecoder.DataDecoder.valueTypeEncodingOffset(), (byte)200);
        assertEquals(
            EventValue.newBuilder().setName("x").build(),
            decoder.decode(record, 0, recordLength()).getData(0));
    }

    private void assertEntry(final EventDecoder.DataDecoder entry, final ValueType type, final long intValue, final String valueHex)
    {
        assertEquals(type, entry.valueType());
        assertEquals(intValue, entry.intValue());
        entry.skipName();
        final byte[] value = new byte[entry.valueLength()];
        entry.getValue(value, 0, value.length);
        assertEquals(valueHex, HexFormat.of().formatHex(value));
    }

    private Event decodeRecordNamed(final int id, final String name)
    {
        final EventEncoder e = new EventEncoder().wrapAndApplyHeader(record, 0, new MessageHeaderEncoder());
        e.eventId(id);
        e.ancestorsCount(0);
        e.dataCount(0);
        e.detectedFromDataCount(0);
        e.threatPropertiesCount(0);
        e.name(name).threadName("").syscall("").executablePath("").containerId("").containerName("")
            .containerImageId("").containerImageName("").podName("").podUid("").podNamespace("").threatName("")
            .threatDescription("").tacticName("").techniqueId("").techniqueExternalId("").techniqueName("")
            .detectedFromName("").putUserStack(new byte[0], 0, 0);
        return decoder.decode(record, 0, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    private static EventDecoder afterGroups(final EventDecoder decoder)
    {
        decoder.ancestors().forEach(EventDecoder.AncestorsDecoder::sbeSkip);
        decoder.data().forEach(EventDecoder.DataDecoder::sbeSkip);
        decoder.detectedFromData().forEach(EventDecoder.DetectedFromDataDecoder::sbeSkip);
        decoder.threatProperties().forEach(EventDecoder.ThreatPropertiesDecoder::sbeSkip);
        return decoder;
    }

    private EventDecoder eventDecoder()
    {
        return new EventDecoder().wrapAndApplyHeader(record, 0, new MessageHeaderDecoder());
    }

    private int recordLength()
    {
        return MessageHeaderDecoder.ENCODED_LENGTH + eventDecoder().sbeDecodedLength();
    }

    private static String hex(final String text)
    {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }
}
