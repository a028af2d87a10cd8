package io.sluice.destination;

import io.sluice.config.RotationConfig;
import org.agrona.DirectBuffer;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;

/**
 * The {@code file} destination: {@code stdout}, {@code stderr} or a file (parent directories created, the file
 * created with permissions 0600 and truncated, as Tracee does). Events are newline-terminated and buffered:
 * flushed after every event on a terminal, at the end of each batch and when the buffer fills otherwise, and
 * always at close. With rotation ({@link RotationConfig}) the file rotates between flushes, so no event is ever
 * split across two files.
 */
public final class FileDestination implements Destination
{
    /** Path meaning the process's standard output. */
    public static final String STDOUT = "stdout";
    /** Path meaning the process's standard error. */
    public static final String STDERR = "stderr";

    private static final int BUFFER_SIZE = 64 * 1024;

    private final String name;
    private final String path;
    private final boolean terminal;
    private final RotationConfig rotation;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int position;
    private OutputStream out;
    private boolean ownsStream;

    /**
     * @param name     the destination's name.
     * @param path     {@code stdout}, {@code stderr} or a file path.
     * @param terminal true when the target is an interactive terminal (flush per event).
     */
    public FileDestination(final String name, final String path, final boolean terminal)
    {
        this(name, path, terminal, null);
    }

    /**
     * @param name     the destination's name.
     * @param path     {@code stdout}, {@code stderr} or a file path.
     * @param terminal true when the target is an interactive terminal (flush per event).
     * @param rotation how to rotate the file, or null for no rotation (only for a file path).
     */
    public FileDestination(final String name, final String path, final boolean terminal, final RotationConfig rotation)
    {
        this.name = name;
        this.path = path;
        this.terminal = terminal;
        this.rotation = rotation;
    }

    @Override
    public String name()
    {
        return name;
    }

    /**
     * @return the configured path.
     */
    public String path()
    {
        return path;
    }

    @Override
    public void open(final byte[] preamble) throws IOException
    {
        if (STDOUT.equals(path))
        {
            out = new FileOutputStream(FileDescriptor.out);
        }
        else if (STDERR.equals(path))
        {
            out = new FileOutputStream(FileDescriptor.err);
        }
        else if (rotation != null)
        {
            final RotatingFileOutput rotating = new RotatingFileOutput(Paths.get(path), rotation, Clock.systemUTC(), preamble);
            rotating.open();
            out = rotating;
            ownsStream = true;
            return;
        }
        else
        {
            out = Files.newOutputStream(createFile(Paths.get(path)), StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            ownsStream = true;
        }
        if (preamble.length > 0)
        {
            append(preamble, 0, preamble.length);
            flush();
        }
    }

    @Override
    public void write(final DirectBuffer rendered, final int offset, final int length) throws IOException
    {
        if (length + 1 > buffer.length - position)
        {
            flush();
        }
        if (length + 1 > buffer.length)
        {
            final byte[] big = new byte[length + 1];
            rendered.getBytes(offset, big, 0, length);
            big[length] = '\n';
            out.write(big, 0, big.length);
        }
        else
        {
            rendered.getBytes(offset, buffer, position, length);
            position += length;
            buffer[position++] = '\n';
        }
        if (terminal)
        {
            flush();
        }
    }

    @Override
    public void endOfBatch() throws IOException
    {
        flush();
    }

    @Override
    public void close() throws IOException
    {
        if (out == null)
        {
            return;
        }
        try
        {
            flush();
        }
        finally
        {
            if (ownsStream)
            {
                out.close();
            }
            else
            {
                out.flush();
            }
            out = null;
        }
    }

    private void append(final byte[] bytes, final int offset, final int length) throws IOException
    {
        if (length > buffer.length - position)
        {
            flush();
            out.write(bytes, offset, length);
            return;
        }
        System.arraycopy(bytes, offset, buffer, position, length);
        position += length;
    }

    private void flush() throws IOException
    {
        if (position > 0)
        {
            final int length = position;
            position = 0;
            out.write(buffer, 0, length);
        }
    }

    private static Path createFile(final Path file) throws IOException
    {
        final Path parent = file.toAbsolutePath().getParent();
        if (parent != null)
        {
            Files.createDirectories(parent);
        }
        if (!Files.exists(file))
        {
            try
            {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            catch (final java.nio.file.FileAlreadyExistsException raced)
            {
                // created between the check and here: use it as it is
            }
        }
        return file;
    }
}
