package io.sluice.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A damaged journal is reported, not crashed on: replay names the file and the index where the damage is, replays
 * everything intact, and exits with 3 to say the journal was damaged. A {@code .cq4} file that is not a readable
 * cycle file at all (foreign, cut inside its header, its head overwritten) is named within seconds, not waited on.
 */
class DamagedJournalTest
{
    private static final int COUNT = 100_000;
    /** The journal destination's default roll (hourly) names files so. */
    private static final DateTimeFormatter HOURLY = DateTimeFormatter.ofPattern("yyyyMMdd-HH'F'");
    private static final long PROMPTLY_NANOS = TimeUnit.SECONDS.toNanos(5);

    @TempDir
    Path dir;
    Path journal;

    @BeforeEach
    void capture()
    {
        journal = dir.resolve("journal");
        final Sluice sluice = new Sluice();
        assertEquals(ExitCodes.OK, sluice.run("--source", "synthetic:count=" + COUNT,
            "--output", "destinations.j.type=journal", "--output", "destinations.j.path=" + journal), sluice.err);
    }

    @Test
    void aTruncatedFileIsReportedAndWhatPrecedesTheCutIsReplayed() throws Exception
    {
        final Path file = queueFile();
        try (RandomAccessFile cut = new RandomAccessFile(file.toFile(), "rw"))
        {
            cut.setLength(20_000_000L);
        }
        final Path out = dir.resolve("replayed.json");
        final Sluice sluice = new Sluice();

        assertEquals(ExitCodes.DAMAGED_INPUT, sluice.run("replay", journal.toString(), "--progress", "never",
            "--output", "json:" + out), sluice.err);

        assertTrue(sluice.err.contains("journal damaged: " + file.getFileName() + " at index 0x"), sluice.err);
        assertTrue(sluice.err.contains("file truncated"), sluice.err);
        final List<String> lines = Sluice.lines(out);
        assertTrue(lines.size() > COUNT / 4 && lines.size() < COUNT, "replayed " + lines.size());
        for (int i = 0; i < lines.size(); i++)
        {
            assertEquals(i, Sluice.seqOf(lines.get(i)));
        }
    }

    @Test
    void aCorruptedExcerptIsSkippedAndTheRestReplayed() throws Exception
    {
        final Path file = queueFile();
        final long at = indexOf(file, "/usr/bin/".getBytes(StandardCharsets.US_ASCII), 10_000_000L);
        try (RandomAccessFile damage = new RandomAccessFile(file.toFile(), "rw"))
        {
            damage.seek(at);
            damage.write("/USR/BIN/".getBytes(StandardCharsets.US_ASCII));
        }
        final Path out = dir.resolve("replayed.json");
        final Sluice sluice = new Sluice();

        assertEquals(ExitCodes.DAMAGED_INPUT, sluice.run("replay", journal.toString(), "--progress", "never",
            "--output", "json:" + out));

        assertTrue(sluice.err.contains("journal damaged: " + file.getFileName() + " at index 0x"), sluice.err);
        assertTrue(sluice.err.contains("checksum mismatch"), sluice.err);
        assertTrue(sluice.err.contains("exit code 3"), sluice.err);
        final List<String> lines = Sluice.lines(out);
        assertEquals(COUNT - 1, lines.size());
        long expected = 0;
        int gaps = 0;
        for (final String line : lines)
        {
            final long seq = Sluice.seqOf(line);
            gaps += seq == expected ? 0 : 1;
            expected = seq + 1;
        }
        assertEquals(1, gaps, "exactly one event is missing");
    }

    @Test
    void aDirectoryWithoutAJournalIsARuntimeFailure() throws Exception
    {
        final Sluice sluice = new Sluice();
        assertEquals(ExitCodes.RUNTIME_FAILURE, sluice.run("replay", dir.resolve("nothing").toString(), "--output", "none"));
        assertTrue(sluice.err.contains("no journal at"), sluice.err);
    }

    @Test
    void aForeignFileIsNamedPromptlyAndTheJournalBesideItReplayed() throws Exception
    {
        final Path foreign = journal.resolve(earlierCycle(queueFile()));
        Files.write(foreign, randomBytes(1 << 20));

        replaysTheIntactFileAndNames(foreign, "not a Chronicle Queue cycle file");
    }

