package io.sluice.destination;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * What a {@link FileDestination} pushes its held events into, once opened: a regular file ({@link RegularFileOutput}),
 * a rotating one ({@link RotatingFileOutput}), or a stream the process does not own the layout of (standard output, a
 * FIFO, a device: {@link StreamTarget}). Written by the destination's writer thread alone; {@link #unblock} comes from
 * another thread, to end a write that is stuck.
 */
interface FileTarget extends Closeable
{
    /**
     * Called before a push that starts at an event's first byte: the one point a target may start a new file.
     *
     * @param nextBytes bytes about to be written.
     * @throws IOException when starting a new file fails.
     */
    default void beforeWholeEvents(final int nextBytes) throws IOException
    {
    }

    /**
     * @return the bytes a push is worth waiting for, when fewer are held ({@link RegularFileOutput#MIN_DIRECT_WRITE} for a
     *         file written past the page cache); 0 when a push of any size costs what its bytes cost.
     */
    default int largePush()
    {
        return 0;
    }

    /**
     * Write from {@code bytes}' position and advance it past what was written; like {@code write(2)}, may write fewer
     * bytes than remain.
     *
     * @param bytes what to write.
     * @return bytes written.
     * @throws IOException when the target refused the write (nothing of it was written).
     */
    int write(ByteBuffer bytes) throws IOException;

    /**
     * @return bytes written that the target's reader has not read yet (a pipe's), 0 when that cannot be known.
     */
    default long unread()
    {
        return 0;
    }

    /**
     * Close from another thread, so that a write blocked on the target fails.
     *
     * @throws IOException when closing fails.
     */
    void unblock() throws IOException;

    /**
     * Close once writing is over.
     *
     * @throws IOException when closing fails.
     */
    @Override
    void close() throws IOException;
}
