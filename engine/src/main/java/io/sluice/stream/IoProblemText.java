package io.sluice.stream;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * One line for an I/O problem (a destination's, as its writer reports it, or a command's output file): a file system
 * error names its file and what went wrong, where the JDK's message is often the file alone.
 */
public final class IoProblemText
{
    private IoProblemText()
    {
    }

    /**
     * @param problem an I/O error.
     * @return one line for it.
     */
    public static String describe(final Throwable problem)
    {
        if (problem instanceof NoSuchFileException missing)
        {
            return missing.getFile() + ": no such file or directory";
        }
        if (problem instanceof AccessDeniedException denied)
        {
            return denied.getFile() + ": permission denied";
        }
        if (problem instanceof NotDirectoryException notDirectory)
        {
            return notDirectory.getFile() + ": not a directory";
        }
        if (problem instanceof FileSystemException other && other.getReason() != null)
        {
            return other.getFile() + ": " + other.getReason();
        }
        return problem.getMessage() == null ? problem.toString() : problem.getMessage();
    }
}
