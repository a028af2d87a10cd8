package io.sluice.codec.json;

import com.google.protobuf.ByteString;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.proto.EventProtoDecoder;
import io.sluice.codec.proto.EventProtoEncoder;
import io.sluice.codec.sbe.EventEncoder;
import io.sluice.codec.sbe.MessageHeaderEncoder;
import io.sluice.codec.sbe.PresenceEncoder;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventId;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.Int32Array;
import io.sluice.proto.v1beta1.Mitre;
import io.sluice.proto.v1beta1.Policies;
import io.sluice.proto.v1beta1.Process;
import io.sluice.proto.v1beta1.SaFamilyT;
import io.sluice.proto.v1beta1.Severity;
import io.sluice.proto.v1beta1.SockAddr;
import io.sluice.proto.v1beta1.StackAddress;
import io.sluice.proto.v1beta1.StringArray;
import io.sluice.proto.v1beta1.Thread;
import io.sluice.proto.v1beta1.Threat;
import io.sluice.proto.v1beta1.Timestamp;
import io.sluice.proto.v1beta1.UInt32Value;
import io.sluice.proto.v1beta1.UInt64Array;
import io.sluice.proto.v1beta1.UserStackTrace;
import io.sluice.proto.v1beta1.Workload;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import static io.sluice.codec.testing.ReferenceJson.bytes;
import static io.sluice.codec.testing.ReferenceJson.print;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What {@link EventJsonWriter} prints, rule by rule: each example is also checked against protobuf's own printer,
 * which is the specification.
 */
class EventJsonWriterTest
{
    private final EventCatalog catalog = EventCatalog.standard();
    private final EventProtoEncoder encoder = new EventProtoEncoder(catalog);
    private final EventProtoDecoder decoder = new EventProtoDecoder(catalog);
    private final EventJsonWriter writer = new EventJsonWriter(catalog);
    private final ExpandableArrayBuffer record = new ExpandableArrayBuffer();
    private final ExpandableArrayBuffer out = new ExpandableArrayBuffer();

    @BeforeEach
    void namePolicies()
    {
        final String[] names = {"p0", null, "p2"};
        encoder.policyNames(names);
        decoder.policyNames(names);
        writer.policyNames(names);
    }

    @Test
    void printsNothingForAnEmptyEvent()
    {
        assertEquals("{}", json(Event.getDefaultInstance()));
    }

    @Test
    void printsPresentMessagesEvenWhenEmpty()
    {
        assertEquals(
            "{\"timestamp\":{},\"policies\":{},\"workload\":{\"process\":{\"pid\":{}}},\"threat\":{\"mitre\":{}},\"detected_from\":{}}",
            json(Event.newBuilder()
                .setTimestamp(Timestamp.getDefaultInstance())
                .setPolicies(Policies.getDefaultInstance())
                .setWorkload(Workload.newBuilder().setProcess(Process.newBuilder().setPid(UInt32Value.getDefaultInstance())))
                .setThreat(Threat.newBuilder().setMitre(Mitre.getDefaultInstance()))
                .setDetectedFrom(Event.getDefaultInstance())
                .build()));
    }

    @Test
    void printsTheUserStackLastInTheThreadAddressesAsUnsignedStrings()
    {
        final UserStackTrace stack = UserStackTrace.newBuilder()
            .addAddresses(StackAddress.newBuilder().setAddress(0x7f3a_1c2b_4d5eL))
            .addAddresses(StackAddress.getDefaultInstance())
            .addAddresses(StackAddress.newBuilder().setAddress(-1L).setSymbol("main"))
            .build();
        assertEquals("{\"workload\":{\"process\":{\"thread\":{\"name\":\"java\",\"compat\":true,"
            + "\"user_stack_trace\":{\"addresses\":[{\"address\":\"139887557430622\"},{},"
            + "{\"address\":\"18446744073709551615\",\"symbol\":\"main\"}]}}}}}",
            json(withThread(Thread.newBuilder().setName("java").setCompat(true).setUserStackTrace(stack))));
        assertEquals("{\"workload\":{\"process\":{\"thread\":{\"user_stack_trace\":{}}}}}",
            json(withThread(Thread.newBuilder().setUserStackTrace(UserStackTrace.getDefaultInstance()))),
            "present, no frames");
    }

    private static Event withThread(final Thread.Builder thread)
    {
        return Event.newBuilder().setWorkload(Workload.newBuilder().setProcess(Process.newBuilder().setThread(thread)))
            .build();
    }

    @Test
    void printsEventIdsInTheEnumByNameAndOthersAsNumbers()
    {
        assertEquals("{\"id\":\"openat\",\"name\":\"openat\"}", json(Event.newBuilder().setId(EventId.openat).setName("openat").build()));
        assertEquals("{\"id\":6003,\"name\":\"X\"}", json(Event.newBuilder().setIdValue(6003).setName("X").build()));
        assertEquals("{\"id\":-7}", json(Event.newBuilder().setIdValue(-7).build()));
    }

