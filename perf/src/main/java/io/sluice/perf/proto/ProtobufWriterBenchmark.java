package io.sluice.perf.proto;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.json.EventJsonWriter;
import io.sluice.codec.proto.EventProtoDecoder;
import io.sluice.codec.proto.EventProtoWriter;
import io.sluice.perf.format.CpuPerEvent;
import io.sluice.perf.format.SyntheticRecords;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The {@code protobuf} format's cost per event beside the {@code json} format's, in one run on the same records: the
 * first {@value #SYNTHETIC_EVENTS} records of the synthetic source (seed 1, every catalog event, its argument pools:
 * non-ASCII and escaped paths, IPv4/IPv6/unix sockaddrs, bytes, argv), each with three policies matched.
 * <ul>
 *   <li>{@link #protobufWriter()}: {@link EventProtoWriter#writeDelimited}, SBE record to length-delimited
 *       {@code v1beta1.Event} bytes in a reused buffer, what the format renders;</li>
 *   <li>{@link #jsonWriter()}: {@link EventJsonWriter#write} on the same records, the {@code json} format;</li>
 *   <li>{@link #protobufJava()}: SBE record to {@code v1beta1.Event} ({@link EventProtoDecoder}) to
 *       {@code writeDelimitedTo} a reused stream, what Sluice would do without its writer.</li>
 * </ul>
 * {@link #setUp()} checks that the writer's bytes equal protobuf-java's for every record. Score: ns per event; with
 * {@code -prof gc}, {@code gc.alloc.rate.norm} is bytes allocated per event. After each iteration the benchmark also
 * prints the benchmark thread's CPU time per event ({@code [protobufWriter] iteration: 812 CPU-ns/event}), which moves
 * far less than the score when other work shares the machine.
 * <pre>
 * java -jar perf/target/benchmarks.jar ProtobufWriterBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED", "-XX:+UseParallelGC"})
public class ProtobufWriterBenchmark
{
    private static final String[] POLICIES = {"default-policy", "sensitive-files", "network-egress"};
    private static final int SYNTHETIC_EVENTS = 512;

    private final ExpandableArrayBuffer out = new ExpandableArrayBuffer(8192);
    private final ByteArrayOutputStream stream = new ByteArrayOutputStream(8192);
    private EventProtoWriter protoWriter;
    private EventJsonWriter jsonWriter;
    private EventProtoDecoder decoder;
    private final CpuPerEvent cpu = new CpuPerEvent();
    private UnsafeBuffer[] records;
    private int next;

    /**
     * Take the synthetic records, and check that the writer's bytes are protobuf-java's for each of them.
     *
     * @throws IOException never: the stream is in memory.
     */
    @Setup
    public void setUp() throws IOException
    {
        final EventCatalog catalog = EventCatalog.standard();
        decoder = new EventProtoDecoder(catalog);
        decoder.policyNames(POLICIES);
        protoWriter = new EventProtoWriter(catalog);
        protoWriter.policyNames(POLICIES);
        jsonWriter = new EventJsonWriter(catalog);
        jsonWriter.policyNames(POLICIES);
        records = SyntheticRecords.first(catalog, SYNTHETIC_EVENTS);
        for (int i = 0; i < records.length; i++)
        {
            final UnsafeBuffer record = records[i];
            stream.reset();
            decoder.decode(record, 0, record.capacity()).writeDelimitedTo(stream);
            final int written = protoWriter.writeDelimited(record, 0, record.capacity(), out, 0);
            if (!Arrays.equals(stream.toByteArray(), Arrays.copyOf(out.byteArray(), written)))
            {
                throw new IllegalStateException("writer and protobuf-java disagree on synthetic event " + i);
            }
        }
    }

    /**
     * Start counting the iteration's events and CPU time.
     */
    @Setup(Level.Iteration)
    public void startIteration()
    {
        cpu.start();
    }

    /**
     * Print the iteration's CPU time per event.
     *
     * @param params which benchmark this is.
     */
    @TearDown(Level.Iteration)
    public void endIteration(final BenchmarkParams params)
    {
        cpu.print(params, "");
    }

    /**
     * @return bytes written.
     */
    @Benchmark
    public int protobufWriter()
    {
        final UnsafeBuffer record = records[nextIndex()];
        return protoWriter.writeDelimited(record, 0, record.capacity(), out, 0);
    }

    /**
     * @return bytes written.
     */
    @Benchmark
    public int jsonWriter()
    {
        final UnsafeBuffer record = records[nextIndex()];
        return jsonWriter.write(record, 0, record.capacity(), out, 0);
    }

    /**
     * @return bytes written.
     * @throws IOException never: the stream is in memory.
     */
    @Benchmark
    public int protobufJava() throws IOException
    {
        final UnsafeBuffer record = records[nextIndex()];
        stream.reset();
        decoder.decode(record, 0, record.capacity()).writeDelimitedTo(stream);
        return stream.size();
    }

    private int nextIndex()
    {
        final int index = next;
        next = index + 1 == records.length ? 0 : index + 1;
        cpu.count();
        return index;
    }
}
