package io.sluice.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Stack;

/**
 * Takes the next argument as the value of a repeatable option even when it begins with {@code -}, for Tracee's
 * {@code --events -openat} (picocli would otherwise read {@code -openat} as the short option {@code -o} with
 * {@code penat}). A value that begins with {@code --} or is one of the command's option names ({@code --events --output},
 * {@code -e -o}) is still refused as a missing value; anything else is checked by whoever reads the values (every
 * {@code --events} item must name an event or a set, so a mistyped option is refused there, naming it).
 */
public final class DashValueConsumer implements CommandLine.IParameterConsumer
{
    @Override
    public void consumeParameters(final Stack<String> args, final ArgSpec argSpec, final CommandSpec commandSpec)
    {
        final OptionSpec option = (OptionSpec) argSpec;
        if (args.isEmpty())
        {
            throw new CommandLine.MissingParameterException(commandSpec.commandLine(), argSpec,
                "Missing required parameter for option '" + option.longestName() + "' (" + option.paramLabel() + ")");
        }
        final String value = args.peek();
        if (isOption(value, commandSpec))
        {
            throw new CommandLine.MissingParameterException(commandSpec.commandLine(), argSpec,
                "Expected parameter for option '" + option.longestName() + "' but found '" + value + "'");
        }
        args.pop();
        final List<String> values = option.getValue() == null ? new ArrayList<>() : option.getValue();
        values.add(value);
        option.setValue(values);
    }

    private static boolean isOption(final String value, final CommandSpec commandSpec)
    {
        if (value.startsWith("--"))
        {
            return true;
        }
        final int eq = value.indexOf('=');
        return commandSpec.optionsMap().containsKey(eq < 0 ? value : value.substring(0, eq));
    }
}
