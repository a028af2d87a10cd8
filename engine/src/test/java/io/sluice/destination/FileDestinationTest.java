package io.sluice.destination;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FileDestinationTest
{
    @Test
    void createsParentsAndAPrivateFileWithPreambleAndOneEventPerLine(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("a/b/events.txt");
        final FileDestination destination = new FileDestination("d", file.toString(), false);
        destination.open("HEADER\n".getBytes(StandardCharsets.US_ASCII), new CountingReceipts());
        final UnsafeBuffer event = new UnsafeBuffer("xx{\"e\":1}yy".getBytes(StandardCharsets.UTF_8));
        CountingReceipts.offer(destination, event, 2, 7);
        CountingReceipts.offer(destination, event, 2, 7);
        destination.draining();
        destination.flush();
        destination.close();

        assertEquals("HEADER\n{\"e\":1}\n{\"e\":1}\n", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void writesEventsBackToBackWhenTheirFormatHasNoSeparator(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("events.pb");
        final FileDestination destination = new FileDestination("d", file.toString(), false, null, -1);
        destination.open(new byte[0], new CountingReceipts());
        final UnsafeBuffer event = new UnsafeBuffer(new byte[]{2, 0x18, 0x0A});
        CountingReceipts.offer(destination, event, 0, 3);
        CountingReceipts.offer(destination, event, 0, 3);
        destination.draining();
        destination.flush();
        destination.close();

        assertArrayEquals(new byte[]{2, 0x18, 0x0A, 2, 0x18, 0x0A}, Files.readAllBytes(file));
    }

    @Test
    void anEventThatRenderedToNothingIsAcceptedToo(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("template.txt");
        final FileDestination destination = new FileDestination("d", file.toString(), false, null, -1);
        final CountingReceipts receipts = new CountingReceipts();
        destination.open(new byte[0], receipts);
        final UnsafeBuffer event = new UnsafeBuffer("a\nb".getBytes(StandardCharsets.UTF_8));
        CountingReceipts.offer(destination, event, 0, 3);
        CountingReceipts.offer(destination, event, 0, 0);
        destination.draining();
        destination.flush();
        assertEquals(2, receipts.accepted);
        CountingReceipts.offer(destination, event, 0, 0);
        destination.flush();
        destination.close();

        assertEquals("a\nb", Files.readString(file));
        assertEquals(3, receipts.accepted);
    }

    @Test
    void aSmallPushToAFileWaitsAtMostTheLingerSoReadersSeeEventsWithoutWaitingForClose(@TempDir final Path dir)
        throws Exception
    {
        final Path file = dir.resolve("events.txt");
        final FileDestination destination = new FileDestination("d", file.toString(), false);
        final CountingReceipts receipts = new CountingReceipts();
        destination.open(new byte[0], receipts);
        assertEquals(FileDestination.LINGER_NANOS, destination.pollIntervalNanos(), "the writer comes back within the linger");
        CountingReceipts.offer(destination, new UnsafeBuffer("one".getBytes(StandardCharsets.UTF_8)), 0, 3);
        assertEquals("", Files.readString(file), "held within a batch");
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(FileDestination.LINGER_NANOS) + 1);
        destination.flush();
        assertEquals("one\n", Files.readString(file), "pushed once the linger passed");
        assertEquals(1, receipts.accepted);
        destination.flush();
        destination.close();
    }

    @Test
    void aStoppingRunPushesWhatAFileHoldsAtOnce(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("events.txt");
        final FileDestination destination = new FileDestination("d", file.toString(), false);
        final CountingReceipts receipts = new CountingReceipts();
        destination.open(new byte[0], receipts);
        CountingReceipts.offer(destination, new UnsafeBuffer("last".getBytes(StandardCharsets.UTF_8)), 0, 4);
        destination.draining();
        destination.flush();
        assertEquals("last\n", Files.readString(file));
        assertEquals(1, receipts.accepted);
        assertEquals(0, destination.pending());
        destination.close();
    }

    @Test
    void standardStreamsAndTerminalsNeverLinger()
    {
        assertEquals(0, new FileDestination("d", FileDestination.STDOUT, false).pollIntervalNanos());
        assertEquals(0, new FileDestination("d", "/dev/tty", true).pollIntervalNanos());
    }

    @Test
    void writesEventsLargerThanItsBufferWhole(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("big.txt");
        final byte[] big = "x".repeat(600_000).getBytes(StandardCharsets.US_ASCII);
        final FileDestination destination = new FileDestination("d", file.toString(), false);
        destination.open(new byte[0], new CountingReceipts());
        CountingReceipts.offer(destination, new UnsafeBuffer("small".getBytes(StandardCharsets.US_ASCII)), 0, 5);
        CountingReceipts.offer(destination, new UnsafeBuffer(big), 0, big.length);
        destination.draining();
        destination.flush();
        destination.close();
        assertEquals("small\n" + "x".repeat(600_000) + "\n", Files.readString(file));
    }

    @Test
    void holdsAMebibyteOfEventsAndPushesThemInOneGo(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("events.txt");
        final FileDestination destination = new FileDestination("d", file.toString(), false);
        final CountingReceipts receipts = new CountingReceipts();
        destination.open(new byte[0], receipts);
        final UnsafeBuffer event = new UnsafeBuffer("y".repeat(999).getBytes(StandardCharsets.US_ASCII));
        int held = 0;
        while (destination.offer(event, 0, 999))
        {
            held++;
        }
        assertEquals(1024 * 1024 / 1000, held, "events of 1,000 bytes with their newline held before a push is needed");
        assertEquals(held, destination.pending());
        assertEquals("", Files.readString(file), "nothing written before the push");
        assertEquals(0, receipts.accepted, "nothing counted before the push");
        destination.flush();
        assertEquals(held, receipts.accepted);
        assertEquals(0, destination.pending());
        assertEquals(held * 1000L, Files.size(file));
        destination.close();
    }

    @Test
    void truncatesAnExistingFileAsTraceeDoes(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("events.txt");
        Files.writeString(file, "old content that is longer\n");
        final FileDestination destination = new FileDestination("d", file.toString(), false);
        destination.open(new byte[0], new CountingReceipts());
        CountingReceipts.offer(destination, new UnsafeBuffer("new".getBytes(StandardCharsets.UTF_8)), 0, 3);
        destination.draining();
        destination.flush();
        destination.close();
        assertEquals("new\n", Files.readString(file));
    }
}
