package io.sluice.destination;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file destination's file: a new one is created 0600 with its directories and opened without truncating; only an
 * existing file with content is emptied (as Tracee does); an empty one or a FIFO is written as it is, its mode kept.
 */
class OutputFileOpeningTest
{
    @Test
    void aNewFileIsCreatedOwnerOnlyWithItsDirectoriesAndNeedsNoTruncating(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("a/b/events.json");

        assertFalse(OutputFileOpening.prepare(file));
        assertTrue(Files.isRegularFile(file));
        assertEquals(0, Files.size(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void anExistingFileWithContentIsEmptiedAsItIsOpened(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("events.json");
        Files.writeString(file, "an earlier run\n");

        assertTrue(OutputFileOpening.prepare(file));
        assertEquals("an earlier run\n", Files.readString(file), "emptied by the opening, not before it");
    }

    @Test
    void anEmptyFileOrAFifoIsWrittenAsItIsWithItsMode(@TempDir final Path dir) throws Exception
    {
        final Path empty = Files.createFile(dir.resolve("empty.json"),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
        final Path fifo = dir.resolve("events.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());

        assertFalse(OutputFileOpening.prepare(empty));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(empty)));
        assertFalse(OutputFileOpening.prepare(fifo));
        assertFalse(Files.isRegularFile(fifo));
    }
}
