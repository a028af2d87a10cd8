package io.sluice.cli;

import io.sluice.codec.sbe.EventDecoder;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * {@code sluice version}: the build's version and the record schema it reads and writes.
 */
@Command(name = "version", mixinStandardHelpOptions = true, versionProvider = SluiceCommand.Version.class,
    description = "Print Sluice's version and its record schema version.")
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
        final Properties properties = new Properties();
        try (InputStream in = VersionCommand.class.getResourceAsStream("version.properties"))
        {
            if (in != null)
            {
                properties.load(in);
            }
        }
        catch (final IOException ignore)
        {
            // fall through to "unknown"
        }
        return properties.getProperty("version", "unknown");
    }
}
