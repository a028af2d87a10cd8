package io.sluice.perf.json;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.json.EventJsonWriter;
import io.sluice.codec.proto.EventProtoDecoder;
import io.sluice.codec.proto.EventProtoEncoder;
import io.sluice.perf.format.SyntheticRecords;
import io.sluice.proto.v1beta1.Ancestor;
import io.sluice.proto.v1beta1.Container;
import io.sluice.proto.v1beta1.ContainerImage;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventId;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.Executable;
import io.sluice.proto.v1beta1.Policies;
import io.sluice.proto.v1beta1.Process;
import io.sluice.proto.v1beta1.SaFamilyT;
import io.sluice.proto.v1beta1.SockAddr;
import io.sluice.proto.v1beta1.StringArray;
import io.sluice.proto.v1beta1.Thread;
import io.sluice.proto.v1beta1.Timestamp;
import io.sluice.proto.v1beta1.UInt32Value;
import io.sluice.proto.v1beta1.User;
import io.sluice.proto.v1beta1.Workload;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The {@code json} format's cost per event: Sluice's allocation-free {@link EventJsonWriter} against protobuf's
 * printer on the same records, both ways round so the comparison is fair:
 * <ul>
 *   <li>{@link #fastWriter()}: SBE record to JSON bytes, into a reused buffer;</li>
 *   <li>{@link #protobufPrinter()}: SBE record to {@code v1beta1.Event} ({@link EventProtoDecoder}) to
 *       {@code JsonFormat} text to UTF-8 bytes, what Sluice would do without its writer;</li>
 *   <li>{@link #protobufPrinterOnly()}: {@code JsonFormat} on an already decoded {@code v1beta1.Event}, the cost of
 *       the printer alone;</li>
 *   <li>{@link #fastWriterSynthetic()} and {@link #protobufPrinterSynthetic()}: the same two paths on the first
 *       {@value #SYNTHETIC_EVENTS} records of the pipeline benchmark's synthetic source (every catalog event, with
 *       the source's argument pools: non-ASCII and escaped paths, IPv4/IPv6/unix sockaddrs, bytes, argv).</li>
 * </ul>
 * Each invocation writes the next of a few realistic events: {@code sched_process_exec}, {@code openat} and
 * {@code connect} shapes, with the workload a running system would attach. All three methods cycle through the
 * same records in the same order; {@link #setUp()} checks that the writer and the printer produce the same bytes
 * for every one of them. Results are returned, so JMH's blackhole consumes them. Score: ns per event; the fork
 * runs with the flags of {@code ./sluice} that matter here (Parallel GC, Agrona's {@code --add-opens}).
 * <pre>
 * java -jar perf/target/benchmarks.jar JsonWriterBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED", "-XX:+UseParallelGC"})
public class JsonWriterBenchmark
{
    private static final String[] POLICIES = {"default-policy", "sensitive-files", "network-egress"};
    private static final int SYNTHETIC_EVENTS = 512;

    private final JsonFormat.Printer printer =
        JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace();
    private final ExpandableArrayBuffer out = new ExpandableArrayBuffer(8192);
    private EventJsonWriter writer;
    private EventProtoDecoder decoder;
    private UnsafeBuffer[] records;
    private Event[] decoded;
    private UnsafeBuffer[] synthetic;
    private int next;
    private int nextSynthetic;

    /**
     * Encode the events once, and check that both paths print the same bytes for each of them.
     */
    @Setup
    public void setUp() throws InvalidProtocolBufferException
    {
        final EventCatalog catalog = EventCatalog.standard();
        final EventProtoEncoder encoder = new EventProtoEncoder(catalog);
        encoder.policyNames(POLICIES);
        decoder = new EventProtoDecoder(catalog);
        decoder.policyNames(POLICIES);
        writer = new EventJsonWriter(catalog);
        writer.policyNames(POLICIES);

        final Event[] events = {
            exec(4242, "/usr/bin/ls", "ls", "-la", "/tmp"),
            openat(4242, "/etc/ld.so.cache"),
            openat(981, "/usr/lib/x86_64-linux-gnu/libc.so.6"),
            connect(1777, new byte[]{10, 0, 0, 7}, 443),
            exec(5150, "/usr/bin/curl", "curl", "-s", "-H", "Accept: application/json", "https://api.example.com/v1/items?id=42"),
            openat(1777, "/proc/self/status")};
        records = new UnsafeBuffer[events.length];
        decoded = new Event[events.length];
        final ExpandableArrayBuffer scratch = new ExpandableArrayBuffer(4096);
        for (int i = 0; i < events.length; i++)
        {
            final int length = encoder.encode(events[i], scratch, 0);
            records[i] = new UnsafeBuffer(Arrays.copyOf(scratch.byteArray(), length));
            decoded[i] = decoder.decode(records[i], 0, length);
            final byte[] expected = printer.print(decoded[i]).getBytes(StandardCharsets.UTF_8);
            final int written = writer.write(records[i], 0, length, out, 0);
            if (!Arrays.equals(expected, Arrays.copyOf(out.byteArray(), written)))
            {
                throw new IllegalStateException("writer and printer disagree on event " + i);
            }
        }

        synthetic = SyntheticRecords.first(catalog, SYNTHETIC_EVENTS);
        for (int i = 0; i < synthetic.length; i++)
        {
            final UnsafeBuffer record = synthetic[i];
            final byte[] expected =
                printer.print(decoder.decode(record, 0, record.capacity())).getBytes(StandardCharsets.UTF_8);
            final int written = writer.write(record, 0, record.capacity(), out, 0);
            if (!Arrays.equals(expected, Arrays.copyOf(out.byteArray(), written)))
            {
                throw new IllegalStateException("writer and printer disagree on synthetic event " + i);
            }
        }
    }

    /**
     * @return bytes written.
     */
    @Benchmark
    public int fastWriter()
    {
        final UnsafeBuffer record = records[nextIndex()];
        return writer.write(record, 0, record.capacity(), out, 0);
    }

    /**
     * @return the JSON bytes.
     * @throws InvalidProtocolBufferException never, for these events.
     */
    @Benchmark
    public byte[] protobufPrinter() throws InvalidProtocolBufferException
    {
        final UnsafeBuffer record = records[nextIndex()];
        return printer.print(decoder.decode(record, 0, record.capacity())).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @return the JSON bytes.
     * @throws InvalidProtocolBufferException never, for these events.
     */
    @Benchmark
    public byte[] protobufPrinterOnly() throws InvalidProtocolBufferException
    {
        return printer.print(decoded[nextIndex()]).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @return bytes written.
     */
    @Benchmark
    public int fastWriterSynthetic()
    {
        final UnsafeBuffer record = synthetic[nextSyntheticIndex()];
        return writer.write(record, 0, record.capacity(), out, 0);
    }

    /**
     * @return the JSON bytes.
     * @throws InvalidProtocolBufferException never, for these events.
     */
    @Benchmark
    public byte[] protobufPrinterSynthetic() throws InvalidProtocolBufferException
    {
        final UnsafeBuffer record = synthetic[nextSyntheticIndex()];
        return printer.print(decoder.decode(record, 0, record.capacity())).getBytes(StandardCharsets.UTF_8);
    }

    private int nextSyntheticIndex()
    {
        final int index = nextSynthetic;
        nextSynthetic = index + 1 == synthetic.length ? 0 : index + 1;
        return index;
    }

    private int nextIndex()
    {
        final int index = next;
        next = index + 1 == records.length ? 0 : index + 1;
        return index;
    }

    private static Event exec(final int pid, final String path, final String... argv)
    {
        return base(EventId.sched_process_exec, pid, argv[0], "execve", 0b001)
            .addData(str("cmdpath", path))
            .addData(str("pathname", path))
            .addData(EventValue.newBuilder().setName("dev").setUInt32(66306))
            .addData(EventValue.newBuilder().setName("inode").setUInt64(1835271L))
            .addData(EventValue.newBuilder().setName("ctime").setUInt64(1732000000123456789L))
            .addData(EventValue.newBuilder().setName("inode_mode").setUInt32(33261))
            .addData(EventValue.newBuilder().setName("argv").setStrArray(StringArray.newBuilder().addAllValue(Arrays.asList(argv))))
            .addData(EventValue.newBuilder().setName("stdin_type").setUInt32(8192))
            .addData(str("stdin_path", "/dev/pts/0"))
            .addData(EventValue.newBuilder().setName("invoked_from_kernel").setBool(false))
            .addData(str("prev_comm", "bash"))
            .addData(str("pwd", "/home/user"))
            .build();
    }

    private static Event openat(final int pid, final String path)
    {
        return base(EventId.openat, pid, "java", "openat", 0b011)
            .addData(EventValue.newBuilder().setName("dirfd").setInt32(-100))
            .addData(str("pathname", path))
            .addData(EventValue.newBuilder().setName("flags").setInt32(524288))
            .addData(EventValue.newBuilder().setName("mode").setUInt32(0))
            .build();
    }

    private static Event connect(final int pid, final byte[] address, final int port)
    {
        return base(EventId.connect, pid, "curl", "connect", 0b101)
            .addData(EventValue.newBuilder().setName("sockfd").setInt32(5))
            .addData(EventValue.newBuilder().setName("addr").setSockaddr(SockAddr.newBuilder()
                .setSaFamily(SaFamilyT.AF_INET)
                .setSinAddr((address[0] & 0xFF) + "." + (address[1] & 0xFF) + "." + (address[2] & 0xFF) + "." + (address[3] & 0xFF))
                .setSinPort(port)))
            .addData(EventValue.newBuilder().setName("addrlen").setInt32(16))
            .build();
    }

    private static Event.Builder base(final EventId id, final int pid, final String comm, final String syscall, final int policies)
    {
        final Policies.Builder matched = Policies.newBuilder();
        for (int bit = 0; bit < POLICIES.length; bit++)
        {
            if ((policies & (1 << bit)) != 0)
            {
                matched.addMatched(POLICIES[bit]);
            }
        }
        return Event.newBuilder()
            .setTimestamp(Timestamp.newBuilder().setSeconds(1732454400L).setNanos(123456789))
            .setId(id)
            .setName(id.name())
            .setPolicies(matched)
            .setWorkload(Workload.newBuilder()
                .setProcess(Process.newBuilder()
                    .setThread(Thread.newBuilder()
                        .setName(comm)
                        .setStartTime(Timestamp.newBuilder().setSeconds(1732454350L).setNanos(987654321))
                        .setUniqueId(0x1_2345_6789L + pid)
                        .setHostTid(pid)
                        .setTid(pid)
                        .setSyscall(syscall))
                    .setPid(UInt32Value.newBuilder().setValue(pid))
                    .setRealUser(User.newBuilder().setId(UInt32Value.newBuilder().setValue(1000)))
                    .setExecutable(Executable.newBuilder().setPath("/usr/bin/" + comm))
                    .addAncestors(Ancestor.newBuilder().setUniqueId(9876543210L).setHostPid(1234).setPid(1234))
                    .setUniqueId(0x1_2345_6789L + pid)
                    .setHostPid(UInt32Value.newBuilder().setValue(pid))
                    .setUser(User.newBuilder().setId(UInt32Value.newBuilder().setValue(1000))))
                .setContainer(Container.newBuilder()
                    .setId("3f1c2a9b8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a")
                    .setName("web-7d9f")
                    .setImage(ContainerImage.newBuilder().setId("sha256:9a8b7c").setName("nginx:1.27"))
                    .setIsRunning(true)));
    }

    private static EventValue.Builder str(final String name, final String value)
    {
        return EventValue.newBuilder().setName(name).setStr(value);
    }
}
