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
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The output options through the whole engine: {@code sort-events} puts events that two CPUs delivered interleaved
 * and out of order back in timestamp order before any stream sees them; {@code parse-arguments} makes the arguments
 * Tracee parses strings in every format (here JSON and table) without the formats knowing about it.
 */
class OutputOptionsPipelineTest
{
    private static final EventCatalog CATALOG = EventCatalog.standard();
    private static final long BASE_SECONDS = 1_732_454_400L;
    private static final byte[] FLAGS = "flags".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PATHNAME = "pathname".getBytes(StandardCharsets.UTF_8);
    private static final Pattern TIMESTAMP = Pattern.compile("\\{\"seconds\":\"(\\d+)\"(?:,\"nanos\":(\\d+))?}");

    @TempDir
    Path dir;

    /** An openat at BASE + ms milliseconds with these flags. */
    private static byte[] openat(final long ms, final int flags)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(256);
        final EventRecordWriter writer = new EventRecordWriter();
        writer.wrap(buffer, 0).block().timestamp(BASE_SECONDS + ms / 1000, (int)(ms % 1000) * 1_000_000)
            .id(CATALOG.byName("openat").id(), 0).process(42, 42, 7).thread(42, 42, 7, (short)0);
        writer.block().presence().timestamp(true).workload(true).process(true).thread(true).pid(true).hostPid(true);
        final int length = writer.data(2)
            .dataEntry(ValueType.STR.value(), 0, PATHNAME, ("/tmp/" + ms).getBytes(StandardCharsets.UTF_8))
            .dataEntry(ValueType.INT32.value(), flags, FLAGS, new byte[0])
            .finish();
        return Arrays.copyOf(buffer.byteArray(), length);
    }

    private EngineSummary run(final List<byte[]> records, final OutputOptions options)
    {
        final OutputConfig output = new OutputConfig(
            List.of(new DestinationConfig("json", "file", FormatSpec.JSON, dir.resolve("out.json").toString(), null),
                new DestinationConfig("table", "file", FormatSpec.TABLE, dir.resolve("out.txt").toString(), null)),
            List.of(new StreamConfig("all", List.of("json", "table"), List.of(), List.of(), BufferMode.BLOCK, 1024, false)),
            options);
        final EngineSummary summary = new Engine(Pipeline.of(output, new ScriptedSource(records), CATALOG,
            EngineOptions.DEFAULTS)).run();
        assertNull(summary.failure());
        return summary;
    }

    /** Milliseconds past BASE of each line's timestamp. */
    private List<Long> millis() throws Exception
    {
        final List<Long> millis = new ArrayList<>();
        for (final String line : Files.readAllLines(dir.resolve("out.json")))
        {
            final Matcher time = TIMESTAMP.matcher(line);
            assertTrue(time.find(), line);
            final long nanos = time.group(2) == null ? 0 : Long.parseLong(time.group(2));
            millis.add((Long.parseLong(time.group(1)) - BASE_SECONDS) * 1000 + nanos / 1_000_000);
        }
        return millis;
    }

    /** Two CPUs' events as a per-CPU buffer hands them over: a run of CPU 0's (even ms), then a run of CPU 1's (odd ms). */
    private static List<byte[]> twoCpusInterleaved()
    {
        final List<byte[]> records = new ArrayList<>();
        for (int run = 0; run < 50; run++)
        {
            for (int i = 0; i < 20; i++)
            {
                records.add(openat(run * 40 + 2L * i, 0));
            }
            for (int i = 0; i < 20; i++)
            {
                records.add(openat(run * 40 + 2L * i + 1, 0));
            }
        }
        return records;
    }

    @Test
    void sortEventsPutsTwoCpusInterleavedEventsBackInTimestampOrder() throws Exception
    {
        final List<byte[]> records = twoCpusInterleaved();
        run(records, new OutputOptions(false, false, false, false));
        final List<Long> arrival = millis();
        assertEquals(2_000, arrival.size());
        assertTrue(!arrival.equals(arrival.stream().sorted().toList()), "the input is out of order without the option");

        final EngineSummary summary = run(records, new OutputOptions(true, false, false, false));
        final List<Long> sorted = millis();
        assertEquals(arrival.stream().sorted().toList(), sorted);
        assertEquals(2_000, summary.published());
    }

    @Test
    void parseArgumentsShowsTraceesStringsInEveryFormat() throws Exception
    {
        run(List.of(openat(1, 02000000), openat(2, 01 | 0100 | 01000)), new OutputOptions(false, false, true, false));
        final List<String> json = Files.readAllLines(dir.resolve("out.json"));
        assertTrue(json.get(0).endsWith("\"data\":[{\"name\":\"pathname\",\"str\":\"/tmp/1\"},"
            + "{\"name\":\"flags\",\"str\":\"O_RDONLY|O_CLOEXEC\"}]}"), json.get(0));
        assertTrue(json.get(1).endsWith("{\"name\":\"flags\",\"str\":\"O_WRONLY|O_CREAT|O_TRUNC\"}]}"), json.get(1));
        final String table = Files.readString(dir.resolve("out.txt"));
        assertTrue(table.contains("flags: O_RDONLY|O_CLOEXEC"), table);
        assertTrue(table.contains("flags: O_WRONLY|O_CREAT|O_TRUNC"), table);

        run(List.of(openat(1, 02000000)), OutputOptions.NONE);
        assertTrue(Files.readAllLines(dir.resolve("out.json")).get(0).endsWith("{\"name\":\"flags\",\"int32\":524288}]}"),
            "without the option the number stands");
    }
}
