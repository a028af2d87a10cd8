package io.sluice.cli.getevents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether stdin holds events, decided as {@code tetra getevents} decides it: stdin that is not a character device (a
 * pipe, a file, a socket) is read for events; a terminal or {@code /dev/null} is not, and {@code getevents} connects to
 * the server. Java cannot {@code stat} a descriptor, so the answer is {@code stat} of {@code /proc/self/fd/0} (which
 * follows to the pipe or file itself); when that cannot be read (no stdin at all), it is not piped.
 */
final class StdinKind
{
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;

    private StdinKind()
    {
    }

    /**
     * @return true when events are to be read from stdin.
     */
    static boolean piped()
    {
        return piped(Path.of("/proc/self/fd/0"));
    }

    /**
     * @param descriptor a descriptor's entry under {@code /proc/self/fd}, or any path.
     * @return true when it exists and is not a character device.
     */
    static boolean piped(final Path descriptor)
    {
        try
        {
            final int mode = (Integer)Files.getAttribute(descriptor, "unix:mode");
            return (mode & S_IFMT) != S_IFCHR;
        }
        catch (final IOException | UnsupportedOperationException | IllegalArgumentException ex)
        {
            return false;
        }
    }
}
