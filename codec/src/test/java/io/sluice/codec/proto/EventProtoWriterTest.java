package io.sluice.codec.proto;

import com.google.protobuf.ByteString;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.EventEncoder;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.codec.sbe.MessageHeaderEncoder;
import io.sluice.proto.v1beta1.Ancestor;
import io.sluice.proto.v1beta1.Container;
import io.sluice.proto.v1beta1.ContainerImage;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventId;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.Executable;
import io.sluice.proto.v1beta1.Int32Array;
import io.sluice.proto.v1beta1.Mitre;
import io.sluice.proto.v1beta1.MitreTactic;
import io.sluice.proto.v1beta1.MitreTechnique;
import io.sluice.proto.v1beta1.Pod;
import io.sluice.proto.v1beta1.Policies;
import io.sluice.proto.v1beta1.Process;
import io.sluice.proto.v1beta1.SaFamilyT;
import io.sluice.proto.v1beta1.Severity;
import io.sluice.proto.v1beta1.SockAddr;
import io.sluice.proto.v1beta1.StringArray;
import io.sluice.proto.v1beta1.Thread;
import io.sluice.proto.v1beta1.Threat;
import io.sluice.proto.v1beta1.Timestamp;
import io.sluice.proto.v1beta1.UInt32Value;
import io.sluice.proto.v1beta1.UInt64Array;
import io.sluice.proto.v1beta1.User;
import io.sluice.proto.v1beta1.Workload;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HexFormat;
import java.util.function.Consumer;

import static io.sluice.codec.testing.ReferenceJson.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What {@link EventProtoWriter} writes, case by case: every example is also checked against protobuf-java's own
 * encoding of the {@link EventProtoDecoder} message (the specification), and read back with {@code parseFrom}.
 */
class EventProtoWriterTest
{
    private static final HexFormat HEX = HexFormat.of();

    private final EventCatalog catalog = EventCatalog.standard();
    private final EventProtoEncoder encoder = new EventProtoEncoder(catalog);
    private final EventProtoDecoder decoder = new EventProtoDecoder(catalog);
    private final EventProtoWriter writer = new EventProtoWriter(catalog);
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
    void writesNothingForAnEmptyEventAndAZeroLengthWhenDelimited()
    {
        assertEquals("", hex(Event.getDefaultInstance()));
        final int length = encoder.encode(Event.getDefaultInstance(), record, 0);
        assertEquals("00", HEX.formatHex(bytes(out, 0, writer.writeDelimited(record, 0, length, out, 0))));
    }

    @Test
    void writesPresentMessagesEvenWhenEmpty()
    {
        // timestamp {}, policies {}, workload {process {pid {}}}, threat {mitre {}}, detected_from {}
        assertEquals("0a00" + "2200" + "2a04" + "0a02" + "1200" + "3a02" + "1a00" + "4200",
            hex(Event.newBuilder()
                .setTimestamp(Timestamp.getDefaultInstance())
                .setPolicies(Policies.getDefaultInstance())
                .setWorkload(Workload.newBuilder().setProcess(Process.newBuilder().setPid(UInt32Value.getDefaultInstance())))
                .setThreat(Threat.newBuilder().setMitre(Mitre.getDefaultInstance()))
                .setDetectedFrom(Event.getDefaultInstance())
                .build()));
    }

    @Test
    void writesNegativeEnumsAndInt32sInTenBytesAndUnsignedOnesInFive()
    {
        // id -7: varint of the sign-extended 64-bit value, as protobuf writes int32 and enums
        assertEquals("10f9ffffffffffffffff01", hex(Event.newBuilder().setIdValue(-7).build()));
        // data { u_int32: 4294967295 }: five bytes
        assertEquals("3206" + "20ffffffff0f", hex(Event.newBuilder().addData(EventValue.newBuilder().setUInt32(-1)).build()));
        check(Event.newBuilder()
            .setTimestamp(Timestamp.newBuilder().setSeconds(Long.MIN_VALUE).setNanos(-1))
            .addData(EventValue.newBuilder().setInt64(Long.MAX_VALUE))
            .addData(EventValue.newBuilder().setUInt64(-1L))
            .addData(EventValue.newBuilder().setInt32(Integer.MIN_VALUE))
            .setThreat(Threat.newBuilder().setSeverityValue(-1))
            .build());
    }

