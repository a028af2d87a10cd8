package io.sluice.destination;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * A target written as a stream, through its channel's own position: standard output or error (not closed: the process
 * keeps them), a FIFO or a device (opened here, and closed). For a pipe, the bytes its reader has not read yet can be
 * asked for ({@code FIONREAD} through {@link FileInputStream#available}), so that the events they hold are revoked when
 * the reader leaves.
 */
final class StreamTarget implements FileTarget
{
    private final FileChannel channel;
    private final FileInputStream unreadProbe;
    private final FileOutputStream owned;

    private StreamTarget(final FileChannel channel, final FileInputStream unreadProbe, final FileOutputStream owned)
    {
        this.channel = channel;
        this.unreadProbe = unreadProbe;
        this.owned = owned;
    }

    /**
     * @param descriptor {@link FileDescriptor#out} or {@link FileDescriptor#err}.
     * @return the process's standard stream as a target.
     */
    static StreamTarget standard(final FileDescriptor descriptor)
    {
        return new StreamTarget(new FileOutputStream(descriptor).getChannel(), new FileInputStream(descriptor), null);
    }

    /**
     * Open a file that is no regular file, or a regular file whose layout is left to the kernel. A FIFO blocks here
     * until its reader comes.
     *
     * @param file     the path.
     * @param truncate true to empty it as it opens ({@link OutputFileOpening#prepare}).
     * @return the target.
     * @throws IOException when it cannot be opened.
     */
    static StreamTarget open(final Path file, final boolean truncate) throws IOException
    {
        // appending to a file that is new or empty writes it from its start, without O_TRUNC (OutputFileOpening)
        final FileOutputStream owned = new FileOutputStream(file.toFile(), !truncate);
        return new StreamTarget(owned.getChannel(), new FileInputStream(owned.getFD()), owned);
    }

    @Override
    public int write(final ByteBuffer bytes) throws IOException
    {
        return channel.write(bytes);
    }

    @Override
    public long unread()
    {
        try
        {
            return unreadProbe.available();
        }
        catch (final IOException ex)
        {
            return 0;
        }
    }

    @Override
    public void unblock() throws IOException
    {
        channel.close();
    }

    @Override
    public void close() throws IOException
    {
        if (owned != null)
        {
            owned.close();
        }
    }
}
