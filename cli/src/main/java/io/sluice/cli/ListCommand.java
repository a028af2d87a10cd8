package io.sluice.cli;

import io.sluice.cli.list.DestinationsList;
import io.sluice.cli.list.DetectorsList;
import io.sluice.cli.list.EventsList;
import io.sluice.cli.list.FormatsList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/**
 * {@code sluice list [events|detectors|formats|destinations]}: what Sluice can emit, detect, render and deliver to.
 * Without a kind it lists the events, as it always has.
 */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = SluiceCommand.Version.class,
    subcommands = {EventsList.class, DetectorsList.class, FormatsList.class, DestinationsList.class},
    description = {"List what Sluice can emit, detect, render and deliver to (the events when no kind is given).",
        "Each kind takes --json."})
public final class ListCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print the events as a JSON array, one object per event.")
    private boolean json;

    @Override
    public Integer call()
    {
        new EventsList().print(spec.commandLine().getOut(), json);
        return ExitCodes.OK;
    }
}
