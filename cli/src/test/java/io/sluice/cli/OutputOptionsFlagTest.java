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
 * Every output option Tracee documents ({@code sort-events}, {@code parse-arguments}, {@code stack-addresses},
 * {@code exec-env}) is taken in every spelling, from the file and the flags, by a run and by {@code validate}; and an
 * option that changes what the kernel sensor captures says so on a source that cannot capture it.
 */
class OutputOptionsFlagTest
{
    @TempDir
    Path dir;

    private final Sluice sluice = new Sluice();

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

    @Test
    void stackAddressesIsValidAndOnTheSyntheticSourceAWarning() throws IOException
    {
        final Path config = dir.resolve("stack.yaml");
        Files.writeString(config, "output:\n  options:\n    stack-addresses: true\n");
        assertEquals(ExitCodes.OK, sluice.run("validate", "--config", config.toString()), sluice.err);
        assertEquals(ExitCodes.OK, sluice.run("validate", "--output", "stack-addresses"), sluice.err);
        assertEquals(ExitCodes.OK, sluice.run("--source", "synthetic:count=1", "--output", "none", "--output",
            "option:stack-addresses"), sluice.err);
        assertTrue(sluice.err.contains("sluice: warning: option stack-addresses has no effect on the synthetic source"),
            sluice.err);
    }
}
