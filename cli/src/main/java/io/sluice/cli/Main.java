package io.sluice.cli;

import picocli.CommandLine;

/**
 * The {@code sluice} command's entry point: runs the command line and exits with its code
 * (0 success, 2 usage or configuration error, 1 runtime failure).
 */
public final class Main
{
    private Main()
    {
    }

    /**
     * @param args command-line arguments.
     */
    public static void main(final String[] args)
    {
        System.exit(execute(args));
    }

    /**
     * Run the command line without exiting, for tests.
     *
     * @param args command-line arguments.
     * @return the exit code.
     */
    public static int execute(final String... args)
    {
        return commandLine().execute(args);
    }

    static CommandLine commandLine()
    {
        final CommandLine commandLine = new CommandLine(new SluiceCommand());
        // picocli would otherwise replace any argument starting with @ by the words of that file, so that
        // "--export-allowlist @filters.json" reached the filter as split JSON: @FILE belongs to the flags that take it
        commandLine.setExpandAtFiles(false);
        // sluice's own options before a subcommand would be parsed for sluice and silently ignored by the subcommand
        commandLine.setExecutionStrategy(parseResult ->
        {
            // each command line starts from the default logging (tests run many in one JVM)
            io.sluice.log.Logging.reset();
            if (parseResult.hasSubcommand())
            {
                for (final CommandLine.Model.OptionSpec option : parseResult.commandSpec().options())
                {
                    if (given(parseResult, option))
                    {
                        throw new CommandLine.ParameterException(parseResult.commandSpec().commandLine(),
                            option.longestName() + " is given before the subcommand '" +
                            parseResult.subcommand().commandSpec().name() + "': put options after it");
                    }
                }
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) ->
        {
            cmd.getErr().println("sluice: " + ex);
            return ExitCodes.RUNTIME_FAILURE;
        });
        return commandLine;
    }

    /**
     * An option filled by a parameter consumer ({@link DashValueConsumer}) is not among picocli's matched options:
     * it counts as given when it holds values.
     */
    private static boolean given(final CommandLine.ParseResult parseResult, final CommandLine.Model.OptionSpec option)
    {
        if (option.usageHelp() || option.versionHelp())
        {
            return false;
        }
        if (parseResult.hasMatchedOption(option))
        {
            return true;
        }
        return option.parameterConsumer() != null && option.getValue() instanceof java.util.Collection<?> values &&
            !values.isEmpty();
    }
}
