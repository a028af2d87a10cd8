package io.sluice.destination;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import com.sun.nio.file.ExtendedOpenOption;

/**
 * A regular file written past the page cache: the whole blocks of each push with {@code O_DIRECT}, and only the
 * pieces that do not fill a block through the page cache. Why: a write into new page cache makes the kernel take a new
 * page for every 4 KiB, and on a VM whose host backs each new page at its first touch that costs ~2 ns of the writing
 * thread's system time a byte (1.2 µs an event of JSON), where a direct write of whole blocks costs ~0.16 ns a byte and
 * leaves the rest to the host's disk (docs/performance-log.md, "Nineteenth pass"). A tracer's output is written once
 * and read later, if at all: gigabytes of it in the page cache would evict what the traced host's own programs cache.
 * <p>
 * What one {@link #write} does, by where the file's end stands:
 * <pre>
 *   file:   ...| block k, part written |  block k+1 ... block m   | block m+1 |
 *   writes:    [rest of block k: cached] [whole blocks: O_DIRECT]  [part: cached]
 * </pre>
 * one system call per {@link #write}, so that what it returns is what reached the file (a full disk stops a call part
 * way). Only a push of at least {@link #MIN_DIRECT_WRITE} bytes of whole blocks goes direct: a direct write waits for
 * its I/O and ends in an interrupt, which cost more than a smaller push saves (at the kernel figure's ~150 KB
 * pushes, direct writes from 4 KiB up took the writer from ~530 to ~600-900 ns an event). The direct range never
 * holds a page the cached pieces wrote, so no direct write waits for the page cache's writeback; a reader of the file
 * sees every byte a call returned (the kernel keeps the two kinds coherent). Whole blocks are copied into one
 * block-aligned buffer first: the events' buffer is not aligned to the file's blocks. A file system that refuses
 * {@code O_DIRECT} gets every byte through the page cache.
 * <p>
 * Not thread-safe: the destination's writer thread only ({@link #unblock} excepted).
 */
final class RegularFileOutput implements FileTarget
{
    /** Most bytes one direct write carries. */
    static final int MAX_DIRECT_WRITE = 1024 * 1024;
    /**
     * Fewest bytes of whole blocks written direct: less goes through the page cache. Each direct write is an I/O
     * request and an interrupt; at 256 KiB a flat-out bench took 5,000-8,600 of them (and its other threads more CPU
     * an event), at 768 KiB ~2,300 (docs/performance-log.md, "Nineteenth pass").
     */
    static final int MIN_DIRECT_WRITE = 768 * 1024;

    private final FileChannel cached;
    /** Null when the file system refused {@code O_DIRECT}. */
    private final FileChannel direct;
    private final int block;
    /** Made at the first direct write: a run whose pushes stay small never holds it. */
    private ByteBuffer aligned;
    private long position;

    private RegularFileOutput(final FileChannel cached, final FileChannel direct, final int block) throws IOException
    {
        this.cached = cached;
        this.direct = direct;
        this.block = block;
        this.position = cached.size();
    }

    /**
     * Open a regular file that exists (created by {@link OutputFileOpening#prepare}) to write from its end, or from its
     * start after emptying it.
     *
     * @param file     a regular file.
     * @param truncate true to empty it first.
     * @return the output.
     * @throws IOException when the file cannot be opened.
     */
    static RegularFileOutput open(final Path file, final boolean truncate) throws IOException
    {
        final FileChannel cached = truncate
            ? FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)
            : FileChannel.open(file, StandardOpenOption.WRITE);
        try
        {
            final long blockSize = Files.getFileStore(file).getBlockSize();
            final FileChannel direct = blockSize > 0 && blockSize <= MAX_DIRECT_WRITE && Long.bitCount(blockSize) == 1
                ? openDirect(file) : null;
            return new RegularFileOutput(cached, direct, direct == null ? 0 : (int)blockSize);
        }
        catch (final IOException | RuntimeException ex)
        {
            cached.close();
            throw ex;
        }
    }

    private static FileChannel openDirect(final Path file)
    {
        try
        {
            return FileChannel.open(file, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
        }
        catch (final IOException | UnsupportedOperationException ex)
        {
            // the file system refuses O_DIRECT (EINVAL): the page cache takes every byte
            return null;
        }
    }

    /**
     * @return true when whole blocks go past the page cache.
     */
    boolean writesDirect()
    {
        return direct != null;
    }

    @Override
    public int largePush()
    {
        return direct == null ? 0 : MIN_DIRECT_WRITE;
    }

    /**
     * Write from {@code src}'s position, in one system call, and advance it past what was written.
     *
     * @param src bytes to write.
     * @return bytes written: at least one unless {@code src} is empty.
     * @throws IOException when the file refuses the write (nothing of it was written).
     */
    @Override
    public int write(final ByteBuffer src) throws IOException
    {
        final int remaining = src.remaining();
        final int intoBlock = direct == null ? 0 : (int)(position & (block - 1));
        final int written;
        if (direct == null)
        {
            written = cached.write(src, position);
        }
        else if (intoBlock != 0 || remaining < MIN_DIRECT_WRITE)
        {
            written = writeCached(src, intoBlock == 0 ? remaining : Math.min(remaining, block - intoBlock));
        }
        else
        {
            final int wholeBlocks = Math.min(remaining & -block, MAX_DIRECT_WRITE);
            if (aligned == null)
            {
                aligned = ByteBuffer.allocateDirect(MAX_DIRECT_WRITE + block).alignedSlice(block);
            }
            aligned.clear();
            aligned.put(0, src, src.position(), wholeBlocks);
            aligned.limit(wholeBlocks);
            written = direct.write(aligned, position);
            src.position(src.position() + written);
        }
        position += written;
        return written;
    }

    private int writeCached(final ByteBuffer src, final int piece) throws IOException
    {
        final int limit = src.limit();
        src.limit(src.position() + piece);
        try
        {
            return cached.write(src, position);
        }
        finally
        {
            src.limit(limit);
        }
    }

    @Override
    public void unblock() throws IOException
    {
        close();
    }

    @Override
    public void close() throws IOException
    {
        try
        {
            if (direct != null)
            {
                direct.close();
            }
        }
        finally
        {
            cached.close();
        }
    }
}
