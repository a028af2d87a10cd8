package io.sluice.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads a journal written by {@link JournalWriter}, excerpt by excerpt, checking each one (length, CRC32C, SBE
 * header) and handing good event records and headers to a {@link Listener}. Damage is recorded, never thrown: a
 * damaged excerpt is skipped, a truncated file is reported once and reading goes on with the next file. A cycle file
 * that does not start as Chronicle Queue writes one (foreign, garbled, cut inside its header) is reported by name and
 * kept away from Chronicle, which would stall on it or fail without naming it: the intact files are read through a
 * {@link JournalView}. The journal is opened read-only, so a journal still being written can be followed. Nothing is
 * allocated per event. Used by one thread.
 */
public final class JournalReader implements AutoCloseable
{
    /** {@link #poll} result: nothing more to read for now. */
    public static final int NONE = 0;
    /** {@link #poll} result: an event was handed over. */
    public static final int EVENT = 1;
    /** {@link #poll} result: a header was handed over. */
    public static final int HEADER = 2;
    /** {@link #poll} result: an excerpt was damaged and skipped (see {@link #damage()}). */
    public static final int DAMAGED = 3;

    /** Receives what the reader reads. */
    public interface Listener
    {
        /**
         * @param header a writer's header; the events after it were written with it.
         * @param index  its Chronicle index.
         */
        void onHeader(JournalHeader header, long index);

        /**
         * @param record the record (SBE message header + Event), valid during the call only.
         * @param offset where it starts.
         * @param length its length, without the checksum.
         * @param index  its Chronicle index.
         */
        void onEvent(DirectBuffer record, int offset, int length, long index);
    }

    /** How often a view looks for new cycle files while there is nothing to read. */
    private static final long RESCAN_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final Path dir;
    private final CycleFileScan scan;
    /** Null while the journal directory itself is read. */
    private JournalView intactView;
    /** Null while a view shows no file. */
    private SingleChronicleQueue queue;
    private ExcerptTailer tailer;
    private long nextScanNanos;
    private final ExcerptCheck excerptCheck = new ExcerptCheck();
    private final List<JournalDamage> damage;
    /** Truncated files by cycle: {name, what the truncation is}. */
    private final Map<Integer, CycleStores.TruncatedFile> truncatedFiles = new HashMap<>();
    private byte[] scratch = new byte[4096];
    private long lastFailedIndex = -1;

    private JournalReader(final Path dir, final CycleFileScan scan, final List<JournalDamage> damage)
    {
        this.dir = dir;
        this.scan = scan;
        this.damage = damage;
    }

    /**
     * @param dir a journal directory.
     * @return a reader at the journal's first excerpt.
     * @throws IOException when there is no journal there or it cannot be opened.
     */
    public static JournalReader open(final Path dir) throws IOException
    {
        JournalFiles.requireJournal(dir);
        final CycleFileScan scan = new CycleFileScan(dir);
        final List<JournalDamage> damage = new ArrayList<>();
        final List<Path> intact = new ArrayList<>();
        scan.scanAll(intact, damage);
        final JournalReader reader = new JournalReader(dir, scan, damage);
        try
        {
            reader.openQueue(intact, !damage.isEmpty());
        }
        catch (final IOException | RuntimeException | InternalError ex)
        {
            reader.close();
            throw new IOException("cannot open journal " + dir + ": " + oneLine(ex), ex);
        }
        return reader;
    }

    /**
     * Open Chronicle on the journal, or on a view of its intact files when some are damaged; a file whose header
     * Chronicle cannot read either is reported and the view rebuilt without it.
     */
    private void openQueue(final List<Path> intact, final boolean damaged) throws IOException
    {
        boolean useView = damaged;
        while (true)
        {
            if (useView)
            {
                intactView = JournalView.create();
                for (final Path file : intact)
                {
                    intactView.add(file);
                }
                if (intactView.isEmpty())
                {
                    return;
                }
            }
            queue = JournalFiles.openForReading(useView ? intactView.dir() : dir);
            // before the tailer, which reads the first file's header at once
            final List<String> unreadable = CycleStores.check(queue, damage, truncatedFiles);
            if (unreadable.isEmpty())
            {
                tailer = queue.createTailer();
                return;
            }
            release();
            if (!intact.removeIf(file -> unreadable.contains(file.getFileName().toString())))
            {
                throw new IOException("cannot tell which file holds " + unreadable);
            }
            useView = true;
        }
    }

    /**
     * Read at most one excerpt.
     *
     * @param listener gets the event or header read.
     * @return {@link #EVENT}, {@link #HEADER}, {@link #DAMAGED} or {@link #NONE}.
     */
    public int poll(final Listener listener)
    {
        final int result = tailer == null ? NONE : read(listener);
        if (result == NONE && intactView != null)
        {
            rescan();
        }
        return result;
    }

