package io.sluice.cli.getevents;

import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: {@code sluice getevents} in this JVM with events piped on its stdin, its stdout and stderr captured; and
 * the test events of this package's resources.
 */
final class GetEvents
{
    /** What stdout got. */
    byte[] out = new byte[0];
    /** What stderr got. */
    String err = "";

    static byte[] resource(final String name) throws IOException
    {
        try (var in = GetEvents.class.getResourceAsStream(name))
        {
            if (in == null)
            {
                throw new AssertionError("no resource " + name);
            }
            return in.readAllBytes();
        }
    }

    static List<String> lines(final byte[] text)
    {
        final String all = new String(text, StandardCharsets.UTF_8);
        if (all.isEmpty())
        {
            return List.of();
        }
        if (!all.endsWith("\n"))
        {
            throw new AssertionError("the last line has no newline: " + all);
        }
        return List.of(all.substring(0, all.length() - 1).split("\n", -1));
    }

    static List<String> lines(final Path file) throws IOException
    {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /**
     * @param stdin what is piped in.
     * @param args  getevents' arguments.
     * @return the exit code.
     */
    int piped(final byte[] stdin, final String... args)
    {
        final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        final StringWriter stderr = new StringWriter();
        final CommandLine command = new CommandLine(new GetEventsCommand(new ByteArrayInputStream(stdin), stdout, true, false));
        command.setErr(new PrintWriter(stderr, true));
        final int code = command.execute(args);
        out = stdout.toByteArray();
        err = stderr.toString();
        return code;
    }

    String outText()
    {
        return new String(out, StandardCharsets.UTF_8);
    }
}
