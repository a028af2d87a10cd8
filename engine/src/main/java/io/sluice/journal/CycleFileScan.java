package io.sluice.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Sorts the {@code .cq4} files of a journal directory into intact and damaged ones ({@link CycleFileHead}), each
 * once. A file without a header yet that was modified recently may be one a writer is creating: it gets a second
 * before it counts as damaged; an old one is damaged at once.
 */
final class CycleFileScan
{
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Path dir;
    private final Set<String> judged = new HashSet<>();
    private final Map<String, Long> unwrittenSince = new HashMap<>();

    CycleFileScan(final Path dir)
    {
        this.dir = dir;
    }

    /**
     * Judge the files not judged yet.
     *
     * @param intact gets the files found intact, in name order.
     * @param damage gets the files found damaged.
     * @return true while a file without a header is within its grace (scan again later).
     * @throws IOException when the directory cannot be listed.
     */
    boolean scan(final List<Path> intact, final List<JournalDamage> damage) throws IOException
    {
        final List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(dir))
        {
            listing.filter(file -> file.getFileName().toString().endsWith(JournalFiles.SUFFIX))
                .filter(file -> !judged.contains(file.getFileName().toString()))
                .sorted()
                .forEach(files::add);
        }
        boolean waiting = false;
        for (final Path file : files)
        {
            final String name = file.getFileName().toString();
            final CycleFileHead.Result head = CycleFileHead.check(file);
            if (head.verdict() == CycleFileHead.Verdict.INTACT)
            {
                judged.add(name);
                unwrittenSince.remove(name);
                intact.add(file);
            }
            else if (head.verdict() == CycleFileHead.Verdict.UNWRITTEN && mayBeBeingWritten(file, name))
            {
                waiting = true;
            }
            else
            {
                judged.add(name);
                unwrittenSince.remove(name);
                damage.add(new JournalDamage(name, -1, head.problem() + "; file skipped"));
            }
        }
        return waiting;
    }

    /**
     * Judge every file now, waiting (up to about a second) for files a writer may be creating.
     *
     * @param intact gets the files found intact.
     * @param damage gets the files found damaged.
     * @throws IOException when the directory cannot be listed.
     */
    void scanAll(final List<Path> intact, final List<JournalDamage> damage) throws IOException
    {
        while (scan(intact, damage))
        {
            try
            {
                Thread.sleep(50);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + dir + "'s files to get their headers");
            }
        }
    }

    private boolean mayBeBeingWritten(final Path file, final String name)
    {
        final long now = System.nanoTime();
        final Long since = unwrittenSince.get(name);
        if (since == null)
        {
            if (!recentlyModified(file))
            {
                return false;
            }
            unwrittenSince.put(name, now);
            return true;
        }
        return now - since < GRACE_NANOS;
    }

    private static boolean recentlyModified(final Path file)
    {
        try
        {
            final long age = System.currentTimeMillis() - Files.getLastModifiedTime(file).toMillis();
            return age < TimeUnit.NANOSECONDS.toMillis(GRACE_NANOS) * 2;
        }
        catch (final IOException ex)
        {
            return false;
        }
    }
}
