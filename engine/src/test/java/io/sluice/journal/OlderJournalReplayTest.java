package io.sluice.journal;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.json.EventJsonWriter;
import io.sluice.codec.proto.EventProtoEncoder;
import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.EventEncoder;
import io.sluice.codec.sbe.MessageHeaderEncoder;
import io.sluice.codec.testing.RandomEvents;
import io.sluice.config.BufferMode;
import io.sluice.config.DestinationConfig;
import io.sluice.config.FormatSpec;
import io.sluice.config.JournalRoll;
import io.sluice.config.OutputConfig;
import io.sluice.config.OutputOptions;
import io.sluice.config.StreamConfig;
import io.sluice.engine.Engine;
import io.sluice.engine.EngineOptions;
import io.sluice.engine.EngineSummary;
import io.sluice.engine.Pipeline;
import io.sluice.proto.v1beta1.Event;
import io.sluice.source.ReplaySource;
import io.sluice.source.ReplaySpec;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Journals written by an older Sluice still replay: records of schema version 1 (before the filter-only fields)
 * and 2 (before the user stack) print exactly what they printed when written, without a user stack.
 */
class OlderJournalReplayTest
{
    private static final int EVENTS = 500;
    private static final int HEADER = MessageHeaderEncoder.ENCODED_LENGTH;
    private static final int V1_BLOCK_LENGTH = EventEncoder.capEffectiveEncodingOffset();
    private static final int EMPTY_STACK = 4;

    private final EventCatalog catalog = EventCatalog.standard();

    @Test
    void version1And2JournalsReplayAsTheyPrinted(@TempDir final Path dir) throws Exception
    {
        for (int version = 1; version <= 2; version++)
        {
            final Path journal = dir.resolve("v" + version);
            final List<String> expected = writeOldJournal(journal, version);
            final Path replayed = dir.resolve("v" + version + ".json");
            final ReplaySource replay = ReplaySource.open(
                new ReplaySpec(journal, 0, Long.MIN_VALUE, Long.MAX_VALUE, false, false));
            final OutputConfig output = new OutputConfig(
                List.of(new DestinationConfig("out", "file", FormatSpec.JSON, replayed.toString(), null)),
                List.of(new StreamConfig("out", List.of("out"), List.of(), List.of(), BufferMode.BLOCK, 4096, false)),
                OutputOptions.NONE);
            final EngineSummary summary =
                new Engine(Pipeline.of(output, replay, catalog, EngineOptions.DEFAULTS)).run();
            assertNull(summary.failure());
            assertEquals(List.of(), replay.damage());
            assertEquals(expected, Files.readAllLines(replayed), "version " + version);
        }
    }

    /** Writes events without stacks as records of {@code version}; answers the JSON each prints as a current record. */
    private List<String> writeOldJournal(final Path journal, final int version) throws Exception
    {
        final EventProtoEncoder encoder = new EventProtoEncoder(catalog);
        final EventJsonWriter json = new EventJsonWriter(catalog);
        final RandomEvents events = new RandomEvents(version);
        final ExpandableArrayBuffer record = new ExpandableArrayBuffer(512);
        final ExpandableArrayBuffer old = new ExpandableArrayBuffer(512);
        final ExpandableArrayBuffer out = new ExpandableArrayBuffer(512);
        final List<String> expected = new ArrayList<>();
        final JournalHeader header = new JournalHeader(JournalHeader.FORMAT_VERSION, EventDecoder.SCHEMA_ID, version,
            0L, 1L, List.of(), "host", "0.0.1", "out", "kernel");
        try (JournalWriter writer = JournalWriter.open(journal, JournalRoll.HOURLY, header))
        {
            for (int i = 0; i < EVENTS; i++)
            {
                final int length = encoder.encode(withoutStackOrPolicies(events.nextEvent()), record, 0);
                final int written = json.write(record, 0, length, out, 0);
                expected.add(new String(out.byteArray(), 0, written, StandardCharsets.UTF_8));
                final int blockLength = version == 1 ? V1_BLOCK_LENGTH : EventEncoder.BLOCK_LENGTH;
                final int rest = length - EMPTY_STACK - HEADER - EventEncoder.BLOCK_LENGTH;
                old.putBytes(0, record, 0, HEADER + blockLength);
                old.putBytes(HEADER + blockLength, record, HEADER + EventEncoder.BLOCK_LENGTH, rest);
                old.putShort(MessageHeaderEncoder.blockLengthEncodingOffset(), (short)blockLength,
                    ByteOrder.LITTLE_ENDIAN);
                old.putShort(MessageHeaderEncoder.versionEncodingOffset(), (short)version, ByteOrder.LITTLE_ENDIAN);
                writer.append(old, 0, HEADER + blockLength + rest);
            }
        }
        return expected;
    }

    private static Event withoutStackOrPolicies(final Event event)
    {
        final Event.Builder builder = event.toBuilder().clearPolicies();
        if (event.getWorkload().getProcess().hasThread())
        {
            builder.getWorkloadBuilder().getProcessBuilder().getThreadBuilder().clearUserStackTrace();
        }
        return builder.build();
    }
}
