package io.sluice.destination;

import io.sluice.config.JournalRoll;
import io.sluice.journal.JournalHeader;
import io.sluice.journal.JournalWriter;
import org.agrona.DirectBuffer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The {@code journal} destination: its stream's events appended, as the SBE records they are, to a Chronicle Queue
 * in a directory (see {@link JournalWriter}). Its format is {@link io.sluice.config.FormatSpec#SBE}: the stream
 * hands it the record itself, not a rendering. An event is accepted once Chronicle's append returned (it is then in
 * the memory-mapped file, which the kernel writes back even if Sluice is killed). Every second (and at close) it rewrites {@value #COUNTERS_FILE} in
 * the directory with the number of events appended so far: each of them is on disk and replayable even if the
 * writer is killed right after.
 */
public final class JournalDestination implements Destination
{
    /** The counters file kept in the journal directory. */
    public static final String COUNTERS_FILE = "sluice-journal.counters";

    private static final long COUNTERS_INTERVAL_NANOS = 1_000_000_000L;

    private final String name;
    private final Path dir;
    private final JournalRoll roll;
    private final JournalHeader header;
    private JournalWriter writer;
    private long countersWrittenAt;
    private long countersValue = -1;
    private Receipts receipts;
    private int appended;

    /**
     * @param name   the destination's name.
     * @param dir    the journal directory.
     * @param roll   how often to start a new file.
     * @param header what to record before the events.
     */
    public JournalDestination(final String name, final Path dir, final JournalRoll roll, final JournalHeader header)
    {
        this.name = name;
        this.dir = dir;
        this.roll = roll;
        this.header = header;
    }

    @Override
    public String name()
    {
        return name;
    }

    @Override
    public void open(final byte[] preamble, final Receipts receipts) throws IOException
    {
        this.receipts = receipts;
        writer = JournalWriter.open(dir, roll, header);
        writeCounters();
    }

    @Override
    public boolean offer(final DirectBuffer record, final int offset, final int length)
    {
        writer.append(record, offset, length);
        appended++;
        return true;
    }

    @Override
    public void flush() throws IOException
    {
        if (appended > 0)
        {
            final int accepted = appended;
            appended = 0;
            receipts.accepted(accepted);
        }
        if (System.nanoTime() - countersWrittenAt >= COUNTERS_INTERVAL_NANOS)
        {
            writeCounters();
        }
    }

    @Override
    public void discard()
    {
        // appends are accepted as they are made: what is pending was appended, so it is reported accepted, not dropped
        if (appended > 0)
        {
            final int accepted = appended;
            appended = 0;
            receipts.accepted(accepted);
        }
    }

    @Override
    public int pending()
    {
        return appended;
    }

    @Override
    public void close() throws IOException
    {
        if (writer == null)
        {
            return;
        }
        try
        {
            writeCounters();
        }
        finally
        {
            writer.close();
        }
    }

    @Override
    public String report()
    {
        if (writer == null)
        {
            return null;
        }
        final long appended = writer.appended();
        final long framed = writer.recordBytes() + appended * (JournalWriter.TRAILER_LENGTH + 4L);
        return "journal " + dir + ": " + appended + " events appended" +
            (appended == 0 ? "" : String.format(", %.1f bytes/event (record, checksum, framing)", (double)framed / appended));
    }

    /**
     * @return events appended so far (writer thread; for tests after close).
     */
    public long appended()
    {
        return writer == null ? 0 : writer.appended();
    }

    private void writeCounters() throws IOException
    {
        countersWrittenAt = System.nanoTime();
        final long appended = writer.appended();
        if (appended == countersValue)
        {
            return;
        }
        final Path tmp = dir.resolve(COUNTERS_FILE + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, "appended=" + appended + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(COUNTERS_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        countersValue = appended;
    }
}
