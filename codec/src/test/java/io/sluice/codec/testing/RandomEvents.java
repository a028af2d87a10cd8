package io.sluice.codec.testing;

import com.google.protobuf.ByteString;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.codec.sbe.EventEncoder;
import io.sluice.codec.sbe.MessageHeaderEncoder;
import io.sluice.codec.sbe.PresenceEncoder;
import io.sluice.codec.sbe.SockaddrBlob;
import io.sluice.codec.sbe.ValueType;
import io.sluice.codec.sbe.ValueTypes;
import io.sluice.codec.text.InetText;
import io.sluice.codec.wire.StructuredValue;
import io.sluice.proto.v1beta1.Ancestor;
import io.sluice.proto.v1beta1.Container;
import io.sluice.proto.v1beta1.ContainerImage;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.Executable;
import io.sluice.proto.v1beta1.Int32Array;
import io.sluice.proto.v1beta1.Mitre;
import io.sluice.proto.v1beta1.MitreTactic;
import io.sluice.proto.v1beta1.MitreTechnique;
import io.sluice.proto.v1beta1.Pod;
import io.sluice.proto.v1beta1.Policies;
import io.sluice.proto.v1beta1.Process;
import io.sluice.proto.v1beta1.SockAddr;
import io.sluice.proto.v1beta1.StackAddress;
import io.sluice.proto.v1beta1.StringArray;
import io.sluice.proto.v1beta1.Thread;
import io.sluice.proto.v1beta1.Threat;
import io.sluice.proto.v1beta1.Timestamp;
import io.sluice.proto.v1beta1.UInt32Value;
import io.sluice.proto.v1beta1.UInt64Array;
import io.sluice.proto.v1beta1.User;
import io.sluice.proto.v1beta1.UserStackTrace;
import io.sluice.proto.v1beta1.Workload;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Deterministic random events for differential tests, in two flavours:
 * <ul>
 *   <li>{@link #nextEvent()}: a {@code v1beta1.Event} the record can carry without loss (so encoding then decoding
 *       gives it back), with nasty but valid text: controls, quotes, HTML characters, U+2028/2029, CJK, emoji;</li>
 *   <li>{@link #nextRecord(MutableDirectBuffer)}: a record written with the SBE encoder directly, the way a careless
 *       or hostile producer could: random presence bits (unused ones too), invalid UTF-8 everywhere, unknown value
 *       types, damaged value blobs, repeated property keys.</li>
 * </ul>
 */
public final class RandomEvents
{
    /** Policy names by bit: all 64 bits, a few left unnamed (null), unicode and escapes included. */
    public static final String[] POLICY_NAMES = policyNames();

    private static final int[] CATALOG_IDS = EventCatalog.standard().events().stream().mapToInt(EventDefinition::id).toArray();
    private static final String[] PIECES = {
        "\"", "\\", "/", "<", ">", "&", "=", "'", "\u2028", "\u2029", "\u0085", "\u00a0", "\ufeff", "\ufffd", "\uffff",
        "\u007f", "\u0000", "\n", "\r", "\t", "\b", "\f", "\u000b", "\u001f", "é", "ß", "€", "中文", "日本語", "한국어",
        "😀", "👩‍👩‍👧", "𝄞", "\uD83D\uDE00", "/usr/bin/ls", "-la", "TRC-5", "sched_process_exec", " ", "%s", "{}", "[]"};
    private static final byte[][] BROKEN_UTF8 = {
        {(byte)0x80}, {(byte)0xBF}, {(byte)0xC0, (byte)0xAF}, {(byte)0xC1, (byte)0xBF}, {(byte)0xC2}, {(byte)0xDF, 0x41},
        {(byte)0xE0, (byte)0x80, (byte)0xAF}, {(byte)0xE0, (byte)0xA0}, {(byte)0xE1, (byte)0x80}, {(byte)0xED, (byte)0xA0, (byte)0x80},
        {(byte)0xED, (byte)0xBF, (byte)0xBF}, {(byte)0xEF, (byte)0xBF}, {(byte)0xF0, (byte)0x80, (byte)0x80, (byte)0x80},
        {(byte)0xF0, (byte)0x9F, (byte)0x98}, {(byte)0xF0, (byte)0x9F}, {(byte)0xF4, (byte)0x90, (byte)0x80, (byte)0x80},
        {(byte)0xF4, (byte)0x8F, (byte)0xBF, (byte)0xBF}, {(byte)0xF5, (byte)0x80, (byte)0x80, (byte)0x80},
        {(byte)0xF8, (byte)0x88, (byte)0x80, (byte)0x80, (byte)0x80}, {(byte)0xFE}, {(byte)0xFF}, {(byte)0xF1, 0x41, 0x42},
        {(byte)0xE2, (byte)0x80, (byte)0xA8}, {(byte)0xE2, (byte)0x80}};

    private final Random random;
    private final RandomMessages messages;

    public RandomEvents(final long seed)
    {
        this.random = new Random(seed);
        this.messages = new RandomMessages(random, this::text, false);
    }

    // ---------------------------------------------------------------- proto events

    public Event nextEvent()
    {
        final Event.Builder event = Event.newBuilder();
        if (chance(0.8))
        {
            event.setTimestamp(timestamp());
        }
        final int id = eventId();
        event.setIdValue(id);
        event.setName(eventName(id));
        if (chance(0.6))
        {
            event.setPolicies(policies());
        }
        if (chance(0.8))
        {
            event.setWorkload(workload());
        }
        event.addAllData(values(chance(0.1) ? 40 : 8));
        if (chance(0.3))
        {
            event.setThreat(threat());
        }
        if (chance(0.3))
        {
            final int fromId = eventId();
            event.setDetectedFrom(Event.newBuilder()
                .setIdValue(fromId)
                .setName(eventName(fromId))
                .addAllData(values(6)));
        }
        return event.build();
    }

    private Timestamp timestamp()
    {
        return Timestamp.newBuilder().setSeconds(anyLong()).setNanos(anyInt()).build();
    }

    private int eventId()
    {
        switch (random.nextInt(6))
        {
            case 0:
            case 1:
                return CATALOG_IDS[random.nextInt(CATALOG_IDS.length)];
            case 2:
                return 0;
            case 3:
                return 6000 + random.nextInt(20);
            case 4:
                return -1 - random.nextInt(1000);
            default:
                return anyInt();
        }
    }

    /** A name the record carries without loss: never empty for a catalog id (empty would come back as its name). */
    private String eventName(final int id)
    {
        final EventDefinition definition = EventCatalog.standard().byId(id);
        switch (random.nextInt(3))
        {
            case 0:
                return definition != null ? definition.name() : "";
            case 1:
                return definition != null ? definition.name() : text(20);
            default:
                final String text = text(30);
                return text.isEmpty() && definition != null ? definition.name() : text;
        }
    }

    private Policies policies()
    {
        final Policies.Builder policies = Policies.newBuilder();
        final double density = random.nextDouble();
        for (final String name : POLICY_NAMES)
        {
            if (name != null && random.nextDouble() < density)
            {
                policies.addMatched(name);
            }
        }
        return policies.build();
    }

    private Workload workload()
    {
        final Workload.Builder workload = Workload.newBuilder();
        if (chance(0.85))
        {
            final Process.Builder process = Process.newBuilder();
            if (chance(0.8))
            {
                final Thread.Builder thread = Thread.newBuilder()
                    .setName(text(16))
                    .setUniqueId(anyLong())
                    .setHostTid(anyInt())
                    .setTid(anyInt())
                    .setSyscall(text(12))
                    .setCompat(random.nextBoolean());
                if (chance(0.7))
                {
                    thread.setStartTime(timestamp());
                }
                if (chance(0.4))
                {
                    thread.setUserStackTrace(userStack());
                }
                process.setThread(thread);
            }
            if (chance(0.7))
            {
                process.setPid(UInt32Value.newBuilder().setValue(anyInt()));
            }
            if (chance(0.6))
            {
                process.setRealUser(user());
            }
            if (chance(0.6))
            {
                process.setExecutable(Executable.newBuilder().setPath(text(40)));
            }
            final int ancestors = chance(0.5) ? random.nextInt(chance(0.1) ? 30 : 4) : 0;
            for (int i = 0; i < ancestors; i++)
            {
                final Ancestor.Builder ancestor = Ancestor.newBuilder()
                    .setUniqueId(anyLong())
                    .setHostPid(anyInt())
                    .setPid(anyInt());
                final String path = text(30);
                if (!path.isEmpty() && random.nextBoolean())
                {
                    ancestor.setExecutable(Executable.newBuilder().setPath(path));
                }
                process.addAncestors(ancestor);
            }
            process.setUniqueId(anyLong());
            if (chance(0.5))
            {
                process.setHostPid(UInt32Value.newBuilder().setValue(anyInt()));
            }
            if (chance(0.5))
            {
                process.setUser(user());
            }
            workload.setProcess(process);
        }
        if (chance(0.4))
        {
            final Container.Builder container = Container.newBuilder()
                .setId(text(64))
                .setName(text(20))
                .setIsRunning(random.nextBoolean());
            if (chance(0.6))
            {
                container.setImage(ContainerImage.newBuilder().setId(text(64)).setName(text(30)));
            }
            workload.setContainer(container);
        }
        if (chance(0.3))
        {
            workload.setPod(Pod.newBuilder().setName(text(20)).setUid(text(36)).setNamespace(text(15)));
        }
        return workload.build();
    }

    /** A user stack: sometimes empty, up to the sensor's depth and beyond, zero and huge addresses, rare symbols. */
    private UserStackTrace userStack()
    {
        final UserStackTrace.Builder stack = UserStackTrace.newBuilder();
        final int frames = random.nextInt(chance(0.1) ? 200 : 21);
        for (int i = 0; i < frames; i++)
        {
            final StackAddress.Builder frame = StackAddress.newBuilder()
                .setAddress(chance(0.7) ? 0x5500_0000_0000L + random.nextInt(1 << 30) : anyLong());
            if (chance(0.2))
            {
                frame.setSymbol(text(8));
            }
            stack.addAddresses(frame);
        }
        return stack.build();
    }

    private User user()
    {
        final User.Builder user = User.newBuilder();
        if (chance(0.8))
        {
            user.setId(UInt32Value.newBuilder().setValue(anyInt()));
        }
        return user.build();
    }

    private List<EventValue> values(final int max)
    {
        final List<EventValue> values = new ArrayList<>();
        final int count = random.nextInt(max + 1);
        for (int i = 0; i < count; i++)
        {
            values.add(value());
        }
        return values;
    }

    private EventValue value()
    {
        final EventValue.Builder value = EventValue.newBuilder().setName(text(12));
        switch (random.nextInt(16))
        {
            case 0:
                return value.setInt32(anyInt()).build();
            case 1:
                return value.setInt64(anyLong()).build();
            case 2:
                return value.setUInt32(anyInt()).build();
            case 3:
                return value.setUInt64(anyLong()).build();
            case 4:
                return value.setStr(text(chance(0.05) ? 3000 : 60)).build();
            case 5:
                final byte[] bytes = new byte[random.nextInt(chance(0.1) ? 500 : 10)];
                random.nextBytes(bytes);
                return value.setBytes(ByteString.copyFrom(bytes)).build();
            case 6:
                return value.setBool(random.nextBoolean()).build();
            case 7:
                final StringArray.Builder strings = StringArray.newBuilder();
                final int n = random.nextInt(chance(0.1) ? 200 : 6);
                for (int i = 0; i < n; i++)
                {
                    strings.addValue(text(20));
                }
                return value.setStrArray(strings).build();
            case 8:
                final Int32Array.Builder ints = Int32Array.newBuilder();
                final int m = random.nextInt(chance(0.1) ? 100 : 6);
                for (int i = 0; i < m; i++)
                {
                    ints.addValue(anyInt());
                }
                return value.setInt32Array(ints).build();
            case 9:
                final UInt64Array.Builder longs = UInt64Array.newBuilder();
                final int k = random.nextInt(chance(0.1) ? 100 : 6);
                for (int i = 0; i < k; i++)
                {
                    longs.addValue(anyLong());
                }
                return value.setUInt64Array(longs).build();
            case 10:
                return value.setSockaddr(sockaddr()).build();
            case 11:
                return value.setPointer(anyLong()).build();
            case 12:
            case 13:
            case 14:
                return messages.member(value).build();
            default:
                return value.build(); // no member set
        }
    }

    /** A sockaddr with exactly the fields its family carries, addresses in canonical text. */
    private SockAddr sockaddr()
    {
        final SockAddr.Builder sockaddr = SockAddr.newBuilder();
        switch (random.nextInt(5))
        {
            case 0:
                return sockaddr.setSaFamilyValue(SockaddrBlob.AF_UNIX).setSunPath(text(40)).build();
            case 1:
                final byte[] v4 = new byte[4];
                random.nextBytes(v4);
                if (chance(0.2))
                {
                    v4[0] = v4[1] = v4[2] = v4[3] = 0;
                }
                final byte[] v4Text = new byte[InetText.MAX_IPV4_LENGTH];
                return sockaddr.setSaFamilyValue(SockaddrBlob.AF_INET)
                    .setSinAddr(new String(v4Text, 0, InetText.formatIpv4(new UnsafeBuffer(v4), 0, v4Text, 0), StandardCharsets.US_ASCII))
                    .setSinPort(port())
                    .build();
            case 2:
                final byte[] v6 = ipv6();
                final byte[] v6Text = new byte[InetText.MAX_IPV6_LENGTH];
                return sockaddr.setSaFamilyValue(SockaddrBlob.AF_INET6)
                    .setSin6Addr(new String(v6Text, 0, InetText.formatIpv6(new UnsafeBuffer(v6), 0, v6Text, 0), StandardCharsets.US_ASCII))
                    .setSin6Port(port())
                    .setSin6Flowinfo(anyInt())
                    .setSin6Scopeid(anyInt())
                    .build();
            case 3:
                return sockaddr.build(); // family 0: an empty sockaddr
            default:
                final int[] others = {3, 16, 17, 44, 0xFFFF, random.nextInt(0x10000)};
                return sockaddr.setSaFamilyValue(others[random.nextInt(others.length)]).build();
        }
    }

    private int port()
    {
        final int[] ports = {0, 1, 80, 443, 8080, 0xFFFF, random.nextInt(0x10000)};
        return ports[random.nextInt(ports.length)];
    }

    private byte[] ipv6()
    {
        final byte[] address = new byte[16];
        if (chance(0.15))
        {
            address[10] = (byte)0xFF;
            address[11] = (byte)0xFF;
            for (int i = 12; i < 16; i++)
            {
                address[i] = (byte)random.nextInt(256);
            }
            return address;
        }
        for (int g = 0; g < 8; g++)
        {
            final int value = random.nextInt(3) == 0 ? random.nextInt(0x10000) : random.nextInt(5) == 0 ? 1 : 0;
            address[2 * g] = (byte)(value >> 8);
            address[2 * g + 1] = (byte)value;
        }
        return address;
    }

    private Threat threat()
    {
        final Threat.Builder threat = Threat.newBuilder()
            .setName(text(30))
            .setDescription(text(80));
        if (chance(0.7))
        {
            final Mitre.Builder mitre = Mitre.newBuilder();
            if (chance(0.6))
            {
                mitre.setTactic(MitreTactic.newBuilder().setName(text(20)));
            }
            if (chance(0.6))
            {
                mitre.setTechnique(MitreTechnique.newBuilder().setId(text(10)).setExternalId(text(10)).setName(text(20)));
            }
            threat.setMitre(mitre);
        }
        final int[] severities = {0, 1, 2, 3, 4, 5, 9, -1, Integer.MAX_VALUE};
        threat.setSeverityValue(severities[random.nextInt(severities.length)]);
        final int properties = random.nextInt(6);
        for (int i = 0; i < properties; i++)
        {
            threat.putProperties(text(10), text(20));
        }
        return threat.build();
    }

    // ---------------------------------------------------------------- raw records

    /**
     * @return the length of the record written at 0.
     */
    public int nextRecord(final MutableDirectBuffer buffer)
    {
        final EventEncoder e = new EventEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder());
        e.timestampSeconds(anyLong());
        e.timestampNanos(anyInt());
        e.eventId(eventId());
        final int presence = (random.nextInt(4) == 0 ? random.nextInt() : random.nextInt(1 << 21))
            | (random.nextBoolean() ? PresenceEncoder.userStackTrace(0, true) : 0);
        buffer.putInt(e.offset() + EventEncoder.presenceEncodingOffset(), presence, ByteOrder.LITTLE_ENDIAN);
        e.policiesMatched(random.nextInt(3) == 0 ? -1L : random.nextLong());
        e.pid(anyInt() & 0xFFFF_FFFFL);
        e.hostPid(anyInt() & 0xFFFF_FFFFL);
        e.tid(anyInt() & 0xFFFF_FFFFL);
        e.hostTid(anyInt() & 0xFFFF_FFFFL);
        e.processUniqueId(anyLong());
        e.threadUniqueId(anyLong());
        e.threadStartSeconds(anyLong());
        e.threadStartNanos(anyInt());
        e.realUserId(anyInt() & 0xFFFF_FFFFL);
        e.userId(anyInt() & 0xFFFF_FFFFL);
        e.compat((short)random.nextInt(256));
        e.containerIsRunning((short)random.nextInt(256));
        e.threatSeverity(random.nextInt(8) - 2);
        e.detectedFromId(eventId());
        e.gid(anyInt() & 0xFFFF_FFFFL);
        e.cgroupId(anyLong());

        final int ancestors = random.nextInt(4);
        final EventEncoder.AncestorsEncoder ancestorsEncoder = e.ancestorsCount(ancestors);
        for (int i = 0; i < ancestors; i++)
        {
            final byte[] path = bytes(20);
            ancestorsEncoder.next().uniqueId(anyLong()).hostPid(anyInt() & 0xFFFF_FFFFL).pid(anyInt() & 0xFFFF_FFFFL)
                .putExecutablePath(path, 0, path.length);
        }

        final int data = random.nextInt(10);
        final EventEncoder.DataEncoder dataEncoder = e.dataCount(data);
        for (int i = 0; i < data; i++)
        {
            dataEncoder.next();
            final int type = rawValueType();
            buffer.putByte(e.limit() - EventEncoder.DataEncoder.sbeBlockLength(), (byte)type);
            dataEncoder.intValue(anyLong());
            final byte[] name = bytes(10);
            final byte[] value = rawValue(type);
            dataEncoder.putName(name, 0, name.length).putValue(value, 0, value.length);
        }

        final int fromData = random.nextInt(4);
        final EventEncoder.DetectedFromDataEncoder fromEncoder = e.detectedFromDataCount(fromData);
        for (int i = 0; i < fromData; i++)
        {
            fromEncoder.next();
            final int type = rawValueType();
            buffer.putByte(e.limit() - EventEncoder.DetectedFromDataEncoder.sbeBlockLength(), (byte)type);
            fromEncoder.intValue(anyLong());
            final byte[] name = bytes(10);
            final byte[] value = rawValue(type);
            fromEncoder.putName(name, 0, name.length).putValue(value, 0, value.length);
        }

        // Keys from a small pool, so they repeat, sometimes as different bytes that decode equal.
        final byte[][] keys = {{'a'}, {'b'}, {(byte)0x80}, {(byte)0xFF}, {(byte)0xC2}, {'a', (byte)0xE1, (byte)0x80},
            {'a', (byte)0xF0, (byte)0x9F}, {}, {'<', '&', '>'}};
        final int properties = random.nextInt(7);
        final EventEncoder.ThreatPropertiesEncoder propertiesEncoder = e.threatPropertiesCount(properties);
        for (int i = 0; i < properties; i++)
        {
            final byte[] key = random.nextBoolean() ? keys[random.nextInt(keys.length)] : bytes(6);
            final byte[] value = bytes(12);
            propertiesEncoder.next().putKey(key, 0, key.length).putValue(value, 0, value.length);
        }

        final byte[] name = random.nextInt(3) == 0 ? new byte[0] : bytes(20);
        e.putName(name, 0, name.length);
        putRandom(e::putThreadName);
        putRandom(e::putSyscall);
        putRandom(e::putExecutablePath);
        putRandom(e::putContainerId);
        putRandom(e::putContainerName);
        putRandom(e::putContainerImageId);
        putRandom(e::putContainerImageName);
        putRandom(e::putPodName);
        putRandom(e::putPodUid);
        putRandom(e::putPodNamespace);
        putRandom(e::putThreatName);
        putRandom(e::putThreatDescription);
        putRandom(e::putTacticName);
        putRandom(e::putTechniqueId);
        putRandom(e::putTechniqueExternalId);
        putRandom(e::putTechniqueName);
        final byte[] fromName = random.nextInt(3) == 0 ? new byte[0] : bytes(20);
        e.putDetectedFromName(fromName, 0, fromName.length);
        final byte[] stack = rawUserStack();
        e.putUserStack(stack, 0, stack.length);
        return MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
    }

    private interface VarData
    {
        EventEncoder put(byte[] src, int offset, int length);
    }

    private void putRandom(final VarData field)
    {
        final byte[] value = bytes(25);
        field.put(value, 0, value.length);
    }

    /** Frames of a user stack, mostly well-formed, some with broken symbols, cut short, or noise. */
    private byte[] rawUserStack()
    {
        if (random.nextInt(8) == 0)
        {
            final byte[] noise = new byte[random.nextInt(40)];
            random.nextBytes(noise);
            return noise;
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final int frames = random.nextInt(22);
        for (int i = 0; i < frames; i++)
        {
            final long address = anyLong();
            for (int b = 0; b < Long.BYTES; b++)
            {
                out.write((int)(address >>> (8 * b)));
            }
            final byte[] symbol = random.nextInt(5) == 0 ? bytes(4) : new byte[0];
            writeIntLe(out, random.nextInt(20) == 0 ? symbol.length + random.nextInt(100) : symbol.length);
            out.writeBytes(symbol);
        }
        if (random.nextInt(5) == 0)
        {
            out.writeBytes(new byte[1 + random.nextInt(11)]);
        }
        return out.toByteArray();
    }

    private int rawValueType()
    {
        final int[] unknown = {0, 28, 100, 200, 255};
        return random.nextInt(10) == 0 ? unknown[random.nextInt(unknown.length)] : 1 + random.nextInt(27);
    }

    /** A value blob for the type: mostly well-formed around broken strings, sometimes damaged or plain noise. */
    private byte[] rawValue(final int type)
    {
        if (random.nextInt(8) == 0)
        {
            final byte[] noise = new byte[random.nextInt(40)];
            random.nextBytes(noise);
            return noise;
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (type == ValueType.STR_ARRAY.value())
        {
            final int n = random.nextInt(6);
            for (int i = 0; i < n; i++)
            {
                final byte[] element = bytes(15);
                final int declared = random.nextInt(10) == 0 ? element.length + random.nextInt(100) : element.length;
                writeIntLe(out, declared);
                out.writeBytes(element);
            }
            if (random.nextInt(5) == 0)
            {
                out.writeBytes(new byte[random.nextInt(4)]);
            }
            return out.toByteArray();
        }
        if (type == ValueType.SOCKADDR.value())
        {
            final int[] families = {SockaddrBlob.AF_UNIX, SockaddrBlob.AF_INET, SockaddrBlob.AF_INET6, 0, 3, 0xFFFF};
            final int family = families[random.nextInt(families.length)];
            out.write(family);
            out.write(family >> 8);
            if (family == SockaddrBlob.AF_UNIX)
            {
                out.writeBytes(bytes(30));
            }
            else if (family == SockaddrBlob.AF_INET || family == SockaddrBlob.AF_INET6)
            {
                final byte[] rest = new byte[family == SockaddrBlob.AF_INET ? 6 : 26];
                random.nextBytes(rest);
                if (family == SockaddrBlob.AF_INET6 && random.nextBoolean())
                {
                    System.arraycopy(ipv6(), 0, rest, 6, 16);
                }
                final int cut = random.nextInt(6) == 0 ? random.nextInt(rest.length) : rest.length;
                out.write(rest, 0, cut);
            }
            if (random.nextInt(6) == 0)
            {
                out.writeBytes(bytes(5));
            }
            final byte[] blob = out.toByteArray();
            return random.nextInt(15) == 0 ? new byte[random.nextInt(2)] : blob;
        }
        final StructuredValue kind = StructuredValue.of(ValueTypes.of((short)type));
        if (kind != null)
        {
            return damaged(messages.message(kind).toByteArray());
        }
        if (type == ValueType.INT32_ARRAY.value() || type == ValueType.UINT64_ARRAY.value())
        {
            final byte[] packed = new byte[random.nextInt(12) * (type == ValueType.INT32_ARRAY.value() ? 4 : 8)];
            random.nextBytes(packed);
            return packed;
        }
        return bytes(40);
    }

    /** Wire bytes as they are, or with a byte changed, cut short, or a stray zero field appended. */
    private byte[] damaged(final byte[] wire)
    {
        switch (random.nextInt(8))
        {
            case 0:
                if (wire.length > 0)
                {
                    wire[random.nextInt(wire.length)] ^= (byte)(1 << random.nextInt(8));
                }
                return wire;
            case 1:
                return Arrays.copyOf(wire, random.nextInt(wire.length + 1));
            case 2:
                final byte[] zeroField = Arrays.copyOf(wire, wire.length + 2);
                zeroField[wire.length] = 0x08; // field 1, varint 0: valid wire, not canonical
                return zeroField;
            default:
                return wire;
        }
    }

    // ---------------------------------------------------------------- text and numbers

    /** Valid text, from empty to {@code maxPieces} nasty pieces (a few code points each). */
    public String text(final int maxPieces)
    {
        if (random.nextInt(4) == 0)
        {
            return "";
        }
        final StringBuilder text = new StringBuilder();
        final int pieces = 1 + random.nextInt(Math.max(1, maxPieces / 3));
        for (int i = 0; i < pieces; i++)
        {
            switch (random.nextInt(6))
            {
                case 0:
                    text.append(PIECES[random.nextInt(PIECES.length)]);
                    break;
                case 1:
                    text.append((char)random.nextInt(0x80));
                    break;
                case 2:
                    text.appendCodePoint(bmpCodePoint());
                    break;
                case 3:
                    text.appendCodePoint(0x10000 + random.nextInt(0x100000));
                    break;
                case 4:
                    text.appendCodePoint(0x4E00 + random.nextInt(0x5200));
                    break;
                default:
                    text.append((char)('a' + random.nextInt(26))).append((char)('0' + random.nextInt(10)));
                    break;
            }
        }
        return text.toString();
    }

    private int bmpCodePoint()
    {
        while (true)
        {
            final int cp = random.nextInt(0x10000);
            if (!Character.isSurrogate((char)cp))
            {
                return cp;
            }
        }
    }

    /** Bytes for a record string: valid UTF-8, invalid sequences, or both. */
    public byte[] bytes(final int maxPieces)
    {
        if (random.nextInt(5) == 0)
        {
            return new byte[0];
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final int pieces = 1 + random.nextInt(maxPieces);
        for (int i = 0; i < pieces; i++)
        {
            switch (random.nextInt(4))
            {
                case 0:
                    out.writeBytes(BROKEN_UTF8[random.nextInt(BROKEN_UTF8.length)]);
                    break;
                case 1:
                    out.write(random.nextInt(256));
                    break;
                default:
                    out.writeBytes(text(3).getBytes(StandardCharsets.UTF_8));
                    break;
            }
        }
        return out.toByteArray();
    }

    private int anyInt()
    {
        switch (random.nextInt(8))
        {
            case 0:
                return 0;
            case 1:
                return Integer.MIN_VALUE;
            case 2:
                return Integer.MAX_VALUE;
            case 3:
                return -1;
            case 4:
                return random.nextInt(1000);
            default:
                return random.nextInt();
        }
    }

    private long anyLong()
    {
        switch (random.nextInt(9))
        {
            case 0:
                return 0;
            case 1:
                return Long.MIN_VALUE;
            case 2:
                return Long.MAX_VALUE;
            case 3:
                return -1;
            case 4:
                return anyInt();
            case 5:
                return anyInt() & 0xFFFF_FFFFL;
            default:
                return random.nextLong();
        }
    }

    private boolean chance(final double probability)
    {
        return random.nextDouble() < probability;
    }

    private static void writeIntLe(final ByteArrayOutputStream out, final int value)
    {
        out.write(value);
        out.write(value >> 8);
        out.write(value >> 16);
        out.write(value >> 24);
    }

    private static String[] policyNames()
    {
        final String[] names = new String[Long.SIZE];
        for (int i = 0; i < names.length; i++)
        {
            names[i] = i % 9 == 7 ? null : "policy-" + i;
        }
        names[0] = "default-policy";
        names[1] = "file-modification-test";
        names[2] = "策略-😀";
        names[4] = "quote\"back\\slash<tag>&amp='x'";
        names[5] = "line\nbreak\u2028sep\u0001";
        names[6] = "";
        names[63] = "last bit \uD83D\uDE00";
        return names;
    }
}
