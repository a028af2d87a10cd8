package io.sluice.cli;

import io.sluice.journal.JournalHeader;
import io.sluice.journal.JournalReader;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What replay and a journal say about themselves, seen from a real {@code sluice} process: replay prints the
 * per-stream summary once, and a journal header records the version {@code sluice version} prints.
 */
class ReplayReportTest
{
    private static final Pattern VERSION = Pattern.compile("^sluice (\\S+) \\(record schema");

    @TempDir
    Path dir;

    @Test
    void replayPrintsItsSummaryExactlyOnce() throws Exception
    {
        final Path journal = capture(1000);
        final Path err = dir.resolve("replay.err");

        assertEquals(ExitCodes.OK, exit(Sluice.start(err, "replay", journal.toString(), "--progress", "never",
            "--output", "none")), () -> read(err));

        final String text = read(err);
        assertEquals(1, occurrences(text, "sluice: source replay("), text);
        assertEquals(0, occurrences(text, "STREAM  "), "--output none: no stream, so no stream table\n" + text);
        assertEquals(1, occurrences(text, "sluice: replayed 1000 events"), text);
    }

    @Test
    void theJournalHeaderRecordsTheVersionSluiceVersionPrints() throws Exception
    {
        final Path out = dir.resolve("version.out");
        final Path err = dir.resolve("version.err");
        assertEquals(ExitCodes.OK, exit(Sluice.start(out, err, "version")), () -> read(err));
        final Matcher printed = VERSION.matcher(read(out));
        assertTrue(printed.find(), read(out));
        final String version = printed.group(1);
        assertNotEquals("unknown", version);
        assertNotEquals("dev", version);

        final List<JournalHeader> headers = headers(capture(10));

        assertEquals(1, headers.size());
        assertEquals(version, headers.get(0).sluiceVersion());
    }

    private Path capture(final int count) throws Exception
    {
        final Path journal = dir.resolve("journal");
        final Path err = dir.resolve("capture.err");
        assertEquals(ExitCodes.OK, exit(Sluice.start(err, "--source", "synthetic:count=" + count,
            "--output", "destinations.j.type=journal", "--output", "destinations.j.path=" + journal)), () -> read(err));
        return journal;
    }

    private static List<JournalHeader> headers(final Path journal) throws Exception
    {
        final List<JournalHeader> headers = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(journal))
        {
            final JournalReader.Listener listener = new JournalReader.Listener()
            {
                @Override
                public void onHeader(final JournalHeader header, final long index)
                {
                    headers.add(header);
                }

                @Override
                public void onEvent(final DirectBuffer record, final int offset, final int length, final long index)
                {
                    // only the headers matter here
                }
            };
            while (reader.poll(listener) != JournalReader.NONE)
            {
                // read to the end
            }
            assertTrue(reader.damage().isEmpty(), reader.damage().toString());
        }
        return headers;
    }

    private static int exit(final Process process) throws Exception
    {
        if (!process.waitFor(120, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            throw new AssertionError("sluice did not finish in 120 s");
        }
        return process.exitValue();
    }

    private static int occurrences(final String text, final String part)
    {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1))
        {
            count++;
        }
        return count;
    }

    private static String read(final Path file)
    {
        try
        {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (final java.io.IOException ex)
        {
            return "(" + file + " unreadable: " + ex.getMessage() + ")";
        }
    }
}