    @Test
    void writesEveryValueTypeAndTheOneofMemberEvenWhenItHoldsADefault()
    {
        check(Event.newBuilder()
            .addData(EventValue.newBuilder().setName("a").setInt32(0))
            .addData(EventValue.newBuilder().setInt64(0))
            .addData(EventValue.newBuilder().setUInt32(0))
            .addData(EventValue.newBuilder().setUInt64(0))
            .addData(EventValue.newBuilder().setStr(""))
            .addData(EventValue.newBuilder().setBool(false))
            .addData(EventValue.newBuilder().setBytes(ByteString.EMPTY))
            .addData(EventValue.newBuilder().setStrArray(StringArray.getDefaultInstance()))
            .addData(EventValue.newBuilder().setInt32Array(Int32Array.getDefaultInstance()))
            .addData(EventValue.newBuilder().setUInt64Array(UInt64Array.getDefaultInstance()))
            .addData(EventValue.newBuilder().setSockaddr(SockAddr.getDefaultInstance()))
            .addData(EventValue.newBuilder().setName("no value"))
            .build());
        check(Event.newBuilder()
            .addData(EventValue.newBuilder().setName("fd").setInt32(-100))
            .addData(EventValue.newBuilder().setName("off").setInt64(1L << 40))
            .addData(EventValue.newBuilder().setName("mode").setUInt32(0755))
            .addData(EventValue.newBuilder().setName("dev").setUInt64(-2L))
            .addData(EventValue.newBuilder().setName("path").setStr("/etc/passwd"))
            .addData(EventValue.newBuilder().setName("buf").setBytes(ByteString.copyFrom(new byte[]{0, (byte)0xFF, 1})))
            .addData(EventValue.newBuilder().setName("ok").setBool(true))
            .addData(EventValue.newBuilder().setName("argv").setStrArray(StringArray.newBuilder().addValue("ls").addValue("").addValue("-la")))
            .addData(EventValue.newBuilder().setName("fds")
                .setInt32Array(Int32Array.newBuilder().addValue(0).addValue(-1).addValue(Integer.MAX_VALUE)))
            .addData(EventValue.newBuilder().setName("ids").setUInt64Array(UInt64Array.newBuilder().addValue(1).addValue(-1L)))
            .build());
    }

    @Test
    void writesSockaddrsWithTheFieldsOfTheirFamily()
    {
        check(Event.newBuilder()
            .addData(EventValue.newBuilder().setSockaddr(SockAddr.newBuilder().setSaFamily(SaFamilyT.AF_INET)
                .setSinAddr("10.0.0.1").setSinPort(443)))
            .addData(EventValue.newBuilder().setSockaddr(SockAddr.newBuilder().setSaFamily(SaFamilyT.AF_INET).setSinAddr("0.0.0.0")))
            .addData(EventValue.newBuilder().setSockaddr(SockAddr.newBuilder().setSaFamily(SaFamilyT.AF_INET6)
                .setSin6Addr("::ffff:10.1.2.3").setSin6Port(443).setSin6Flowinfo(7).setSin6Scopeid(-1)))
            .addData(EventValue.newBuilder().setSockaddr(SockAddr.newBuilder().setSaFamily(SaFamilyT.AF_INET6).setSin6Addr("::")))
            .addData(EventValue.newBuilder().setSockaddr(SockAddr.newBuilder().setSaFamily(SaFamilyT.AF_UNIX).setSunPath("/run/docker.sock")))
            .addData(EventValue.newBuilder().setSockaddr(SockAddr.newBuilder().setSaFamily(SaFamilyT.AF_UNIX).setSunPath("\0abstract")))
            .addData(EventValue.newBuilder().setSockaddr(SockAddr.newBuilder().setSaFamily(SaFamilyT.AF_UNIX)))
            .addData(EventValue.newBuilder().setSockaddr(SockAddr.newBuilder().setSaFamilyValue(17)))
            .build());
    }

