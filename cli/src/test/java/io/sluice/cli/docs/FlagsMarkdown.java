package io.sluice.cli.docs;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Renders {@code docs/flags.md}, every flag of {@code sluice} and of each subcommand with its default and meaning, from
 * the picocli model the command line itself is parsed with.
 */
final class FlagsMarkdown
{
    private FlagsMarkdown()
    {
    }

    static String render(final CommandLine root)
    {
        final StringBuilder md = new StringBuilder("""
            # Command-line flags

            <!-- Generated from the picocli model of the command line (io.sluice.cli); do not edit. FlagsReferenceTest fails
                 when this file is stale; regenerate with: mvn -o -pl bpf-native,codec,engine,cli test \\
                 -Dtest=FlagsReferenceTest -Dsurefire.failIfNoSpecifiedTests=false -Dsluice.docs.write=true -->

            Every flag of `sluice` and of each subcommand, as `--help` prints it, with its default. The output
            configuration (`--config` and `--output`) is described in `docs/config.md`. Exit codes: 0 success, 1 runtime
            failure, 2 usage or configuration error (`replay`: 3, the journal is damaged).
            """);
        command(md, root, "sluice");
        return md.toString();
    }

    private static void command(final StringBuilder md, final CommandLine command, final String path)
    {
        final CommandSpec spec = command.getCommandSpec();
        md.append("\n## `").append(path).append("`\n\n").append(text(spec.usageMessage().description())).append("\n\n");
        if (!spec.positionalParameters().isEmpty())
        {
            md.append("| argument | meaning |\n|---|---|\n");
            for (final PositionalParamSpec parameter : spec.positionalParameters())
            {
                md.append("| `").append(parameter.paramLabel()).append("` | ").append(cell(text(parameter.description())))
                    .append(" |\n");
            }
            md.append('\n');
        }
        md.append("| flag | default | meaning |\n|---|---|---|\n");
        for (final OptionSpec option : spec.options())
        {
            final String label = option.typeInfo().isBoolean() ? "" : " " + option.paramLabel();
            md.append("| `").append(String.join("`, `", option.names())).append(label.replace("|", "\\|")).append("` | ")
                .append(option.defaultValue() == null ? "" : "`" + option.defaultValue() + "`").append(" | ")
                .append(cell(text(option.description()))).append(" |\n");
        }
        for (final CommandLine sub : command.getSubcommands().values())
        {
            command(md, sub, path + " " + sub.getCommandName());
        }
    }

    private static String text(final String[] lines)
    {
        return String.join(" ", lines).replace("%n", " ").replaceAll("\\s+", " ").trim();
    }

    private static String cell(final String text)
    {
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").replace("*", "\\*");
    }
}
