package io.sluice.journal;

import io.sluice.config.JournalRoll;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Appends SBE records to a Chronicle Queue journal: first a {@link JournalHeader}, then one excerpt per event.
 * Each excerpt is the record's bytes as they are (SBE message header + message) followed by a CRC32C of those bytes
 * (4 bytes, little-endian), so replay can tell a damaged excerpt from a good one. An excerpt is complete in the
 * memory-mapped file once {@link #append} returns: it survives the writer being killed. Nothing is allocated per
 * append. Used by one thread at a time: opened on one, appended to on another (a stream's writer), closed on a
 * third once the appender has stopped.
 */
public final class JournalWriter implements AutoCloseable
{
    /** Bytes after each record: its CRC32C. */
    public static final int TRAILER_LENGTH = 4;

    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final CRC32C crc = new CRC32C();
    private byte[] copy = new byte[0];
    private long appended;
    private long recordBytes;

    private JournalWriter(final SingleChronicleQueue queue)
    {
        this.queue = queue;
        this.appender = queue.createAppender();
    }

    /**
     * Open (or create) the journal in {@code dir} and append the header.
     *
     * @param dir    the journal directory (created 0700 when missing).
     * @param roll   how often to start a new file (only for a new journal; an existing one keeps its own).
     * @param header what to record before the events.
     * @return the writer.
     * @throws IOException when the directory cannot be created or the queue cannot be opened.
     */
    public static JournalWriter open(final Path dir, final JournalRoll roll, final JournalHeader header) throws IOException
    {
        final String damaged = firstDamagedFile(dir);
        if (damaged != null)
        {
            throw new IOException("cannot append to journal " + dir + ": " + damaged);
        }
        final SingleChronicleQueue queue;
        try
        {
            queue = JournalFiles.openForWriting(dir, roll);
        }
        catch (final RuntimeException ex)
        {
            throw new IOException("cannot open journal " + dir + ": " + ex.getMessage(), ex);
        }
        final JournalWriter writer = new JournalWriter(queue);
        final ExpandableArrayBuffer encoded = new ExpandableArrayBuffer(512);
        final int length = header.encode(encoded, 0);
        writer.write(encoded, 0, length);
        writer.appender.singleThreadedCheckReset();
        return writer;
    }

    /**
     * Chronicle fails inside its own code, naming no file ("Unexpected magic number"), when it opens a directory holding
     * a {@code .cq4} file that is not an intact cycle file; this names it first.
     *
     * @param dir a journal directory (it need not exist).
     * @return "FILE: problem (move it away to append here)" for the first such file, or null when there is none.
     * @throws IOException when the directory cannot be listed.
     */
    public static String firstDamagedFile(final Path dir) throws IOException
    {
        if (!Files.isDirectory(dir))
        {
            return null;
        }
        final List<Path> intact = new ArrayList<>();
        final List<JournalDamage> damage = new ArrayList<>();
        new CycleFileScan(dir).scanAll(intact, damage);
        if (damage.isEmpty())
        {
            return null;
        }
        final JournalDamage first = damage.get(0);
        return first.file() + ": " + first.problem().replace("; file skipped", "") + " (move it away to append here)";
    }

    /**
     * Append one event record.
     *
     * @param record where the record is (SBE message header + Event).
     * @param offset its offset.
     * @param length its length.
     */
    public void append(final DirectBuffer record, final int offset, final int length)
    {
        write(record, offset, length);
        appended++;
        recordBytes += length;
    }

    /**
     * @return events appended by this writer.
     */
    public long appended()
    {
        return appended;
    }

    /**
     * @return bytes of the event records appended (without framing and checksums).
     */
    public long recordBytes()
    {
        return recordBytes;
    }

    /**
     * @return the journal directory.
     */
    public Path dir()
    {
        return queue.file().toPath();
    }

    private void write(final DirectBuffer record, final int offset, final int length)
    {
        final byte[] array;
        final int start;
        if (record.byteArray() != null)
        {
            array = record.byteArray();
            start = record.wrapAdjustment() + offset;
        }
        else
        {
            if (copy.length < length)
            {
                copy = new byte[Math.max(length, copy.length * 2)];
            }
            record.getBytes(offset, copy, 0, length);
            array = copy;
            start = 0;
        }
        crc.reset();
        crc.update(array, start, length);
        final int checksum = (int)crc.getValue();
        try (DocumentContext context = appender.writingDocument())
        {
            final Bytes<?> bytes = context.wire().bytes();
            bytes.write(array, start, length);
            bytes.writeInt(checksum);
        }
    }

    @Override
    public void close()
    {
        appender.singleThreadedCheckReset();
        appender.close();
        queue.close();
    }
}
