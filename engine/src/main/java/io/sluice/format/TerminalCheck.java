package io.sluice.format;

import io.sluice.destination.FileDestination;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a file destination writes to a terminal, for {@link ColorMode#AUTO}. Java 17 cannot ask {@code isatty}
 * ({@code System.console()} answers for stdin and stdout together), so this reads where the descriptor points on
 * Linux: {@code /proc/self/fd/1} (stdout) or {@code /proc/self/fd/2} (stderr) naming a pseudo-terminal
 * ({@code /dev/pts/N}), a virtual console or serial line ({@code /dev/ttyN}, {@code /dev/ttyS0}) or {@code /dev/console}
 * is a terminal; a pipe, a socket or a file is not, and neither is any destination with a path of its own (a file
 * destination named {@code /dev/pts/3} included: "files never colour in auto" is simpler to predict). Where
 * {@code /proc} cannot be read the answer is false.
 */
public final class TerminalCheck
{
    private TerminalCheck()
    {
    }

    /**
     * @param path a destination's path ({@code stdout}, {@code stderr}, a file path, or null for a destination without
     *             one).
     * @return true when it is this process's stdout or stderr and that descriptor is a terminal.
     */
    public static boolean isTerminal(final String path)
    {
        if (FileDestination.STDOUT.equals(path))
        {
            return descriptorIsTerminal(1);
        }
        if (FileDestination.STDERR.equals(path))
        {
            return descriptorIsTerminal(2);
        }
        return false;
    }

    private static boolean descriptorIsTerminal(final int fd)
    {
        try
        {
            return isTerminalDevice(Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString());
        }
        catch (final IOException | UnsupportedOperationException | SecurityException ex)
        {
            return false;
        }
    }

    /**
     * @param target what a descriptor's {@code /proc/self/fd} link points to.
     * @return true for a terminal device.
     */
    static boolean isTerminalDevice(final String target)
    {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }
}