    @Test
    void writesADetectionWithItsThreatAndWhatItWasDetectedFrom()
    {
        check(Event.newBuilder()
            .setTimestamp(Timestamp.newBuilder().setSeconds(1732454400).setNanos(123456789))
            .setIdValue(6003)
            .setName("TRC-5")
            .setPolicies(Policies.newBuilder().addMatched("p0").addMatched("p2"))
            .addData(EventValue.newBuilder().setName("triggered").setBool(true))
            .setThreat(Threat.newBuilder()
                .setName("Hidden file created")
                .setDescription("A hidden file was created")
                .setMitre(Mitre.newBuilder()
                    .setTactic(MitreTactic.newBuilder().setName("Defense Evasion"))
                    .setTechnique(MitreTechnique.newBuilder().setId("attack-pattern--ec8fc7e2").setExternalId("T1564.001")
                        .setName("Hidden Files and Directories")))
                .setSeverity(Severity.MEDIUM)
                .putProperties("Category", "defense-evasion")
                .putProperties("", "")
                .putProperties("Kubernetes_Technique", "K8S.T1564"))
            .setDetectedFrom(Event.newBuilder()
                .setId(EventId.openat)
                .setName("openat")
                .addData(EventValue.newBuilder().setName("pathname").setStr("/tmp/.hidden"))
                .addData(EventValue.newBuilder().setName("flags").setInt32(577)))
            .build());
    }

    @Test
    void writesPropertiesInRecordOrderWithTheLastValueOfARepeatedKey()
    {
        writeRawProperties(e ->
        {
            e.next().key("b").value("1");
            e.next().key("a").value("2");
            e.next().key("b").value("3");
        });
        final Threat threat = Threat.newBuilder().putProperties("b", "3").putProperties("a", "2").build();
        assertEquals(HEX.formatHex(Event.newBuilder().setThreat(threat).build().toByteArray()), writeRecord());
    }

    @Test
    void writesAWorkloadWithAncestorsContainerAndPod()
    {
        check(Event.newBuilder()
            .setId(EventId.sched_process_exec)
            .setName("sched_process_exec")
            .setWorkload(Workload.newBuilder()
                .setProcess(Process.newBuilder()
                    .setThread(Thread.newBuilder().setName("bash").setStartTime(Timestamp.newBuilder().setSeconds(5))
                        .setUniqueId(-1L).setHostTid(-1).setTid(9).setSyscall("execve").setCompat(true))
                    .setPid(UInt32Value.newBuilder().setValue(9))
                    .setRealUser(User.getDefaultInstance())
                    .setExecutable(Executable.newBuilder().setPath("/usr/bin/bash"))
                    .addAncestors(Ancestor.newBuilder().setUniqueId(3).setHostPid(2).setPid(1)
                        .setExecutable(Executable.newBuilder().setPath("/usr/sbin/sshd")))
                    .addAncestors(Ancestor.newBuilder().setUniqueId(1).setHostPid(1).setPid(1))
                    .addAncestors(Ancestor.getDefaultInstance())
                    .setUniqueId(77)
                    .setHostPid(UInt32Value.newBuilder().setValue(-1))
                    .setUser(User.newBuilder().setId(UInt32Value.newBuilder().setValue(0))))
                .setContainer(Container.newBuilder().setId("abc").setIsRunning(true)
                    .setImage(ContainerImage.newBuilder().setName("nginx:1.27")))
                .setPod(Pod.newBuilder().setName("web-0").setNamespace("default")))
            .build());
    }

    @Test
    void writesLengthsOfEveryWidthWhereTheyAreCrossed()
    {
        // Messages and strings whose lengths sit around 127/128 and 16383/16384 bytes, nested three deep, so that
        // each reserved length byte has to grow by one or two (and the delimiting prefix too).
        for (final int size : new int[]{120, 125, 126, 127, 128, 129, 16370, 16380, 16381, 16383, 16384, 16385, 20000})
        {
            check(Event.newBuilder().addData(EventValue.newBuilder()
                .setStrArray(StringArray.newBuilder().addValue("x".repeat(size)))).build());
            check(Event.newBuilder().setWorkload(Workload.newBuilder().setProcess(Process.newBuilder()
                .setExecutable(Executable.newBuilder().setPath("p".repeat(size))))).build());
        }
    }

