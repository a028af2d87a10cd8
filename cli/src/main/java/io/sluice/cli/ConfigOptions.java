package io.sluice.cli;

import io.sluice.cli.config.OutputConfigLoader;
import io.sluice.cli.config.ServerSettings;
import io.sluice.config.GoDuration;
import io.sluice.config.OutputConfig;
import io.sluice.engine.EngineOptions;
import io.sluice.format.ColorMode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The configuration flags shared by every command that builds a pipeline ({@code sluice}, {@code validate}):
 * {@code --config}, the repeatable {@code --output}, {@code --color} and {@code --drain-timeout}.
 */
public final class ConfigOptions
{
    @Option(names = "--config", paramLabel = "FILE",
        description = "YAML configuration file (Tracee's layout: output.destinations, output.streams, output.options).")
    private Path config;

    @Option(names = {"-o", "--output"}, paramLabel = "OUTPUT",
        description = {"Output setting, repeatable: destinations.<name>.<field>=<value>, streams.<name>.<field>[.<sub>]=<value>,",
            "options.<name> (exec-env, sort-events, parse-arguments, stack-addresses), or a short form:",
            "FORMAT[=ARG][:PATH[,PATH...]] (json, table, table-verbose, compact, protobuf, gotemplate=FILE; stdout without",
            "a path), none, an option's name (sort-events ...) or option:NAME[,NAME...]."})
    private List<String> outputs = new ArrayList<>();

    @Option(names = "--color", paramLabel = "WHEN",
        description = {"Colour the compact format, as tetra getevents --color: auto (default: only on a terminal, that is",
            "stdout or stderr when it is a tty, and not when NO_COLOR is set or TERM=dumb), always or never."})
    private String color = ColorMode.AUTO.key();

    @Option(names = "--drain-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
        description = {"At exit, how long block streams may take to deliver what they hold (a destination that fails",
            "is retried meanwhile); what is still undelivered then is counted and named in the summary. Default: 10s.",
            "validate checks its value."})
    private Duration drainTimeout = EngineOptions.DEFAULT_DRAIN_TIMEOUT;

    private final ServerSettings server = new ServerSettings();

    /**
     * @return when colouring formats colour.
     * @throws IllegalArgumentException naming {@code --color}, the value and what it takes.
     */
    ColorMode color()
    {
        try
        {
            return ColorMode.parse(color);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("--color: " + ex.getMessage(), ex);
        }
    }

    /**
     * @return the drain grace period at exit.
     */
    Duration drainTimeout()
    {
        return drainTimeout;
    }

    /**
     * Load and validate the output configuration.
     *
     * @param warnings collects warnings (for instance a rounded buffer size).
     * @return the validated model.
     * @throws io.sluice.config.ConfigException naming the file or flag, the field and the value.
     */
    OutputConfig loadOutput(final List<String> warnings)
    {
        return loadOutput(warnings, Set.of());
    }

    /**
     * Load and validate the output configuration against a set of policy names.
     *
     * @param warnings      collects warnings.
     * @param knownPolicies the policies {@code filters.policies} may name.
     * @return the validated model.
     */
    OutputConfig loadOutput(final List<String> warnings, final Set<String> knownPolicies)
    {
        return OutputConfigLoader.load(config, outputs, knownPolicies, warnings, server);
    }

    /**
     * @return the {@code server} section of the {@code --config} file, once {@link #loadOutput} has read it.
     */
    ServerSettings server()
    {
        return server;
    }

    /** Reads {@code --drain-timeout} as Go writes durations. */
    static final class DurationConverter implements ITypeConverter<Duration>
    {
        @Override
        public Duration convert(final String value)
        {
            try
            {
                return GoDuration.parse(value);
            }
            catch (final IllegalArgumentException ex)
            {
                throw new TypeConversionException("'" + value + "': " + ex.getMessage());
            }
        }
    }
}
