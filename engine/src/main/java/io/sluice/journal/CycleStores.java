package io.sluice.journal;

import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueStore;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a reader learns from the headers of an open journal's cycle files, read as Chronicle Queue reads them: each
 * file's name, the files whose headers Chronicle cannot read, and the files shorter than their header's write
 * position (cut after they were written), whose excerpts past the cut must not be touched.
 */
final class CycleStores
{
    private CycleStores()
    {
    }

    /**
     * A cycle file shorter than its header's write position: cut after it was written.
     *
     * @param name    the file's name.
     * @param length  its length now: no excerpt past it may be read.
     * @param written where its writer had reached.
     */
    record TruncatedFile(String name, long length, long written)
    {
    }

    /**
     * Read every cycle file's header.
     *
     * @param queue     the open journal.
     * @param damage    gets a line for each file whose header Chronicle cannot read.
     * @param truncated gets each truncated file, by cycle.
     * @return the names of the files whose headers Chronicle could not read.
     */
    static List<String> check(
        final SingleChronicleQueue queue, final List<JournalDamage> damage, final Map<Integer, TruncatedFile> truncated)
    {
        final List<String> unreadable = new ArrayList<>();
        final int first = queue.firstCycle();
        final int last = queue.lastCycle();
        if (first == Integer.MAX_VALUE || last == Integer.MIN_VALUE)
        {
            return unreadable;
        }
        for (final Long cycle : queue.listCyclesBetween(first, last))
        {
            final SingleChronicleQueueStore store;
            try
            {
                store = queue.storeForCycle(cycle.intValue(), queue.epoch(), false, null);
            }
            catch (final RuntimeException | InternalError ex)
            {
                final String name = JournalFiles.fileName(queue, cycle.intValue());
                damage.add(new JournalDamage(name, -1,
                    "unreadable Chronicle Queue header (" + JournalReader.oneLine(ex) + "); file skipped"));
                unreadable.add(name);
                continue;
            }
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
                    truncated.put(cycle.intValue(), new TruncatedFile(file.getName(), file.length(), written));
                }
            }
            finally
            {
                queue.closeStore(store);
            }
        }
        return unreadable;
    }

    /**
     * @param queue the open journal.
     * @param cycle one of its cycles.
     * @return the name of the cycle's file: the one on disk when Chronicle can open it, else the name Chronicle gives
     *         it.
     */
    static String fileName(final SingleChronicleQueue queue, final int cycle)
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
        catch (final RuntimeException | InternalError ignore)
        {
            // fall through to the name Chronicle gives the cycle
        }
        return JournalFiles.fileName(queue, cycle);
    }
}