    @Test
    void printsAnEmptyNameAsStoredAsNoName()
    {
        // the name rule: an empty name is the catalog's name for the id, unless presence says the name is as stored
        encoder.encode(Event.newBuilder().setId(EventId.openat)
            .setDetectedFrom(Event.newBuilder().setId(EventId.ptrace)).build(), record, 0);
        assertEquals("{\"id\":\"openat\",\"name\":\"openat\",\"detected_from\":{\"id\":\"ptrace\",\"name\":\"ptrace\"}}", writeRecord());
        final PresenceEncoder presence = new EventEncoder().wrap(record, MessageHeaderEncoder.ENCODED_LENGTH).presence();
        presence.nameAsStored(true);
        assertEquals("{\"id\":\"openat\",\"detected_from\":{\"id\":\"ptrace\",\"name\":\"ptrace\"}}", writeRecord());
        presence.nameAsStored(false).detectedFromNameAsStored(true);
        assertEquals("{\"id\":\"openat\",\"name\":\"openat\",\"detected_from\":{\"id\":\"ptrace\"}}", writeRecord());
    }

    @Test
    void quotes64BitIntegersAndPrintsUnsignedOnesUnsigned()
    {
        assertEquals(
            "{\"timestamp\":{\"seconds\":\"-9223372036854775808\",\"nanos\":-1},\"data\":[" +
            "{\"int64\":\"9223372036854775807\"},{\"u_int64\":\"18446744073709551615\"},{\"u_int32\":4294967295}," +
            "{\"int32\":-2147483648},{\"u_int64_array\":{\"value\":[\"18446744073709551615\",\"1\"]}}]}",
            json(Event.newBuilder()
                .setTimestamp(Timestamp.newBuilder().setSeconds(Long.MIN_VALUE).setNanos(-1))
                .addData(EventValue.newBuilder().setInt64(Long.MAX_VALUE))
                .addData(EventValue.newBuilder().setUInt64(-1L))
                .addData(EventValue.newBuilder().setUInt32(-1))
                .addData(EventValue.newBuilder().setInt32(Integer.MIN_VALUE))
                .addData(EventValue.newBuilder().setUInt64Array(UInt64Array.newBuilder().addValue(-1L).addValue(1L)))
                .build()));
    }

    @Test
    void printsTheOneofMemberEvenWhenItHoldsADefault()
    {
        assertEquals(
            "{\"data\":[{\"name\":\"a\",\"int32\":0},{\"str\":\"\"},{\"bool\":false},{\"bytes\":\"\"},{\"str_array\":{}}," +
            "{\"int32_array\":{}},{\"sockaddr\":{}},{\"name\":\"no value\"}]}",
            json(Event.newBuilder()
                .addData(EventValue.newBuilder().setName("a").setInt32(0))
                .addData(EventValue.newBuilder().setStr(""))
                .addData(EventValue.newBuilder().setBool(false))
                .addData(EventValue.newBuilder().setBytes(ByteString.EMPTY))
                .addData(EventValue.newBuilder().setStrArray(StringArray.getDefaultInstance()))
                .addData(EventValue.newBuilder().setInt32Array(Int32Array.getDefaultInstance()))
                .addData(EventValue.newBuilder().setSockaddr(SockAddr.getDefaultInstance()))
                .addData(EventValue.newBuilder().setName("no value"))
                .build()));
    }

    @Test
    void printsBytesAsPaddedStandardBase64()
    {
        assertEquals(
            "{\"data\":[{\"bytes\":\"+/8=\"},{\"bytes\":\"AQ==\"},{\"bytes\":\"AQID\"}]}",
            json(Event.newBuilder()
                .addData(EventValue.newBuilder().setBytes(ByteString.copyFrom(new byte[]{(byte)0xFB, (byte)0xFF})))
                .addData(EventValue.newBuilder().setBytes(ByteString.copyFrom(new byte[]{1})))
                .addData(EventValue.newBuilder().setBytes(ByteString.copyFrom(new byte[]{1, 2, 3})))
                .build()));
    }

    @Test
    void escapesStringsAsGsonDoes()
    {
        // Quote and backslash, short escapes for \b \f \n \r \t, \\u00XX (lowercase) for other controls,
        // HTML-unsafe < > & = ' as \\u003c..., and U+2028/U+2029; DEL, slash and everything else verbatim.
        assertEquals(
            "{\"name\":\"\\\"\\\\\\b\\f\\n\\r\\t\\u0000\\u001f\\u000b\\u003c\\u003e\\u0026\\u003d\\u0027\\u2028\\u2029\u007f/é中😀\"}",
            json(Event.newBuilder()
                .setName("\"\\\b\f\n\r\t\u0000\u001f\u000b<>&='\u2028\u2029\u007f/é中😀")
                .build()));
    }

    @Test
    void printsMalformedUtf8AsTheJdkDecodesIt()
    {
        // 80: stray continuation; C3 28: lead without continuation; ED A0 80: an encoded surrogate; F0 9F 98: truncated.
        writeRawName(new byte[]{'a', (byte)0x80, (byte)0xC3, '(', (byte)0xED, (byte)0xA0, (byte)0x80, 'z', (byte)0xF0, (byte)0x9F, (byte)0x98});
        assertEquals("{\"name\":\"a\uFFFD\uFFFD(\uFFFDz\uFFFD\"}", writeRecord());
    }

