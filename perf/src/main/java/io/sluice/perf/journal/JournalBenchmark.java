package io.sluice.perf.journal;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.JournalRoll;
import io.sluice.config.OutputConfig;
import io.sluice.config.OutputOptions;
import io.sluice.engine.Engine;
import io.sluice.engine.EngineOptions;
import io.sluice.engine.Pipeline;
import io.sluice.engine.EngineSummary;
import io.sluice.journal.JournalHeader;
import io.sluice.journal.JournalReader;
import io.sluice.journal.JournalWriter;
import io.sluice.ring.SharedRing;
import io.sluice.source.ReplaySource;
import io.sluice.source.ReplaySpec;
import io.sluice.source.SyntheticSource;
import io.sluice.source.SyntheticSpec;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Journal throughput (design §7: append ≥ 3 M events/s, replay ≥ 5 M events/s) on the synthetic event mix, and bytes
 * per event on disk:
 * <ul>
 *     <li>{@link #append}: {@link JournalWriter#append} of one enriched SBE record (a pool of 4096 synthetic records,
 *     ~400 B each), CRC32C and Chronicle framing included; a fresh journal per iteration, so iterations write
 *     gigabytes and the score is what the disk sustains (this VM's disk: ~750 MB/s, i.e. ~1.8 M events/s);</li>
 *     <li>{@link #appendBurst}: the same, {@link #BURST} events into a fresh journal deleted right after, so the
 *     page cache absorbs them: the cost of the code path and of faulting in new pages, without the disk;</li>
 *     <li>{@link #read}: {@link JournalReader#poll} over a journal of {@link #EVENTS} events (checks included);</li>
 *     <li>{@link #replayIntoRing}: {@link ReplaySource} writing those events into a shared Agrona ring, drained by
 *     this thread: what {@code sluice replay} feeds the pipeline;</li>
 *     <li>{@link #replayThroughEngine}: {@code sluice replay} with no streams (source, shared ring, ingest, main
 *     ring), to compare with {@code PipelineBenchmark} at {@code streams=0} (the synthetic source).</li>
 * </ul>
 * At the end of the trial it prints the journal's size on disk per event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-Dchronicle.analytics.disable=true", "-Dchronicle.announcer.disable=true",
    "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED", "--add-opens", "java.base/java.nio=ALL-UNNAMED",
    "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED", "--add-exports", "jdk.unsupported/sun.misc=ALL-UNNAMED",
    "--add-exports", "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED", "--add-opens", "jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
    "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
    "--add-opens", "java.base/java.io=ALL-UNNAMED", "--add-opens", "java.base/java.util=ALL-UNNAMED"})
public class JournalBenchmark
{
    /** Events in the journal that the read and replay benchmarks go through per invocation. */
    public static final int EVENTS = 2_000_000;

    /** Events per {@link #appendBurst} invocation (~420 MB). */
    public static final int BURST = 1_000_000;

    private static final int POOL = 4096;

    private final UnsafeBuffer[] records = new UnsafeBuffer[POOL];
    private Path root;
    private Path readJournal;
    private Path appendJournal;
    private JournalWriter writer;
    private int next;
    private long appendedInTrial;
    private long appendDirsBytes;
    private final ReadCounter counter = new ReadCounter();

    /**
     * Records from the synthetic source, and a journal of {@link #EVENTS} of them to read.
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception
    {
        root = Files.createTempDirectory("sluice-journal-bench");
        collectRecords();
        readJournal = root.resolve("read");
        try (JournalWriter fill = JournalWriter.open(readJournal, JournalRoll.DAILY, JournalHeader.now(new String[0], "bench", "synthetic")))
        {
            for (int i = 0; i < EVENTS; i++)
            {
                final UnsafeBuffer record = records[i & (POOL - 1)];
                fill.append(record, 0, record.capacity());
            }
        }
        final long onDisk = allocatedBytes(readJournal);
        long recordBytes = 0;
        for (final UnsafeBuffer record : records)
        {
            recordBytes += record.capacity();
        }
        System.out.printf("%njournal of %d events: %.1f bytes/event on disk (allocated blocks), records average %.1f bytes%n",
            EVENTS, (double)onDisk / EVENTS, (double)recordBytes / POOL);
    }

    /**
     * A fresh journal for each append iteration.
     */
    @Setup(Level.Iteration)
    public void openAppendJournal() throws IOException
    {
        appendJournal = root.resolve("append-" + System.nanoTime());
        writer = JournalWriter.open(appendJournal, JournalRoll.DAILY, JournalHeader.now(new String[0], "bench", "synthetic"));
    }

    @TearDown(Level.Iteration)
    public void closeAppendJournal() throws IOException
    {
        if (writer != null)
        {
            final long appended = writer.appended();
            writer.close();
            if (appended > 0)
            {
                appendedInTrial += appended;
                appendDirsBytes += allocatedBytes(appendJournal);
            }
            writer = null;
        }
        delete(appendJournal);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException
    {
        if (appendedInTrial > 0)
        {
            System.out.printf("%nappended %d events: %.1f bytes/event on disk%n", appendedInTrial, (double)appendDirsBytes / appendedInTrial);
        }
        delete(root);
    }

    @Benchmark
    public void append()
    {
        final UnsafeBuffer record = records[next++ & (POOL - 1)];
        writer.append(record, 0, record.capacity());
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public long appendBurst(final Burst burst)
    {
        for (int i = 0; i < BURST; i++)
        {
            final UnsafeBuffer record = records[i & (POOL - 1)];
            burst.writer.append(record, 0, record.capacity());
        }
        return burst.writer.appended();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long read() throws IOException
    {
        counter.events = 0;
        try (JournalReader reader = JournalReader.open(readJournal))
        {
            while (reader.poll(counter) != JournalReader.NONE)
            {
                // counted by the listener
            }
        }
        if (counter.events != EVENTS)
        {
            throw new IllegalStateException("read " + counter.events);
        }
        return counter.events;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long replayIntoRing()
    {
        final OneToOneRingBuffer ring = new OneToOneRingBuffer(new UnsafeBuffer(
            ByteBuffer.allocateDirect(SharedRing.DEFAULT_CAPACITY + RingBufferDescriptor.TRAILER_LENGTH)));
        final ReplaySource source = ReplaySource.open(new ReplaySpec(readJournal, 0, Long.MIN_VALUE, Long.MAX_VALUE, false, false));
        source.start(ring);
        long drained = 0;
        while (true)
        {
            final boolean done = source.isDone();
            final int read = ring.read((type, buffer, index, length) -> {}, 1024);
            drained += read;
            if (read == 0 && done)
            {
                break;
            }
        }
        if (drained != EVENTS || !source.damage().isEmpty())
        {
            throw new IllegalStateException("replayed " + drained + ", damage " + source.damage());
        }
        return drained;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long replayThroughEngine() throws IOException
    {
        final EventCatalog catalog = EventCatalog.standard();
        final ReplaySource source = ReplaySource.open(new ReplaySpec(readJournal, 0, Long.MIN_VALUE, Long.MAX_VALUE, false, false));
        final EngineSummary summary = new Engine(Pipeline.of(new OutputConfig(List.of(), List.of(), OutputOptions.NONE), source, catalog,
            EngineOptions.DEFAULTS)).run();
        if (summary.published() != EVENTS)
        {
            throw new IllegalStateException("published " + summary.published());
        }
        return summary.published();
    }

    private void collectRecords()
    {
        final EventCatalog catalog = EventCatalog.standard();
        final OneToOneRingBuffer ring = new OneToOneRingBuffer(new UnsafeBuffer(
            ByteBuffer.allocateDirect(SharedRing.DEFAULT_CAPACITY + RingBufferDescriptor.TRAILER_LENGTH)));
        final SyntheticSource source = new SyntheticSource(SyntheticSpec.parse("synthetic:count=" + POOL + ",seed=3", catalog));
        source.start(ring);
        final List<UnsafeBuffer> collected = new ArrayList<>();
        while (collected.size() < POOL)
        {
            ring.read((type, buffer, index, length) ->
            {
                final byte[] copy = new byte[length];
                buffer.getBytes(index, copy);
                collected.add(new UnsafeBuffer(copy));
            });
        }
        collected.toArray(records);
    }

    private static long allocatedBytes(final Path dir) throws IOException
    {
        final Process du = new ProcessBuilder("du", "-s", "-B1", dir.toString()).start();
        try
        {
            du.waitFor();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        final String out = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return Long.parseLong(out.split("\\s+")[0]);
    }

    private static void delete(final Path dir) throws IOException
    {
        if (dir == null || !Files.exists(dir))
        {
            return;
        }
        try (Stream<Path> files = Files.walk(dir))
        {
            for (final Path file : (Iterable<Path>)files.sorted(Comparator.reverseOrder())::iterator)
            {
                Files.deleteIfExists(file);
            }
        }
    }

    /** A fresh journal per {@link #appendBurst} invocation, deleted right after (its own state: per-invocation setup). */
    @State(Scope.Thread)
    public static class Burst
    {
        JournalWriter writer;
        private Path dir;

        @Setup(Level.Invocation)
        public void open() throws IOException
        {
            dir = Files.createTempDirectory("sluice-journal-burst");
            writer = JournalWriter.open(dir.resolve("j"), JournalRoll.DAILY, JournalHeader.now(new String[0], "bench", "synthetic"));
        }

        @TearDown(Level.Invocation)
        public void delete() throws IOException
        {
            writer.close();
            JournalBenchmark.delete(dir);
        }
    }

    /** Counts events read. */
    private static final class ReadCounter implements JournalReader.Listener
    {
        long events;

        @Override
        public void onHeader(final JournalHeader header, final long index)
        {
        }

        @Override
        public void onEvent(final DirectBuffer record, final int offset, final int length, final long index)
        {
            events++;
        }
    }
}
