package io.sluice.cli.docs;

import io.sluice.cli.SluiceCommand;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code docs/flags.md} lists every flag the command line has: this test renders it from the picocli model
 * ({@link FlagsMarkdown}) and fails when the committed file differs, naming the command that rewrites it.
 */
class FlagsReferenceTest
{
    private static final Path DOC = Path.of("..", "docs", "flags.md");

    @Test
    void theCommittedFlagsReferenceIsTheCommandLine() throws IOException
    {
        final String rendered = FlagsMarkdown.render(new CommandLine(new SluiceCommand()));
        if (Boolean.getBoolean("sluice.docs.write"))
        {
            Files.writeString(DOC, rendered);
        }
        assertTrue(Files.exists(DOC), DOC + " missing");
        assertEquals(rendered, Files.readString(DOC), "docs/flags.md is stale: regenerate it with mvn -o -pl "
            + "bpf-native,codec,engine,cli test -Dtest=FlagsReferenceTest -Dsurefire.failIfNoSpecifiedTests=false -Dsluice.docs.write=true");
        assertTrue(rendered.contains("| `--source SOURCE` | `kernel` | "), rendered);
        assertTrue(rendered.contains("## `sluice list events`"), rendered);
    }
}
