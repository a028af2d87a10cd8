package io.sluice.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The output option that does nothing yet ({@code stack-addresses}) is refused by a run and by {@code validate}, from
 * the file and from the flags, with one line and exit code 2; {@code sort-events} and {@code parse-arguments} are
 * taken in every spelling; and {@code exec-env} on a source that cannot capture environments says so.
 */
class OutputOptionsFlagTest
{
    @TempDir
    Path dir;

    private final Sluice sluice = new Sluice();

    @Test
    void aRunRefusesEachFlagFormOfStackAddresses()
    {
        for (final String flag : new String[] {"stack-addresses", "option:stack-addresses", "options.stack-addresses=true"})
        {
            assertEquals(ExitCodes.USAGE, sluice.run("--source", "synthetic:count=1", "--output", "none", "--output", flag));
            assertTrue(sluice.err.startsWith("sluice: --output " + flag + ": "), sluice.err);
            assertTrue(sluice.err.strip().endsWith("not implemented yet"), sluice.err);
            assertEquals(1, sluice.err.strip().lines().count(), sluice.err);
        }
    }

    @Test
    void aRunAndValidateRefuseTheFile() throws IOException
    {
        final Path config = dir.resolve("sluice.yaml");
        Files.writeString(config, "output:\n  options:\n    sort-events: true\n    stack-addresses: true\n");
        final String expected = "sluice: " + config + ":4: output.options.stack-addresses = 'true': not implemented yet";
        assertEquals(ExitCodes.USAGE, sluice.run("--source", "synthetic:count=1", "--config", config.toString()));
        assertEquals(expected, sluice.err.strip());
        assertEquals(ExitCodes.USAGE, sluice.run("validate", "--config", config.toString()));
        assertEquals(expected, sluice.err.strip());
        assertEquals(ExitCodes.USAGE, sluice.run("validate", "--output", "stack-addresses"));
        assertEquals("sluice: --output stack-addresses: option = 'stack-addresses': not implemented yet", sluice.err.strip());
    }

    @Test
    void sortEventsAndParseArgumentsAreTakenInEverySpelling() throws IOException
    {
        final Path config = dir.resolve("on.yaml");
        Files.writeString(config, "output:\n  options:\n    sort-events: true\n    parse-arguments: true\n");
        assertEquals(ExitCodes.OK, sluice.run("validate", "--config", config.toString()), sluice.err);
        for (final String flag : new String[] {"sort-events", "parse-arguments", "option:sort-events,parse-arguments",
            "options.sort-events", "options.parse-arguments=true"})
        {
            assertEquals(ExitCodes.OK, sluice.run("validate", "--output", flag), flag + ": " + sluice.err);
            assertEquals(ExitCodes.OK, sluice.run("--source", "synthetic:count=10", "--output", "none", "--output", flag),
                flag + ": " + sluice.err);
        }
    }

    @Test
    void offIsAcceptedBecauseItIsWhatHappens() throws IOException
    {
        final Path config = dir.resolve("off.yaml");
        Files.writeString(config, "output:\n  options:\n    stack-addresses: false\n    parse-arguments: false\n");
        assertEquals(ExitCodes.OK, sluice.run("validate", "--config", config.toString()), sluice.err);
    }

    @Test
    void execEnvOnTheSyntheticSourceIsAWarning()
    {
        assertEquals(ExitCodes.OK, sluice.run("--source", "synthetic:count=1", "--output", "none", "--output", "exec-env"),
            sluice.err);
        assertTrue(sluice.err.contains("sluice: warning: option exec-env has no effect on the synthetic source"), sluice.err);
        assertEquals(ExitCodes.OK, sluice.run("--source", "synthetic:count=1", "--output", "none"), sluice.err);
        assertFalse(sluice.err.contains("exec-env"), sluice.err);
    }
}
