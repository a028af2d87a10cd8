package io.sluice.journal;

import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.JournalHeaderDecoder;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueStore;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Reads a journal written by {@link JournalWriter}, excerpt by excerpt, checking each one (length, CRC32C, SBE
 * header) and handing good event records and headers to a {@link Listener}. Damage is recorded, never thrown: a
 * damaged excerpt is skipped, a truncated file is reported once and reading goes on with the next file. The journal
 * is opened read-only, so a journal still being written can be followed. Nothing is allocated per event. Used by
 * one thread.
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

    private final Path dir;
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final CRC32C crc = new CRC32C();
    private final MessageHeaderDecoder messageHeader = new MessageHeaderDecoder();
    private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
    private final List<JournalDamage> damage = new ArrayList<>();
    /** Truncated files by cycle: {name, what the truncation is}. */
    private final Map<Integer, String[]> truncatedFiles = new HashMap<>();
    private byte[] scratch = new byte[4096];
    private long lastFailedIndex = -1;

    private JournalReader(final Path dir, final SingleChronicleQueue queue)
    {
        this.dir = dir;
        this.queue = queue;
        this.tailer = queue.createTailer();
        checkFileLengths();
    }

    /**
     * @param dir a journal directory.
     * @return a reader at the journal's first excerpt.
     * @throws IOException when there is no journal there or it cannot be opened.
     */
    public static JournalReader open(final Path dir) throws IOException
    {
        final SingleChronicleQueue queue;
        try
        {
            queue = JournalFiles.openForReading(dir);
        }
        catch (final RuntimeException ex)
        {
            throw new IOException("cannot open journal " + dir + ": " + ex.getMessage(), ex);
        }
        return new JournalReader(dir, queue);
    }

    /**
     * Read at most one excerpt.
     *
     * @param listener gets the event or header read.
     * @return {@link #EVENT}, {@link #HEADER}, {@link #DAMAGED} or {@link #NONE}.
     */
    public int poll(final Listener listener)
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
            final int length = (int)bytes.readRemaining();
            if (scratch.length < length)
            {
                scratch = new byte[Math.max(length, scratch.length * 2)];
            }
            bytes.read(scratch, 0, length);
            return check(listener, length, index);
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
        final int cycle = tailer.cycle();
        final String[] file = truncatedFiles.remove(cycle);
        if (file == null)
        {
            return false;
        }
        damage.add(new JournalDamage(file[0], tailer.index(),
            "file truncated (" + file[1] + "): excerpts from here to the end of the file are lost"));
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
        tailer.close();
        queue.close();
    }

    private int check(final Listener listener, final int length, final long index)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH + JournalWriter.TRAILER_LENGTH)
        {
            return damaged(index, "excerpt of " + length + " bytes is too short for a record; skipped");
        }
        final int recordLength = length - JournalWriter.TRAILER_LENGTH;
        crc.reset();
        crc.update(scratch, 0, recordLength);
        view.wrap(scratch, 0, length);
        final int stored = view.getInt(recordLength, java.nio.ByteOrder.LITTLE_ENDIAN);
        if ((int)crc.getValue() != stored)
        {
            return damaged(index, "checksum mismatch (excerpt corrupted); skipped");
        }
        messageHeader.wrap(view, 0);
        if (messageHeader.schemaId() != EventDecoder.SCHEMA_ID ||
            MessageHeaderDecoder.ENCODED_LENGTH + messageHeader.blockLength() > recordLength)
        {
            return damaged(index, "not a Sluice record (schema " + messageHeader.schemaId() + "); skipped");
        }
        if (messageHeader.templateId() == EventDecoder.TEMPLATE_ID)
        {
            listener.onEvent(view, 0, recordLength, index);
            return EVENT;
        }
        if (messageHeader.templateId() == JournalHeaderDecoder.TEMPLATE_ID)
        {
            final JournalHeader header;
            try
            {
                header = JournalHeader.decode(view, 0);
            }
            catch (final RuntimeException ex)
            {
                return damaged(index, "unreadable journal header (" + ex + "); skipped");
            }
            listener.onHeader(header, index);
            return HEADER;
        }
        return damaged(index, "unknown record template " + messageHeader.templateId() + "; skipped");
    }

    private int onUnreadable(final long index, final Throwable ex)
    {
        final int cycle = queue.rollCycle().toCycle(index);
        if (index == lastFailedIndex || !tailer.moveToIndex(index + 1))
        {
            damage.add(new JournalDamage(fileName(cycle), index,
                "unreadable (" + ex + "): the rest of the file is skipped"));
            truncatedFiles.remove(cycle);
            moveToNextCycle(cycle);
        }
        else
        {
            damage.add(new JournalDamage(fileName(cycle), index, "unreadable excerpt (" + ex + "); skipped"));
        }
        lastFailedIndex = index;
        return DAMAGED;
    }

    private int damaged(final long index, final String problem)
    {
        damage.add(new JournalDamage(fileName(queue.rollCycle().toCycle(index)), index, problem));
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

    private String fileName(final int cycle)
    {
        try
        {
            final SingleChronicleQueueStore store = queue.storeForCycle(cycle, queue.epoch(), false, null);
            if (store != null)
            {
                try
                {
                    return store.file().getName();
                }
                finally
                {
                    queue.closeStore(store);
                }
            }
        }
        catch (final RuntimeException ignore)
        {
            // fall through to the cycle number
        }
        return "cycle " + cycle;
    }

    /** A file shorter than its own header's write position was truncated after it was written. */
    private void checkFileLengths()
    {
        final int first = queue.firstCycle();
        final int last = queue.lastCycle();
        if (first == Integer.MAX_VALUE || last == Integer.MIN_VALUE)
        {
            return;
        }
        for (final Long cycle : queue.listCyclesBetween(first, last))
        {
            final SingleChronicleQueueStore store = queue.storeForCycle(cycle.intValue(), queue.epoch(), false, null);
            if (store == null)
            {
                continue;
            }
            try
            {
                final File file = store.file();
                final long written = store.writePosition();
                if (file.length() < written)
                {
                    truncatedFiles.put(cycle.intValue(), new String[] {file.getName(),
                        file.length() + " bytes, the writer had reached " + written});
                }
            }
            finally
            {
                queue.closeStore(store);
            }
        }
    }
}
