package io.sluice.cli;

import io.sluice.log.LogFormat;
import io.sluice.log.LogLevel;
import io.sluice.log.Logging;
import picocli.CommandLine.Option;

/**
 * {@code --log-level} and {@code --log-format}: how much the run says about itself on stderr, and whether as
 * {@code sluice: ...} text or JSON lines. They win over the config file's {@code logging} section.
 */
public final class LogOptions
{
    @Option(names = "--log-level", paramLabel = "LEVEL",
        description = "Diagnostics shown on stderr: debug, info (default), warn or error (Tracee's logging.level in --config).")
    private String level;

    @Option(names = "--log-format", paramLabel = "FORMAT",
        description = "Diagnostics as text (default: 'sluice: <message>' lines) or json (one object per line: ts, level, msg, logger).")
    private String format;

    /**
     * Put the flags in force (before the config is read, so its {@code logging} section knows what they set).
     *
     * @throws IllegalArgumentException naming the flag and the value.
     */
    void apply()
    {
        final LogLevel parsedLevel;
        final LogFormat parsedFormat;
        try
        {
            parsedLevel = level == null ? null : LogLevel.parse(level);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("--log-level: " + ex.getMessage(), ex);
        }
        try
        {
            parsedFormat = format == null ? null : LogFormat.parse(format);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("--log-format: " + ex.getMessage(), ex);
        }
        Logging.byFlags(parsedLevel, parsedFormat);
    }
}
