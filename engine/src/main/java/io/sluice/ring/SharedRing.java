package io.sluice.ring;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The ring every source writes into and the ingest thread reads from: an Agrona {@link OneToOneRingBuffer}
 * over a memory-mapped file (by default in {@code /dev/shm}), so a producer in another process (the C loader)
 * can write into it as well. The engine creates the file, owns it and deletes it on close. The file is the ring's data
 * and Agrona's trailer, then the {@link RingDoorbell}'s bytes.
 */
public final class SharedRing implements AutoCloseable
{
    /**
     * Default data capacity: 4 MiB. Every page of it is in the engine's memory from the start (the file is zeroed
     * through the mapping, so a full {@code /dev/shm} fails the start, not a write later), and in the loader's once it
     * has written through it. It is the smaller of the two burst buffers: when it is full the loader waits and the
     * kernel's ring (64 MiB by default) holds the rest, so the 16 MiB it had before bought 12 MB of each process's
     * memory and no throughput (docs/performance-log.md, "Idle JVM and ring memory"). Its largest record is an eighth
     * of it (512 KiB); the loader's are at most 64 KiB.
     */
    public static final int DEFAULT_CAPACITY = 4 * 1024 * 1024;
    /** Where ring files go unless told otherwise. */
    public static final String DEFAULT_DIR = "/dev/shm";

    private final Path file;
    private final MappedByteBuffer mapped;
    private final OneToOneRingBuffer ring;
    private final RingDoorbell doorbell;
    private final boolean deleteOnClose;

    private SharedRing(final Path file, final MappedByteBuffer mapped, final int capacity, final boolean deleteOnClose)
    {
        this.file = file;
        this.mapped = mapped;
        final int ringLength = capacity + RingBufferDescriptor.TRAILER_LENGTH;
        this.ring = new OneToOneRingBuffer(new UnsafeBuffer(mapped, 0, ringLength));
        this.doorbell = new RingDoorbell(new UnsafeBuffer(mapped, ringLength, RingDoorbell.LENGTH), ring);
        this.deleteOnClose = deleteOnClose;
    }

    /**
     * Create a new ring file, zeroed, readable and writable by its owner only.
     *
     * @param file     the file to create (replaced if present).
     * @param capacity data capacity, a power of two.
     * @return the ring, owning the file.
     */
    public static SharedRing create(final Path file, final int capacity)
    {
        if (Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException("ring capacity must be a power of two: " + capacity);
        }
        try
        {
            Files.deleteIfExists(file);
            final long length = capacity + (long)RingBufferDescriptor.TRAILER_LENGTH + RingDoorbell.LENGTH;
            final MappedByteBuffer mapped = IoUtil.mapNewFile(file.toFile(), length, true);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return new SharedRing(file, mapped, capacity, true);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create ring file " + file, ex);
        }
    }

    /**
     * Create a ring file with a unique name in {@link #DEFAULT_DIR} (or the temp dir when that is missing).
     *
     * @param capacity data capacity, a power of two.
     * @return the ring, owning the file.
     */
    public static SharedRing createAnonymous(final int capacity)
    {
        final Path dir = Files.isDirectory(Paths.get(DEFAULT_DIR)) ? Paths.get(DEFAULT_DIR) :
            Paths.get(System.getProperty("java.io.tmpdir"));
        final String name = "sluice-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".ring";
        return create(dir.resolve(name), capacity);
    }

    /**
     * @return the ring buffer view (one producer, one consumer).
     */
    public OneToOneRingBuffer ring()
    {
        return ring;
    }

    /**
     * @return how a producer in another process wakes the consumer from a long sleep (see its layout).
     */
    public RingDoorbell doorbell()
    {
        return doorbell;
    }

    /**
     * @return the file behind the ring, to pass to a producer in another process.
     */
    public Path file()
    {
        return file;
    }

    @Override
    public void close()
    {
        // a wake from another thread (a stop, the loader's exit) may come after the ring is gone: it must not touch it
        doorbell.close();
        IoUtil.unmap(mapped);
        if (deleteOnClose)
        {
            try
            {
                Files.deleteIfExists(file);
            }
            catch (final IOException ignore)
            {
                // a leftover file in /dev/shm is harmless; nothing else to do
            }
        }
    }
}
