package io.sluice.destination;

import io.sluice.config.RotationConfig;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rotation of file destinations, as Tetragon's export file: by size, keeping only the newest backups, gzipped,
 * named {@code name-2006-01-02T15-04-05.000.ext.gz} in UTC, 0600, and no event split across files or lost.
 */
class FileRotationTest
{
    private static final long MB = RotationConfig.MEGABYTE;

    @Test
    void fiftyMegabytesRotateIntoThreeGzipBackupsOfAtMostFiveMegabytesPlusTheLiveFile(@TempDir final Path dir) throws Exception
    {
        final Path live = dir.resolve("events.json");
        final FileDestination destination = new FileDestination("d", live.toString(), false,
            new RotationConfig(5 * MB, 3, true, Duration.ZERO));
        destination.open(new byte[0], new CountingReceipts());
        long written = 0;
        long seq = 0;
        final byte[] line = new byte[2048];
        final UnsafeBuffer event = new UnsafeBuffer(line);
        while (written < 50 * MB)
        {
            final int length = eventLine(line, seq++);
            CountingReceipts.offer(destination, event, 0, length);
            written += length + 1;
            if (seq % 100 == 0)
            {
                destination.flush();
            }
        }
        destination.draining();
        destination.flush();
        destination.close();

        final List<Path> backups = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir))
        {
            files.filter(file -> !file.equals(live)).sorted().forEach(backups::add);
        }
        assertEquals(3, backups.size(), "backups: " + backups);
        final List<String> lines = new ArrayList<>();
        for (final Path backup : backups)
        {
            assertTrue(backup.getFileName().toString().matches("events-\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d\\.\\d{3}\\.json\\.gz"),
                backup.toString());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)));
            final List<String> content = gunzipLines(backup);
            assertTrue(bytes(content) <= 5 * MB, backup + " holds " + bytes(content) + " bytes");
            lines.addAll(content);
        }
        final List<String> liveLines = Files.readAllLines(live, StandardCharsets.UTF_8);
        assertTrue(Files.size(live) <= 5 * MB);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(live)));
        lines.addAll(liveLines);
        // Every line whole, and the kept files hold the last events without a gap.
        final long first = seqOf(lines.get(0));
        for (int i = 0; i < lines.size(); i++)
        {
            assertEquals(first + i, seqOf(lines.get(i)), "line " + i + ": " + lines.get(i));
        }
        assertEquals(seq - 1, seqOf(lines.get(lines.size() - 1)));
    }

    @Test
    void anIntervalRotatesEvenASmallFile(@TempDir final Path dir) throws Exception
    {
        final Path live = dir.resolve("events");
        final MutableClock clock = new MutableClock(Instant.parse("2006-01-02T15:04:05.000Z"));
        final RotatingFileOutput out = new RotatingFileOutput(live, new RotationConfig(10 * MB, 0, false, Duration.ofMinutes(1)),
            clock, "HEADER\n".getBytes(StandardCharsets.US_ASCII));
        out.open();
        out.beforeWholeEvents(2);
        out.write(java.nio.ByteBuffer.wrap("a\n".getBytes(StandardCharsets.US_ASCII)));
        clock.now = clock.now.plusSeconds(61);
        out.beforeWholeEvents(2);
        out.write(java.nio.ByteBuffer.wrap("b\n".getBytes(StandardCharsets.US_ASCII)));
        out.close();

        assertEquals("HEADER\na\n", Files.readString(dir.resolve("events-2006-01-02T15-05-06.000")));
        assertEquals("HEADER\nb\n", Files.readString(live), "each new file starts with the format's preamble");
    }

    @Test
    void aLiveFileLeftByAnEarlierRunIsKeptAsABackup(@TempDir final Path dir) throws Exception
    {
        final Path live = dir.resolve("events.json");
        Files.writeString(live, "{\"old\":1}\n");
        final FileDestination destination = new FileDestination("d", live.toString(), false,
            new RotationConfig(MB, 5, false, Duration.ZERO));
        destination.open(new byte[0], new CountingReceipts());
        CountingReceipts.offer(destination, new UnsafeBuffer("{\"new\":1}".getBytes(StandardCharsets.UTF_8)), 0, 9);
        destination.draining();
        destination.flush();
        destination.close();

        try (Stream<Path> files = Files.list(dir))
        {
            final List<Path> backups = files.filter(file -> !file.equals(live)).toList();
            assertEquals(1, backups.size());
            assertEquals("{\"old\":1}\n", Files.readString(backups.get(0)));
        }
        assertEquals("{\"new\":1}\n", Files.readString(live));
    }

    @Test
    void everyFileOfTheSmallestLimitHoldsItsPreambleAndItsPushes(@TempDir final Path dir) throws Exception
    {
        final Path live = dir.resolve("events.txt");
        final byte[] preamble = "HEADER\n".getBytes(StandardCharsets.US_ASCII);
        final FileDestination destination = new FileDestination("d", live.toString(), false,
            new RotationConfig(MB, 0, false, Duration.ZERO));
        destination.open(preamble, new CountingReceipts());
        // events of 2 KiB with their newline: a buffer the size of the limit would fill it exactly, preamble not counted
        final byte[] line = new byte[2047];
        Arrays.fill(line, (byte)'x');
        final UnsafeBuffer event = new UnsafeBuffer(line);
        for (long written = 0; written < 6 * MB; written += line.length + 1)
        {
            // pushed only when the destination holds all it can: the largest pushes it makes
            CountingReceipts.offer(destination, event, 0, line.length);
        }
        destination.draining();
        destination.flush();
        destination.close();

        try (Stream<Path> files = Files.list(dir))
        {
            final List<Path> all = files.toList();
            assertTrue(all.size() >= 6, "rotated: " + all);
            for (final Path file : all)
            {
                assertTrue(Files.size(file) <= MB, file + " holds " + Files.size(file) + " bytes");
                assertTrue(Files.readString(file).startsWith("HEADER\n"), file + " starts with the preamble");
            }
        }
    }

    private static int eventLine(final byte[] line, final long seq)
    {
        // Lengths vary (200 to ~1200 bytes) so rotations fall at arbitrary places.
        final StringBuilder text = new StringBuilder("{\"seq\":").append(seq).append(",\"pad\":\"");
        final int pad = 200 + (int)((seq * 7919) % 1000);
        for (int i = 0; i < pad; i++)
        {
            text.append((char)('a' + (i + seq) % 26));
        }
        text.append("\"}");
        final byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, line, 0, bytes.length);
        return bytes.length;
    }

    private static long seqOf(final String line)
    {
        assertTrue(line.startsWith("{\"seq\":") && line.endsWith("\"}"), () -> "cut line: " + line);
        return Long.parseLong(line.substring(7, line.indexOf(',')));
    }

    private static long bytes(final List<String> lines)
    {
        long total = 0;
        for (final String line : lines)
        {
            total += line.length() + 1;
        }
        return total;
    }

    private static List<String> gunzipLines(final Path gz) throws IOException
    {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz));
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)))
        {
            return reader.lines().toList();
        }
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock
    {
        private Instant now;

        MutableClock(final Instant now)
        {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone()
        {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(final java.time.ZoneId zone)
        {
            return this;
        }

        @Override
        public Instant instant()
        {
            return now;
        }
    }
}
