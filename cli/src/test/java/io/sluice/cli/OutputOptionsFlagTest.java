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
 * The output options that do nothing yet ({@code sort-events}, {@code parse-arguments}) are refused by a run and by
 * {@code validate}, from the file and from the flags, with one line and exit code 2; and {@code exec-env} and
 * {@code stack-addresses} on a source that cannot capture them say so.
 */
class OutputOptionsFlagTest
{
    @TempDir
    Path dir;

    private final Sluice sluice = new Sluice();

    @Test
    void aRunRefusesEachFlagForm()
    {
        for (final String flag : new String[] {"sort-events", "option:parse-arguments", "options.parse-arguments=true"})
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
        Files.writeString(config, "output:\n  options:\n    sort-events: true\n");
        final String expected = "sluice: " + config + ":3: output.options.sort-events = 'true': not implemented yet";
        assertEquals(ExitCodes.USAGE, sluice.run("--source", "synthetic:count=1", "--config", config.toString()));
        assertEquals(expected, sluice.err.strip());
        assertEquals(ExitCodes.USAGE, sluice.run("validate", "--config", config.toString()));
        assertEquals(expected, sluice.err.strip());
        assertEquals(ExitCodes.USAGE, sluice.run("validate", "--output", "parse-arguments"));
        assertEquals("sluice: --output parse-arguments: option = 'parse-arguments': not implemented yet",
            sluice.err.strip());
    }

    @Test
    void offIsAcceptedBecauseItIsWhatHappens() throws IOException
    {
        final Path config = dir.resolve("off.yaml");
        Files.writeString(config, "output:\n  options:\n    sort-events: false\n    parse-arguments: false\n");
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
