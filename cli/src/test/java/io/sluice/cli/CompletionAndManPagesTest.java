package io.sluice.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shell completion script and the man pages the build generates (cli/pom.xml, right after compiling) cover every
 * subcommand: the script names each one and bash, sourcing it, completes {@code sluice list } to the list kinds; each
 * command has its AsciiDoc man page (and its roff page when asciidoctor is installed).
 */
class CompletionAndManPagesTest
{
    private static final Path COMPLETION = Path.of("target", "sluice_completion.bash");
    private static final Path MAN = Path.of("target", "man");

    private static void commands(final CommandLine command, final String prefix, final List<String> into)
    {
        for (final CommandLine sub : command.getSubcommands().values())
        {
            final String path = prefix.isEmpty() ? sub.getCommandName() : prefix + " " + sub.getCommandName();
            if (!into.contains(path))
            {
                into.add(path);
                commands(sub, path, into);
            }
        }
    }

    private static List<String> subcommands()
    {
        final List<String> all = new ArrayList<>();
        commands(Main.commandLine(), "", all);
        assertTrue(all.containsAll(List.of("list", "list events", "list detectors", "list formats", "list destinations",
            "validate", "replay", "getevents", "version")), all.toString());
        return all;
    }

    @Test
    void theCompletionScriptNamesEverySubcommand() throws IOException
    {
        final String script = Files.readString(COMPLETION);
        for (final String command : subcommands())
        {
            assertTrue(script.contains("=(" + command + ")"), "completion for 'sluice " + command + "'");
            assertTrue(script.contains("\"${COMP_WORDS[0]} " + command + "\""), "'sluice " + command + "' dispatched");
        }
    }

    @Test
    void bashCompletesTheListKinds() throws IOException, InterruptedException
    {
        final Process bash = new ProcessBuilder("bash", "-c", "source " + COMPLETION + "; COMP_WORDS=(sluice list ''); "
            + "COMP_CWORD=2; COMP_LINE='sluice list '; COMP_POINT=${#COMP_LINE}; _complete_sluice sluice '' list; "
            + "echo \"${COMPREPLY[@]}\"").redirectErrorStream(true).start();
        final String completed = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(bash.waitFor(10, TimeUnit.SECONDS));
        assertEquals("events detectors formats destinations", completed);
    }

    @Test
    void everyCommandHasAManPage()
    {
        final boolean roff = Files.exists(MAN.resolve("sluice.1"));
        final List<String> pages = new ArrayList<>(List.of("sluice"));
        subcommands().forEach(command -> pages.add("sluice-" + command.replace(' ', '-')));
        for (final String page : pages)
        {
            assertTrue(Files.isRegularFile(MAN.resolve(page + ".adoc")), page + ".adoc");
            assertTrue(!roff || Files.isRegularFile(MAN.resolve(page + ".1")), page + ".1");
        }
    }
}