    @Test
    void aFileCutInsideItsHeaderIsNamedPromptlyAndTheJournalBesideItReplayed() throws Exception
    {
        final Path cut = journal.resolve(earlierCycle(queueFile()));
        Files.copy(queueFile(), cut);
        try (RandomAccessFile file = new RandomAccessFile(cut.toFile(), "rw"))
        {
            file.setLength(100);
        }

        replaysTheIntactFileAndNames(cut, "file truncated to 100 bytes");
    }

    @Test
    void aFileWhoseFirstMegabyteIsOverwrittenIsNamedPromptlyAndTheJournalBesideItReplayed() throws Exception
    {
        final Path original = queueFile();
        Files.copy(original, journal.resolve(earlierCycle(original)));
        try (RandomAccessFile file = new RandomAccessFile(original.toFile(), "rw"))
        {
            file.write(randomBytes(1 << 20));
        }

        replaysTheIntactFileAndNames(original, "not a Chronicle Queue cycle file");
    }

    @Test
    void aDirectoryHoldingOnlyAForeignFileIsNamedPromptly() throws Exception
    {
        final Path alone = dir.resolve("foreign");
        Files.createDirectories(alone);
        final Path foreign = alone.resolve("20261123-10F.cq4");
        Files.write(foreign, randomBytes(1 << 20));
        final Sluice sluice = new Sluice();

        final long started = System.nanoTime();
        final int exit = sluice.run("replay", alone.toString(), "--progress", "never", "--output", "none");
        final long took = System.nanoTime() - started;

        assertEquals(ExitCodes.DAMAGED_INPUT, exit, sluice.err);
        assertTrue(took < PROMPTLY_NANOS, "took " + took / 1_000_000 + " ms");
        assertTrue(sluice.err.contains("journal damaged: 20261123-10F.cq4: not a Chronicle Queue cycle file"), sluice.err);
        assertTrue(sluice.err.contains("replayed 0 events"), sluice.err);
        assertFalse(sluice.err.contains("\tat "), sluice.err);
    }

    /** Replay names {@code damaged} (and what is wrong with it) promptly, exits 3, and replays the intact file whole. */
    private void replaysTheIntactFileAndNames(final Path damaged, final String problem) throws Exception
    {
        final Path out = dir.resolve("replayed.json");
        final Sluice sluice = new Sluice();

        final long started = System.nanoTime();
        final int exit = sluice.run("replay", journal.toString(), "--progress", "never", "--output", "json:" + out);
        final long took = System.nanoTime() - started;

        assertEquals(ExitCodes.DAMAGED_INPUT, exit, sluice.err);
        assertTrue(took < PROMPTLY_NANOS, "took " + took / 1_000_000 + " ms");
        assertTrue(sluice.err.contains("sluice: journal damaged: " + damaged.getFileName() + ": " + problem), sluice.err);
        assertTrue(sluice.err.contains("exit code 3"), sluice.err);
        assertFalse(sluice.err.contains("\tat "), sluice.err);
        final List<String> lines = Sluice.lines(out);
        assertEquals(COUNT, lines.size());
        for (int i = 0; i < lines.size(); i++)
        {
            assertEquals(i, Sluice.seqOf(lines.get(i)));
        }
    }

    /** The name of the cycle file an hour before {@code file}'s. */
    private static String earlierCycle(final Path file)
    {
        final String name = file.getFileName().toString();
        final LocalDateTime hour = LocalDateTime.parse(name.substring(0, name.length() - ".cq4".length()), HOURLY);
        return hour.minusHours(1).format(HOURLY) + ".cq4";
    }

    private static byte[] randomBytes(final int length)
    {
        final byte[] bytes = new byte[length];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    private Path queueFile() throws Exception
    {
        try (Stream<Path> files = Files.list(journal))
        {
            return files.filter(file -> file.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
    }

    private static long indexOf(final Path file, final byte[] pattern, final long from) throws Exception
    {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r"))
        {
            final byte[] window = new byte[1 << 20];
            in.seek(from);
            final int read = in.read(window);
            for (int i = 0; i + pattern.length <= read; i++)
            {
                if (java.util.Arrays.equals(window, i, i + pattern.length, pattern, 0, pattern.length))
                {
                    return from + i;
                }
            }
        }
        throw new AssertionError("pattern not found");
    }
}
