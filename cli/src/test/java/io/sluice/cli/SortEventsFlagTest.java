package io.sluice.cli;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.sbe.EventRecordWriter;
import io.sluice.config.JournalRoll;
import io.sluice.journal.JournalHeader;
import io.sluice.journal.JournalWriter;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --output sort-events} on the real command line: a journal holding two CPUs' events interleaved out of order
 * replays in timestamp order; an event more than the window late leaves at once, out of order, and is reported once.
 */
class SortEventsFlagTest
{
    private static final long BASE = 1_732_454_400_000_000_000L;
    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    private final Sluice sluice = new Sluice();

    private Path journal(final List<Long> millis) throws Exception
    {
        final Path journal = dir.resolve("journal-" + millis.size());
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(256);
        final EventRecordWriter writer = new EventRecordWriter();
        final int openat = EventCatalog.standard().byName("openat").id();
        try (JournalWriter out = JournalWriter.open(journal, JournalRoll.HOURLY, JournalHeader.now(new String[0], "s", "test")))
        {
            for (final long ms : millis)
            {
                // 7 ns past the millisecond, so no timestamp has a zero (omitted) nanos field
                final long at = BASE + ms * MS + 7;
                writer.wrap(buffer, 0).block().timestamp(at / 1_000_000_000L, (int)(at % 1_000_000_000L)).id(openat, 0);
                writer.block().presence().timestamp(true);
                out.append(buffer, 0, writer.finish());
            }
        }
        return journal;
    }

    private List<Long> replay(final Path journal, final String... flags)
    {
        final Path json = dir.resolve("out-" + System.nanoTime() + ".json");
        final List<String> args = new ArrayList<>(List.of("replay", journal.toString(), "--progress", "never",
            "--output", "json:" + json));
        args.addAll(List.of(flags));
        assertEquals(ExitCodes.OK, sluice.run(args.toArray(new String[0])), sluice.err);
        final List<Long> millis = new ArrayList<>();
        try
        {
            for (final String line : Sluice.lines(json))
            {
                millis.add((Sluice.nanosOf(line) - BASE - 7) / MS);
            }
        }
        catch (final java.io.IOException ex)
        {
            throw new AssertionError(ex);
        }
        return millis;
    }

    @Test
    void twoCpusInterleavedOutOfOrderReplayInTimestampOrder() throws Exception
    {
        // CPU 0's events (even ms) and CPU 1's (odd ms), handed over in runs of 25, as per-CPU buffers are read
        final List<Long> millis = new ArrayList<>();
        for (int run = 0; run < 40; run++)
        {
            for (int i = 0; i < 25; i++)
            {
                millis.add(run * 50L + 2 * i);
            }
            for (int i = 0; i < 25; i++)
            {
                millis.add(run * 50L + 2 * i + 1);
            }
        }
        final Path journal = journal(millis);
        final List<Long> asRecorded = replay(journal);
        assertEquals(millis, asRecorded);
        assertNotEquals(millis.stream().sorted().toList(), asRecorded);
        assertEquals(millis.stream().sorted().toList(), replay(journal, "--output", "sort-events"));
    }

    @Test
    void anEventMoreThanTheWindowLateIsPassedOnOutOfOrderAndReported() throws Exception
    {
        final Path journal = journal(List.of(1_000L, 1_200L, 900L, 1_150L, 1_250L, 800L));
        // 1200 lets 1000 go (100 ms behind); 900 is older than what left: at once; 1150 is in time, held until 1250
        // lets it go; 800 is late again; the end of input lets 1200 and 1250 go
        assertEquals(List.of(1_000L, 900L, 1_150L, 800L, 1_200L, 1_250L), replay(journal, "--output", "sort-events"));
        // the report goes to the process's stderr: a process of its own shows it, once, and the summary counts both
        final Path err = dir.resolve("late.err");
        final Process process = Sluice.start(err, "replay", journal.toString(), "--progress", "never", "--output", "none",
            "--output", "sort-events");
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        final String stderr = Files.readString(err);
        assertEquals(ExitCodes.OK, process.exitValue(), stderr);
        final String late = "sluice: sort-events: an event arrived after later ones had left (more than the 100 ms window late):"
            + " passed on out of order";
        assertEquals(1, stderr.lines().filter(late::equals).count(), stderr);
        assertTrue(stderr.contains("sort-events: late events: 2 times (printed once)"), stderr);
    }
}
