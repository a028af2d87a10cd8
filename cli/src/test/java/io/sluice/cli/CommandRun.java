package io.sluice.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Test helper: runs the command line in-process with its output and errors captured, and checks that
 * {@code sluice validate} refuses a configuration word for word as a one-event synthetic run does.
 */
final class CommandRun
{
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(final String... args)
    {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        final CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    /**
     * @param runOnly flags the run gets before {@code flags} (validate does not).
     * @param flags   flags both get.
     * @return the refusal, the same from both.
     */
    String refusedLikeARun(final List<String> runOnly, final String... flags)
    {
        final List<String> validate = new ArrayList<>(List.of("validate"));
        validate.addAll(List.of(flags));
        assertEquals(ExitCodes.USAGE, run(validate.toArray(new String[0])), err.toString());
        final String validateErr = err.toString();
        assertEquals("", out.toString(), "nothing is declared valid");

        final List<String> sluice = new ArrayList<>(List.of("--source", "synthetic:count=1"));
        sluice.addAll(runOnly);
        sluice.addAll(List.of(flags));
        assertEquals(ExitCodes.USAGE, run(sluice.toArray(new String[0])), err.toString());
        assertEquals(err.toString(), validateErr, "validate refuses as the run does");
        return validateErr;
    }
}
