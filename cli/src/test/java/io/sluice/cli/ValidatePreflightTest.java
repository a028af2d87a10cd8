package io.sluice.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sluice validate} pre-flights each destination as a run does before it starts: a path a run could not open is
 * refused by both, word for word, with exit 2, and the run writes nothing.
 */
class ValidatePreflightTest
{
    private final CommandRun command = new CommandRun();
    private final StringWriter out = command.out;
    private final StringWriter err = command.err;

    @TempDir
    Path dir;

    private int run(final String... args)
    {
        return command.run(args);
    }

    /** Runs {@code validate} with the flags, and a one-event synthetic run with the same flags: both must refuse alike. */
    private String refusedLikeARun(final String... flags)
    {
        final String refusal = command.refusedLikeARun(List.of(), flags);
        assertFalse(refusal.contains("STREAM"), "the run did not start");
        return refusal;
    }

    @Test
    void aFileUnderAFileIsRefused() throws Exception
    {
        final Path blocker = Files.writeString(dir.resolve("plain"), "not a directory");
        final Path target = blocker.resolve("sub/events.json");
        assertEquals("sluice: output: destinations.json-1.path = '" + target + "': " + blocker + " is not a directory\n",
            refusedLikeARun("--output", "json:" + target));
    }

    @Test
    void aPathThatIsADirectoryIsRefused()
    {
        assertEquals("sluice: output: destinations.d.path = '" + dir + "': is a directory (a file destination writes a file)\n",
            refusedLikeARun("--output", "destinations.d.path=" + dir, "--output", "destinations.d.format=json"));
    }

    @Test
    void aJournalDirectoryThatCannotBeCreatedIsRefused() throws Exception
    {
        final Path blocker = Files.writeString(dir.resolve("plain"), "not a directory");
        final Path journal = blocker.resolve("journal");
        assertEquals("sluice: output: destinations.j.path = '" + journal + "': " + blocker + " is not a directory\n",
            refusedLikeARun("--output", "destinations.j.type=journal", "--output", "destinations.j.path=" + journal));
    }

    @Test
    void aJournalDirectoryHoldingAForeignFileIsRefusedNamingTheFile() throws Exception
    {
        final Path journal = Files.createDirectory(dir.resolve("journal"));
        final byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        Files.write(journal.resolve("20261129.cq4"), noise);
        final String refusal = refusedLikeARun("--output", "destinations.j.type=journal", "--output",
            "destinations.j.path=" + journal);
        assertTrue(refusal.startsWith("sluice: output: destinations.j.path = '" + journal + "': holds a file that is not an"
            + " intact journal file: 20261129.cq4: not a Chronicle Queue cycle file"), refusal);
    }

    @Test
    void anUnwritableDirectoryIsRefused() throws Exception
    {
        final Path locked = Files.createDirectory(dir.resolve("locked"));
        // root may write to any directory it can reach, but not to a read-only file system
        final boolean root = "root".equals(System.getProperty("user.name"));
        if (root)
        {
            assertEquals(0, new ProcessBuilder("mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", locked.toString())
                .inheritIO().start().waitFor(), "mount a read-only tmpfs");
        }
        else
        {
            assertTrue(locked.toFile().setWritable(false, false));
        }
        try
        {
            final Path target = locked.resolve("events.json");
            assertEquals("sluice: output: destinations.json-1.path = '" + target + "': directory " + locked +
                " is not writable\n", refusedLikeARun("--output", "json:" + target));
        }
        finally
        {
            if (root)
            {
                new ProcessBuilder("umount", "-l", locked.toString()).inheritIO().start().waitFor();
            }
        }
    }

    @Test
    void whatARunCanCreateIsAccepted()
    {
        assertEquals(ExitCodes.OK, run("validate", "--output", "json:" + dir.resolve("new/sub/events.json"),
            "--output", "destinations.j.type=journal", "--output", "destinations.j.path=" + dir.resolve("j")), err.toString());
        assertFalse(Files.exists(dir.resolve("new")), "validate creates nothing");
        assertTrue(out.toString().startsWith("configuration is valid"), out.toString());
    }
}
