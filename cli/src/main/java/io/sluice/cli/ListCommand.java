package io.sluice.cli;

import io.sluice.codec.catalog.ArgDefinition;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code sluice list}: the events Sluice can emit, with their stable ids and arguments (the catalog).
 */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = SluiceCommand.Version.class,
    description = "List the events Sluice can emit: id, name, arguments.")
public final class ListCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        out.printf("%-6s %-22s %s%n", "ID", "EVENT", "ARGUMENTS");
        for (final EventDefinition event : EventCatalog.standard().events())
        {
            final StringBuilder args = new StringBuilder();
            for (final ArgDefinition arg : event.args())
            {
                if (args.length() > 0)
                {
                    args.append(", ");
                }
                args.append(arg.type().jsonName()).append(' ').append(arg.name());
            }
            out.printf("%-6d %-22s %s%n", event.id(), event.name(), args);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
