package io.sluice.destination;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A regular file written in whole blocks past the page cache and in pieces through it: the file holds exactly the
 * bytes each write returned, in order, whatever the pushes' sizes and wherever the file's end stands, and a reader
 * sees them as soon as the write returned.
 */
class RegularFileOutputTest
{
    @Test
    void holdsEveryByteOfPushesOfEverySizeInOrderAndAReaderSeesEachPushAtOnce(@TempDir final Path dir) throws Exception
    {
        final Path file = created(dir.resolve("events.json"));
        final Random random = new Random(14);
        final ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (RegularFileOutput out = RegularFileOutput.open(file, false))
        {
            final int block = (int)Files.getFileStore(file).getBlockSize();
            final int[] sizes = {1, block - 1, block, block + 1, 3 * block + 7, 726, 5 * block,
                RegularFileOutput.MAX_DIRECT_WRITE + 3 * block + 11, 2, 256 * 1024 - 5, 999};
            for (final int size : sizes)
            {
                final byte[] push = new byte[size];
                random.nextBytes(push);
                // the events' buffer: direct, and not aligned to anything
                final ByteBuffer held = ByteBuffer.allocateDirect(size + 3);
                held.position(3);
                held.put(push).position(3);
                while (held.hasRemaining())
                {
                    final int before = held.position();
                    final int written = out.write(held);
                    assertTrue(written > 0, "each call writes something");
                    assertEquals(before + written, held.position(), "the buffer advanced by what was written");
                    expected.write(push, before - 3, written);
                    assertArrayEquals(expected.toByteArray(), Files.readAllBytes(file),
                        "the file holds what the calls returned, after a push of " + size);
                }
            }
        }
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(file));
    }

    @Test
    void largePushesLeaveNoPagesInThePageCacheAndSmallOnesGoThroughIt(@TempDir final Path dir) throws Exception
    {
        final Path large = created(dir.resolve("large.json"));
        final Path small = created(dir.resolve("small.json"));
        final String type = Files.getFileStore(large).type();
        assumeTrue(type.equals("ext4") || type.equals("xfs"), "a file system with O_DIRECT: " + type);
        final byte[] text = "x".repeat(4 * RegularFileOutput.MAX_DIRECT_WRITE).getBytes(StandardCharsets.US_ASCII);
        try (RegularFileOutput out = RegularFileOutput.open(large, false))
        {
            assertTrue(out.writesDirect());
            final ByteBuffer push = ByteBuffer.wrap(text);
            while (push.hasRemaining())
            {
                assertEquals(RegularFileOutput.MAX_DIRECT_WRITE, out.write(push), "whole blocks in one direct write");
            }
        }
        try (RegularFileOutput out = RegularFileOutput.open(small, false))
        {
            for (int at = 0; at < text.length; at += RegularFileOutput.MIN_DIRECT_WRITE - 1)
            {
                final ByteBuffer push = ByteBuffer.wrap(text, at, Math.min(RegularFileOutput.MIN_DIRECT_WRITE - 1, text.length - at));
                while (push.hasRemaining())
                {
                    out.write(push);
                }
            }
        }
        assertFalse(resident(large), "none of the large pushes' pages stayed in the page cache");
        assertTrue(resident(small), "the small pushes went through the page cache (the control)");
        assertArrayEquals(text, Files.readAllBytes(large));
        assertArrayEquals(text, Files.readAllBytes(small));
    }

    @Test
    void startsAfterWhatTheFileHoldsOrEmptiesItFirst(@TempDir final Path dir) throws Exception
    {
        final Path kept = created(dir.resolve("kept.txt"));
        Files.writeString(kept, "HEADER\n");
        final Path emptied = created(dir.resolve("emptied.txt"));
        Files.writeString(emptied, "old content that is longer\n");
        try (RegularFileOutput keeping = RegularFileOutput.open(kept, false);
             RegularFileOutput emptying = RegularFileOutput.open(emptied, true))
        {
            writeAll(keeping, "x".repeat(10_000));
            writeAll(emptying, "new\n");
        }
        assertEquals("HEADER\n" + "x".repeat(10_000), Files.readString(kept));
        assertEquals("new\n", Files.readString(emptied));
    }

    @Test
    void aClosedOutputRefusesTheNextWrite(@TempDir final Path dir) throws Exception
    {
        final Path file = created(dir.resolve("events.json"));
        final RegularFileOutput out = RegularFileOutput.open(file, false);
        out.unblock();
        final ByteBuffer push = ByteBuffer.wrap(new byte[8192]);
        assertThrows(IOException.class, () -> out.write(push));
        assertEquals(0, push.position(), "nothing counted as written");
    }

    private static void writeAll(final RegularFileOutput out, final String text) throws IOException
    {
        final ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
        while (bytes.hasRemaining())
        {
            out.write(bytes);
        }
    }

    private static Path created(final Path file) throws IOException
    {
        OutputFileOpening.prepare(file);
        return file;
    }

    /** Whether every page of the file is in the page cache ({@code mincore}, through {@link MappedByteBuffer#isLoaded}). */
    private static boolean resident(final Path file) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            return map.isLoaded();
        }
    }
}
