package io.sluice.destination;

import io.sluice.config.RotationConfig;
import org.agrona.DirectBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The {@code file} destination: {@code stdout}, {@code stderr}, a file or a FIFO (parent directories created, a new
 * file created 0600 and an existing one truncated, as Tracee does). Each event is followed by its format's record
 * separator (a newline; none for a format whose records delimit themselves) and held until pushed: after every event
 * on a terminal, at the end of each batch, and when the buffer ({@value #BUFFER_SIZE} bytes) fills. A regular file's
 * large pushes are written past the page cache ({@link RegularFileOutput}), and at the end of a batch such a file waits
 * until it holds a large push, up to {@link #LINGER_NANOS}. An event is accepted when the {@code write} carrying its
 * last byte returned; a write that stops part way (a full disk) accepts the events that left whole and keeps the rest,
 * torn one first, for the retry. When the reader of a pipe leaves, the events it never read (the bytes still in the
 * pipe) are revoked and the destination is gone. With rotation ({@link RotationConfig}) the file rotates only between
 * whole events.
 */
public final class FileDestination implements Destination
{
    /** Path meaning the process's standard output. */
    public static final String STDOUT = "stdout";
    /** Path meaning the process's standard error. */
    public static final String STDERR = "stderr";

    /**
     * Bytes held before a push is needed: at full rate one {@code write} carries about 1,400 JSON events, and a regular
     * file's push is large enough to go past the page cache ({@link RegularFileOutput#MIN_DIRECT_WRITE}: a direct
     * write of 1 MiB costs about half of what the page cache does at its cheapest).
     */
    private static final int BUFFER_SIZE = 1024 * 1024;

    /** The longest a push waits for more events ({@link PushLinger}). */
    static final long LINGER_NANOS = PushLinger.LINGER_NANOS;

    private static final int MAX_EVENTS = 4096;
    private static final String BROKEN_PIPE = "Broken pipe";

    private final String name;
    private final String path;
    private final boolean terminal;
    private final RotationConfig rotation;
    private final int separator;
    private final HeldEvents held;
    /** Bytes {@link #held} takes before it refuses ({@link #bufferSize}). */
    private final int heldCapacity;
    private Receipts receipts;
    /** Set once by {@link #open}, on the opener thread; read by {@link #unblock} from another. */
    private volatile FileTarget target;
    private final PushLinger linger = new PushLinger();

    /**
     * @param name     the destination's name.
     * @param path     {@code stdout}, {@code stderr} or a file path.
     * @param terminal true when the target is an interactive terminal (pushed per event).
     */
    public FileDestination(final String name, final String path, final boolean terminal)
    {
        this(name, path, terminal, null);
    }

    /**
     * @param name     the destination's name.
     * @param path     {@code stdout}, {@code stderr} or a file path.
     * @param terminal true when the target is an interactive terminal (pushed per event).
     * @param rotation how to rotate the file, or null for no rotation (only for a file path).
     */
    public FileDestination(final String name, final String path, final boolean terminal, final RotationConfig rotation)
    {
        this(name, path, terminal, rotation, '\n');
    }

    /**
     * @param name      the destination's name.
     * @param path      {@code stdout}, {@code stderr} or a file path.
     * @param terminal  true when the target is an interactive terminal (pushed per event).
     * @param rotation  how to rotate the file, or null for no rotation (only for a file path).
     * @param separator the byte written after each event, or -1 for none (its format's
     *                  {@code Format.recordSeparator()}).
     */
    public FileDestination(
        final String name, final String path, final boolean terminal, final RotationConfig rotation, final int separator)
    {
        this.name = name;
        this.path = path;
        this.terminal = terminal;
        this.rotation = rotation;
        this.separator = separator;
        this.heldCapacity = bufferSize(rotation);
        this.held = new HeldEvents(heldCapacity, MAX_EVENTS);
    }

    /**
     * {@link #BUFFER_SIZE}, or a quarter of a rotating file's size limit when that is less (at least 64 KiB): a push
     * goes into one file, after the preamble a new file starts with, so the file's limit must hold both.
     */
    private static int bufferSize(final RotationConfig rotation)
    {
        return rotation == null ? BUFFER_SIZE : (int)Math.max(64 * 1024, Math.min(BUFFER_SIZE, rotation.maxSizeBytes() / 4));
    }

    /**
     * @param path a file destination's path.
     * @return true for {@link #STDOUT} and {@link #STDERR}: the process's own streams, not files.
     */
    public static boolean isStandardStream(final String path)
    {
        return STDOUT.equals(path) || STDERR.equals(path);
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
    public void open(final byte[] preamble, final Receipts receipts) throws IOException
    {
        this.receipts = receipts;
        final FileTarget opened = FileTargets.open(path, rotation, preamble);
        // published before the preamble's write, so that unblock() can end a write that never returns
        target = opened;
        if (rotation == null)
        {
            final ByteBuffer header = ByteBuffer.wrap(preamble);
            while (header.hasRemaining())
            {
                opened.write(header);
            }
        }
    }

    @Override
    public boolean offer(final DirectBuffer rendered, final int offset, final int length)
    {
        final boolean first = held.unwrittenBytes() == 0;
        if (held.append(rendered, offset, length, separator))
        {
            linger.taken(first);
            return true;
        }
        linger.refused();
        return false;
    }

    @Override
    public void flush() throws IOException
    {
        if (held.unwrittenBytes() == 0)
        {
            // events that rendered to nothing (a template printing nothing for them) left whole already
            final int empty = held.advance(0);
            if (empty > 0)
            {
                receipts.accepted(empty);
            }
            return;
        }
        final FileTarget target = this.target;
        // a rotating file's buffer may be smaller than a large push: then there is nothing to wait for
        final int large = target.largePush();
        if (linger.waits(large <= heldCapacity ? large : 0, held.unwrittenBytes()))
        {
            return;
        }
        if (held.atEventBoundary())
        {
            target.beforeWholeEvents(held.unwrittenBytes());
        }
        final ByteBuffer bytes = held.unwritten();
        try
        {
            while (bytes.hasRemaining())
            {
                final int before = bytes.position();
                target.write(bytes);
                final int left = held.advance(bytes.position() - before);
                if (left > 0)
                {
                    receipts.accepted(left);
                }
            }
        }
        catch (final IOException ex)
        {
            if (BROKEN_PIPE.equals(ex.getMessage()))
            {
                revokeUnread();
                throw new DestinationGoneException("the reader of " + path + " went away", ex);
            }
            throw ex;
        }
    }

    /**
     * @return {@link #LINGER_NANOS} for a path that may be a regular file (the stream reads this before the open that
     *         finds out), so that a lingering push leaves when its time is up even on an idle stream; 0 for a standard
     *         stream or a terminal.
     */
    @Override
    public long pollIntervalNanos()
    {
        return terminal || isStandardStream(path) ? 0 : LINGER_NANOS;
    }

    @Override
    public void draining()
    {
        linger.draining();
    }

    @Override
    public void discard()
    {
        final int dropped = held.discardUnstarted();
        if (dropped > 0)
        {
            receipts.failed(dropped);
        }
    }

    @Override
    public int pending()
    {
        return held.events();
    }

    @Override
    public boolean flushesEachEvent()
    {
        return terminal;
    }

    @Override
    public void close() throws IOException
    {
        if (held.events() == 0 && held.unwrittenBytes() > 0)
        {
            // the tail of a torn event, whose event was counted already: it leaves now, without a linger
            linger.draining();
            try
            {
                flush();
            }
            catch (final IOException ex)
            {
                // the tail of an event already counted failed: the file keeps half a line, nothing is miscounted
            }
        }
        final FileTarget opened = target;
        if (opened != null)
        {
            opened.close();
        }
    }

    @Override
    public void unblock()
    {
        try
        {
            final FileTarget opened = target;
            if (opened != null)
            {
                opened.unblock();
            }
        }
        catch (final IOException ex)
        {
            // closing to unblock a stuck write: the write fails, which is the point
        }
    }

    /**
     * The reader of the pipe left: the bytes still in the pipe were never read, so the events they hold were not
     * delivered after all.
     */
    private void revokeUnread()
    {
        final int revoked = held.leftSince(held.bytesLeft() - target.unread());
        if (revoked > 0)
        {
            receipts.revoked(revoked);
        }
    }
}
