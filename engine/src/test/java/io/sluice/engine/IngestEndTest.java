package io.sluice.engine;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.sbe.EventRecordWriter;
import io.sluice.codec.sbe.ValueType;
import io.sluice.config.BufferMode;
import io.sluice.config.DestinationConfig;
import io.sluice.config.FormatSpec;
import io.sluice.config.OutputConfig;
import io.sluice.config.OutputOptions;
import io.sluice.config.StreamConfig;
import io.sluice.format.ColorMode;
import org.agrona.BitUtil;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.ringbuffer.RecordDescriptor;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The end of a run: the ingest stops only once the shared ring is empty. A source's last record may not fit before the
 * end of the ring: Agrona then writes a padding record there and the event at the ring's start, and a read that finds
 * only the padding hands over no message. An ingest that took that read for an empty ring, with the source done, lost
 * the run's last events and counted them nowhere.
 */
class IngestEndTest
{
    private static final EventCatalog CATALOG = EventCatalog.standard();
    private static final byte[] PATHNAME = "pathname".getBytes(StandardCharsets.UTF_8);
    private static final int SHARED_RING = 64 * 1024;

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void aLastEventWrittenPastThePaddingAtTheRingsEndIsDelivered() throws Exception
    {
        final WrappingSource source = new WrappingSource(openat(0));
        final OutputConfig output = new OutputConfig(
            List.of(new DestinationConfig("json", "file", FormatSpec.JSON, dir.resolve("out.json").toString(), null)),
            List.of(new StreamConfig("all", List.of("json"), List.of(), List.of(), BufferMode.BLOCK, 1024, false)),
            OutputOptions.NONE);
        final EngineOptions options = new EngineOptions(SHARED_RING, EngineOptions.DEFAULT_MAIN_RING_SIZE, "phased",
            new String[0], Duration.ofSeconds(10), ColorMode.AUTO);

        final EngineSummary summary = new Engine(Pipeline.of(output, source, CATALOG, options)).run();

        assertNull(summary.failure());
        assertTrue(source.wrapped, "the last record was written after a padding record at the ring's end");
        final List<String> lines = Files.readAllLines(dir.resolve("out.json"));
        assertEquals(source.produced(), lines.size(), "every event written reaches the file");
        assertTrue(lines.get(lines.size() - 1).contains("\"str\":\"/tmp/last_______\""), lines.get(lines.size() - 1));
        assertEquals(source.produced(), summary.stream("all").delivered());
    }

    private static byte[] openat(final int n)
    {
        return openat("/tmp/" + n);
    }

    private static byte[] openat(final String path)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(256);
        final EventRecordWriter writer = new EventRecordWriter();
        writer.wrap(buffer, 0).block().timestamp(1_732_454_400L, 0).id(CATALOG.byName("openat").id(), 0)
            .process(42, 42, 7).thread(42, 42, 7, (short)0);
        writer.block().presence().timestamp(true).workload(true).process(true).thread(true).pid(true).hostPid(true);
        // a path of fixed length, so every record takes the same room in the ring
        final String padded = (path + "________________").substring(0, 16);
        final int length = writer.data(1)
            .dataEntry(ValueType.STR.value(), 0, PATHNAME, padded.getBytes(StandardCharsets.UTF_8))
            .finish();
        return Arrays.copyOf(buffer.byteArray(), length);
    }

    /**
     * Writes same-sized records until the next would not fit before the ring's end, waits until the ingest has read
     * them all and gone idle, then writes one last record (Agrona pads the end and writes it at the start) and is done
     * at once.
     */
    private static final class WrappingSource extends TestSource
    {
        private final byte[] filler;
        private final byte[] last = IngestEndTest.openat("/tmp/last");
        private volatile boolean wrapped;

        WrappingSource(final byte[] filler)
        {
            super("wrapping");
            this.filler = filler;
        }

        @Override
        void write(final RingBuffer ring)
        {
            final int aligned = BitUtil.align(filler.length + RecordDescriptor.HEADER_LENGTH, RecordDescriptor.ALIGNMENT);
            if (ring.capacity() % aligned == 0)
            {
                throw new IllegalStateException("records of " + aligned + " bytes fill the ring exactly: no padding");
            }
            while (ring.capacity() - (int)(ring.producerPosition() & (ring.capacity() - 1)) >= aligned)
            {
                writeRecord(ring, filler);
            }
            while (ring.consumerPosition() != ring.producerPosition())
            {
                LockSupport.parkNanos(1_000_000L);
            }
            // let the ingest go idle: it wakes to find the padding, the last record and the source done all at once
            LockSupport.parkNanos(50_000_000L);
            final long before = ring.producerPosition();
            writeRecord(ring, last);
            wrapped = ring.producerPosition() - before > aligned;
        }
    }
}