    private int read(final Listener listener)
    {
        long index = -1;
        try (DocumentContext context = tailer.readingDocument())
        {
            if (!context.isPresent())
            {
                return NONE;
            }
            index = context.index();
            final Bytes<?> bytes = context.wire().bytes();
            final CycleStores.TruncatedFile truncated = truncatedFiles.get(tailer.cycle());
            if (truncated != null && bytes.readLimit() > truncated.length())
            {
                // the excerpt runs past the cut: touching its missing pages would fault (SIGBUS, reported later as an
                // InternalError anywhere in compiled code), so stop here, still at this excerpt (closing the context
                // would move past it), and let skipTruncatedFile report the file from this index
                context.rollbackOnClose();
                return NONE;
            }
            final int length = (int)bytes.readRemaining();
            if (scratch.length < length)
            {
                scratch = new byte[Math.max(length, scratch.length * 2)];
            }
            bytes.read(scratch, 0, length);
            final int result = excerptCheck.check(scratch, length, index, listener);
            return result == DAMAGED ? damaged(index, excerptCheck.problem()) : result;
        }
        catch (final RuntimeException | InternalError ex)
        {
            return onUnreadable(index < 0 ? tailer.index() : index, ex);
        }
    }

    /**
     * Call when {@link #poll} returns {@link #NONE}: if the file being read is truncated, record that once and
     * move on to the next file.
     *
     * @return true when reading moved to another file (poll again).
     */
    public boolean skipTruncatedFile()
    {
        if (tailer == null)
        {
            return false;
        }
        final int cycle = tailer.cycle();
        final CycleStores.TruncatedFile file = truncatedFiles.remove(cycle);
        if (file == null)
        {
            return false;
        }
        damage.add(new JournalDamage(file.name(), tailer.index(), "file truncated (" + file.length()
            + " bytes, the writer had reached " + file.written() + "): excerpts from here to the end of the file are lost"));
        return moveToNextCycle(cycle);
    }

    /**
     * @return damage seen so far, in order.
     */
    public List<JournalDamage> damage()
    {
        return damage;
    }

    /**
     * @return the journal directory.
     */
    public Path dir()
    {
        return dir;
    }

    /**
     * @return excerpts in the journal per its index (headers included), or -1 when it cannot be told.
     */
    public long excerptCountEstimate()
    {
        if (queue == null)
        {
            return 0;
        }
        try
        {
            return queue.entryCount();
        }
        catch (final RuntimeException | InternalError ex)
        {
            return -1;
        }
    }

    @Override
    public void close()
    {
        release();
    }

    /** Close Chronicle and remove the view, if any. */
    private void release()
    {
        if (tailer != null)
        {
            tailer.close();
            tailer = null;
        }
        if (queue != null)
        {
            queue.close();
            queue = null;
        }
        if (intactView != null)
        {
            intactView.close();
            intactView = null;
        }
    }

    /** A view shows cycle files that appear later (a journal being followed) once their headers check out. */
    private void rescan()
    {
        final long now = System.nanoTime();
        if (now - nextScanNanos < 0)
        {
            return;
        }
        nextScanNanos = now + RESCAN_NANOS;
        try
        {
            final List<Path> added = new ArrayList<>();
            scan.scan(added, damage);
            for (final Path file : added)
            {
                intactView.add(file);
            }
            if (queue == null && !intactView.isEmpty())
            {
                queue = JournalFiles.openForReading(intactView.dir());
                CycleStores.check(queue, damage, truncatedFiles);
                tailer = queue.createTailer();
            }
        }
        catch (final IOException | RuntimeException | InternalError ex)
        {
            damage.add(new JournalDamage(dir.toString(), -1, "cannot look for new files (" + oneLine(ex) + ")"));
        }
    }

    private int onUnreadable(final long index, final Throwable ex)
    {
        final int cycle = queue.rollCycle().toCycle(index);
        if (index == lastFailedIndex || !tailer.moveToIndex(index + 1))
        {
            damage.add(new JournalDamage(CycleStores.fileName(queue, cycle), index,
                "unreadable (" + ex + "): the rest of the file is skipped"));
            truncatedFiles.remove(cycle);
            moveToNextCycle(cycle);
        }
        else
        {
            damage.add(new JournalDamage(CycleStores.fileName(queue, cycle), index,
                "unreadable excerpt (" + ex + "); skipped"));
        }
        lastFailedIndex = index;
        return DAMAGED;
    }

    private int damaged(final long index, final String problem)
    {
        damage.add(new JournalDamage(CycleStores.fileName(queue, queue.rollCycle().toCycle(index)), index, problem));
        return DAMAGED;
    }

    private boolean moveToNextCycle(final int cycle)
    {
        try
        {
            final int next = queue.nextCycle(cycle, TailerDirection.FORWARD);
            return next > cycle && tailer.moveToCycle(next);
        }
        catch (final java.text.ParseException | RuntimeException ex)
        {
            return false;
        }
    }

    /** A throwable as one line: its message (or its type), nested causes' class names left out. */
    static String oneLine(final Throwable ex)
    {
        Throwable cause = ex;
        while (cause.getCause() != null && cause.getCause() != cause &&
            (cause.getMessage() == null || cause.getMessage().equals(cause.getCause().toString())))
        {
            cause = cause.getCause();
        }
        final String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse("").trim();
    }

}
