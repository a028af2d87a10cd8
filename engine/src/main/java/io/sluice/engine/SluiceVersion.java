package io.sluice.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The build's version, from one place (the Maven project version, filtered into {@code version.properties} of this
 * module), so what {@code sluice version} prints and what a journal header records cannot differ.
 */
public final class SluiceVersion
{
    private static final String VERSION = load();

    private SluiceVersion()
    {
    }

    /**
     * @return the version, such as {@code 0.1.0-SNAPSHOT}, or {@code unknown} when the build did not record it.
     */
    public static String get()
    {
        return VERSION;
    }

    private static String load()
    {
        final Properties properties = new Properties();
        try (InputStream in = SluiceVersion.class.getResourceAsStream("version.properties"))
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
        final String version = properties.getProperty("version", "unknown");
        return version.startsWith("${") ? "unknown" : version;
    }
}
