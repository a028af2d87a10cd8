package io.sluice.cli;

import io.sluice.codec.sbe.EventDecoder;
import io.sluice.engine.SluiceVersion;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/**
 * {@code sluice version}: the build's version and the record schema it reads and writes.
 */
@Command(name = "version", mixinStandardHelpOptions = true, versionProvider = SluiceCommand.Version.class, description = "Print Sluice's version and its record schema version.")
public final class VersionCommand implements Callable<Integer>
{
    @Override
    public Integer call()
    {
        System.out.println("sluice " + version() + " (record schema " + EventDecoder.SCHEMA_ID + " v" +
            EventDecoder.SCHEMA_VERSION + ", Java " + Runtime.version() + ")");
        return ExitCodes.OK;
    }

    static String version()
    {
        return SluiceVersion.get();
    }
}
