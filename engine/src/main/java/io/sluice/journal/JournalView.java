package io.sluice.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private temporary directory of symbolic links to the intact cycle files of a damaged journal, which replay opens
 * instead of the journal: Chronicle Queue opens every cycle file of a directory as it reaches it, so a damaged file
 * must not be there. The journal's {@code metadata.cq4t} is left out on purpose: with it Chronicle insists that the
 * files at both ends of its recorded cycle range exist; without it Chronicle lists the directory and takes the roll
 * cycle from the file names. Removed (links only, never their targets) on close.
 */
final class JournalView implements AutoCloseable
{
    private final Path dir;
    private int files;

    private JournalView(final Path dir)
    {
        this.dir = dir;
    }

    /**
     * @return an empty view (a new 0700 directory under the temporary directory).
     * @throws IOException when it cannot be created.
     */
    static JournalView create() throws IOException
    {
        return new JournalView(Files.createTempDirectory("sluice-replay-"));
    }

    /**
     * @return the view's directory, for Chronicle Queue.
     */
    Path dir()
    {
        return dir;
    }

    /**
     * @param file an intact cycle file to show in the view.
     * @throws IOException when the link cannot be made.
     */
    void add(final Path file) throws IOException
    {
        Files.createSymbolicLink(dir.resolve(file.getFileName()), file.toAbsolutePath());
        files++;
    }

    /**
     * @return true when the view shows no file.
     */
    boolean isEmpty()
    {
        return files == 0;
    }

    @Override
    public void close()
    {
        try (Stream<Path> paths = Files.walk(dir))
        {
            for (final Path path : (Iterable<Path>)paths.sorted(Comparator.reverseOrder())::iterator)
            {
                Files.deleteIfExists(path);
            }
        }
        catch (final IOException | RuntimeException ignore)
        {
            // a temporary directory left behind is harmless
        }
    }
}