    @Test
    void printsSeverityAndSockaddrFamiliesByNameOrNumber()
    {
        assertEquals(
            "{\"data\":[{\"sockaddr\":{\"sa_family\":\"AF_INET\",\"sin_addr\":\"0.0.0.0\"}}," +
            "{\"sockaddr\":{\"sa_family\":\"AF_INET6\",\"sin6_addr\":\"::ffff:10.1.2.3\",\"sin6_port\":443,\"sin6_scopeid\":4294967295}}," +
            "{\"sockaddr\":{\"sa_family\":\"AF_UNIX\",\"sun_path\":\"\\u0000abstract\"}},{\"sockaddr\":{\"sa_family\":17}}]," +
            "\"threat\":{\"severity\":\"CRITICAL\"}}",
            json(Event.newBuilder()
                .addData(EventValue.newBuilder().setSockaddr(SockAddr.newBuilder().setSaFamily(SaFamilyT.AF_INET).setSinAddr("0.0.0.0")))
                .addData(EventValue.newBuilder().setSockaddr(SockAddr.newBuilder().setSaFamily(SaFamilyT.AF_INET6)
                    .setSin6Addr("::ffff:10.1.2.3").setSin6Port(443).setSin6Scopeid(-1)))
                .addData(EventValue.newBuilder().setSockaddr(SockAddr.newBuilder().setSaFamily(SaFamilyT.AF_UNIX).setSunPath("\0abstract")))
                .addData(EventValue.newBuilder().setSockaddr(SockAddr.newBuilder().setSaFamilyValue(17)))
                .setThreat(Threat.newBuilder().setSeverity(Severity.CRITICAL))
                .build()));
        assertEquals("{\"threat\":{\"severity\":12}}", json(Event.newBuilder().setThreat(Threat.newBuilder().setSeverityValue(12)).build()));
    }

    @Test
    void printsMatchedPoliciesInBitOrder()
    {
        assertEquals(
            "{\"policies\":{\"matched\":[\"p0\",\"p2\"]}}",
            json(Event.newBuilder().setPolicies(Policies.newBuilder().addMatched("p2").addMatched("p0")).build()));
    }

    @Test
    void printsPropertiesInRecordOrderWithTheLastValueOfARepeatedKey()
    {
        writeRawProperties(e ->
        {
            e.next().key("b").value("1");
            e.next().key("a").value("2");
            e.next().key("b").value("3");
        });
        assertEquals("{\"threat\":{\"properties\":{\"b\":\"3\",\"a\":\"2\"}}}", writeRecord());
    }

    @Test
    void refusesARecordLongerThanItsLength()
    {
        final int length = encoder.encode(Event.newBuilder().setName("some name").build(), record, 0);
        assertThrows(IllegalArgumentException.class, () -> writer.write(record, 0, length - 1, out, 0));
    }

    /**
     * @return what the writer prints, after checking that protobuf's printer prints the same for the decoded record.
     */
    private String json(final Event event)
    {
        encoder.encode(event, record, 0);
        return writeRecord();
    }

    private String writeRecord()
    {
        final int length = MessageHeaderEncoder.ENCODED_LENGTH +
            new io.sluice.codec.sbe.EventDecoder().wrapAndApplyHeader(record, 0, new io.sluice.codec.sbe.MessageHeaderDecoder())
                .sbeDecodedLength();
        final String written = new String(bytes(out, 0, writer.write(record, 0, length, out, 0)), StandardCharsets.UTF_8);
        assertEquals(print(decoder.decode(record, 0, length)), written, "protobuf's printer");
        return written;
    }

    private void writeRawName(final byte[] name)
    {
        final EventEncoder e = emptyRecord();
        e.ancestorsCount(0);
        e.dataCount(0);
        e.detectedFromDataCount(0);
        e.threatPropertiesCount(0);
        e.putName(name, 0, name.length);
        emptyStrings(e);
    }

    private void writeRawProperties(final Consumer<EventEncoder.ThreatPropertiesEncoder> properties)
    {
        final EventEncoder e = emptyRecord();
        e.presence().threat(true);
        e.ancestorsCount(0);
        e.dataCount(0);
        e.detectedFromDataCount(0);
        properties.accept(e.threatPropertiesCount(3));
        e.name("");
        emptyStrings(e);
    }

    private EventEncoder emptyRecord()
    {
        record.setMemory(0, 256, (byte)0);
        return new EventEncoder().wrapAndApplyHeader(record, 0, new MessageHeaderEncoder());
    }

    private static void emptyStrings(final EventEncoder e)
    {
        e.threadName("").syscall("").executablePath("").containerId("").containerName("").containerImageId("")
            .containerImageName("").podName("").podUid("").podNamespace("").threatName("").threatDescription("")
            .tacticName("").techniqueId("").techniqueExternalId("").techniqueName("").detectedFromName("")
            .putUserStack(new byte[0], 0, 0);
    }
}
