package io.sluice.cli.list;

import io.sluice.cli.ExitCodes;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/**
 * The options every {@code list} kind takes ({@code --help}, {@code --json}) and its printing, as a picocli mixin, so
 * a new kind is its items and its table row only.
 */
public final class ListOutput
{
    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    @Option(names = "--json", description = "Print a JSON array, one object per item listed.")
    private boolean json;

    /**
     * @param items what the command lists.
     * @return the exit code: 0.
     */
    int print(final ListedItems items)
    {
        items.print(spec.commandLine().getOut(), json);
        return ExitCodes.OK;
    }

    /**
     * @return where the command reports a problem.
     */
    PrintWriter err()
    {
        return spec.commandLine().getErr();
    }
}