    @Test
    void writesMalformedUtf8AsTheJdkDecodesIt()
    {
        // 80: stray continuation; C3 28: lead without continuation; ED A0 80: an encoded surrogate (as long as its
        // replacement, different bytes); F0 9F 98: truncated; EF BF BD: a real U+FFFD.
        writeRawName(new byte[]{'a', (byte)0x80, (byte)0xC3, '(', (byte)0xED, (byte)0xA0, (byte)0x80, 'z',
            (byte)0xEF, (byte)0xBF, (byte)0xBD, (byte)0xF0, (byte)0x9F, (byte)0x98});
        assertEquals(HEX.formatHex(Event.newBuilder().setName("a\uFFFD\uFFFD(\uFFFDz\uFFFD\uFFFD").build().toByteArray()), writeRecord());
        // 100 stray bytes: 100 bytes in the record, 300 once replaced, so the one-byte length grows to two
        final byte[] stray = new byte[100];
        java.util.Arrays.fill(stray, (byte)0x80);
        writeRawName(stray);
        assertEquals(HEX.formatHex(Event.newBuilder().setName("\uFFFD".repeat(100)).build().toByteArray()), writeRecord());
    }

    @Test
    void writesTheEmptyNameAsTheCatalogNamesItUnlessItIsAsStored()
    {
        encoder.encode(Event.newBuilder().setId(EventId.openat).setDetectedFrom(Event.newBuilder().setId(EventId.ptrace)).build(), record, 0);
        assertEquals(HEX.formatHex(Event.newBuilder().setId(EventId.openat).setName("openat")
            .setDetectedFrom(Event.newBuilder().setId(EventId.ptrace).setName("ptrace")).build().toByteArray()), writeRecord());
    }

    @Test
    void delimitsWithTheLengthThatParseDelimitedFromReads() throws IOException
    {
        final Event first = Event.newBuilder().setName("x".repeat(300)).build();
        final Event second = Event.newBuilder().setId(EventId.openat).setName("openat").build();
        int at = writer.writeDelimited(record, 0, encoder.encode(first, record, 0), out, 0);
        at += writer.writeDelimited(record, 0, encoder.encode(second, record, 0), out, at);
        final ByteArrayInputStream in = new ByteArrayInputStream(bytes(out, 0, at));
        assertEquals(first, Event.parseDelimitedFrom(in));
        assertEquals(second, Event.parseDelimitedFrom(in));
        assertEquals(null, Event.parseDelimitedFrom(in));
    }

    @Test
    void refusesARecordLongerThanItsLength()
    {
        final int length = encoder.encode(Event.newBuilder().setName("some name").build(), record, 0);
        assertThrows(IllegalArgumentException.class, () -> writer.write(record, 0, length - 1, out, 0));
    }

    /**
     * Encode the event, write it, and check the bytes against protobuf-java's and the event read back.
     */
    private void check(final Event event)
    {
        encoder.encode(event, record, 0);
        final String written = writeRecord();
        try
        {
            assertEquals(event, Event.parseFrom(HEX.parseHex(written)), "parseFrom of the bytes written");
        }
        catch (final IOException ex)
        {
            throw new AssertionError("not protobuf: " + written, ex);
        }
    }

    private String hex(final Event event)
    {
        check(event);
        return writeRecord();
    }

    /**
     * @return the bytes written, in hex, after checking them against protobuf-java's encoding of the decoded record.
     */
    private String writeRecord()
    {
        final int length = MessageHeaderEncoder.ENCODED_LENGTH +
            new EventDecoder().wrapAndApplyHeader(record, 0, new MessageHeaderDecoder()).sbeDecodedLength();
        final byte[] written = bytes(out, 0, writer.write(record, 0, length, out, 0));
        assertArrayEquals(decoder.decode(record, 0, length).toByteArray(), written, "protobuf-java's bytes");
        return HEX.formatHex(written);
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
        record.setMemory(0, 512, (byte)0);
        return new EventEncoder().wrapAndApplyHeader(record, 0, new MessageHeaderEncoder());
    }

    private static void emptyStrings(final EventEncoder e)
    {
        e.threadName("").syscall("").executablePath("").containerId("").containerName("").containerImageId("")
            .containerImageName("").podName("").podUid("").podNamespace("").threatName("").threatDescription("")
            .tacticName("").techniqueId("").techniqueExternalId("").techniqueName("").detectedFromName("");
    }
}
