package io.sluice.destination;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
    /** {@code O_DIRECT} in {@code /proc/self/fdinfo}'s octal {@code flags}: x86-64's, or arm64's. */
    private static final int O_DIRECT = "aarch64".equals(System.getProperty("os.arch")) ? 0200000 : 040000;

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
    void writesWholeBlocksPastThePageCacheWhereTheFileSystemAllowsIt(@TempDir final Path dir) throws Exception
    {
        final Path file = created(dir.resolve("events.json"));
        final String type = Files.getFileStore(file).type();
        assumeTrue(type.equals("ext4") || type.equals("xfs"), "a file system with O_DIRECT: " + type);
        try (RegularFileOutput out = RegularFileOutput.open(file, false))
        {
            assertTrue(out.writesDirect());
            assertTrue(openedDirect(file), "a descriptor of the file has O_DIRECT");
            final ByteBuffer push = ByteBuffer.wrap(new byte[4 * (int)Files.getFileStore(file).getBlockSize()]);
            Arrays.fill(push.array(), (byte)'x');
            assertEquals(push.capacity(), out.write(push), "whole blocks at a block's start: one direct write");
        }
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

    private static boolean openedDirect(final Path file) throws IOException
    {
        try (var descriptors = Files.list(Path.of("/proc/self/fd")))
        {
            for (final Path fd : (Iterable<Path>)descriptors::iterator)
            {
                try
                {
                    if (Files.readSymbolicLink(fd).equals(file.toAbsolutePath()) && direct(fd.getFileName().toString()))
                    {
                        return true;
                    }
                }
                catch (final IOException gone)
                {
                    // the listing's own descriptor, closed by now
                }
            }
        }
        return false;
    }

    private static boolean direct(final String fd) throws IOException
    {
        for (final String line : Files.readAllLines(Path.of("/proc/self/fdinfo", fd)))
        {
            if (line.startsWith("flags:"))
            {
                return (Integer.parseInt(line.substring("flags:".length()).trim(), 8) & O_DIRECT) != 0;
            }
        }
        return false;
    }
}
