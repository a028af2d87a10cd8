package io.sluice.cli.config;

import io.sluice.config.ConfigException;
import io.sluice.log.LogFormat;
import io.sluice.log.LogLevel;
import io.sluice.log.Logging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tracee's {@code logging:} section of a {@code --config} file, mapped onto Sluice's logging ({@link Logging}):
 * {@code level} (debug, info, warn, error; Tracee's {@code fatal} is read as error) and {@code file} (lines appended
 * there instead of stderr) are honoured, and Sluice adds {@code format} (text, json). Tracee's {@code aggregate} and
 * {@code filters} have no counterpart: each is named in one warning (once per process, not again on SIGHUP) and
 * ignored. A flag ({@code --log-level}, {@code --log-format}) wins over the section. Any other key is refused.
 */
final class LoggingSection
{
    private static final Logger LOG = LoggerFactory.getLogger(LoggingSection.class);
    private static final Set<String> IGNORED = Set.of("aggregate", "filters");
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();
    private static final Set<String> STDOUT = Set.of("-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1");

    private LoggingSection()
    {
    }

    /**
     * Read the section and put it in force.
     *
     * @param file  the config file, for errors.
     * @param node  the {@code logging} section's value.
     * @throws ConfigException naming file:line, field and value for a bad key or value.
     */
    static void read(final String file, final Node node)
    {
        if (node instanceof ScalarNode scalar && scalar.getValue().isEmpty())
        {
            return;
        }
        if (!(node instanceof MappingNode mapping))
        {
            throw new ConfigException(where(file, node), "logging", null, "expected a mapping (level, file, format)");
        }
        LogLevel level = null;
        LogFormat format = null;
        Path path = null;
        for (final NodeTuple tuple : mapping.getValue())
        {
            final String key = scalar(file, tuple.getKeyNode(), "logging");
            final String field = "logging." + key;
            final Node value = tuple.getValueNode();
            switch (key)
            {
                case "level" -> level = level(file, value, scalar(file, value, field));
                case "format" -> format = parse(file, value, field, () -> LogFormat.parse(scalar(file, value, field)));
                case "file" -> path = file(file, value, scalar(file, value, field));
                default ->
                {
                    if (!IGNORED.contains(key))
                    {
                        throw new ConfigException(where(file, tuple.getKeyNode()), field, null,
                            "unknown key (expected level, file, format; Tracee's aggregate and filters are ignored)");
                    }
                    if (WARNED.add(key))
                    {
                        LOG.warn("warning: {}: {} is Tracee's and has no counterpart in Sluice: ignored", where(file,
                            tuple.getKeyNode()), field);
                    }
                }
            }
        }
        Logging.byConfig(where(file, node), level, format, path);
    }

    /** Logs never go to stdout: it may be a destination. */
    private static Path file(final String file, final Node node, final String value)
    {
        if (STDOUT.contains(value))
        {
            throw new ConfigException(where(file, node), "logging.file", value,
                "logs never go to stdout (it may be a destination): leave file out for stderr, or name a file");
        }
        if (value.isEmpty())
        {
            throw new ConfigException(where(file, node), "logging.file", value, "expected a file path");
        }
        return Path.of(value);
    }

    private static LogLevel level(final String file, final Node node, final String value)
    {
        if (value.equals("fatal"))
        {
            if (WARNED.add("fatal"))
            {
                LOG.warn("warning: {}: logging.level: fatal is read as error (Sluice has no fatal level)", where(file, node));
            }
            return LogLevel.ERROR;
        }
        return parse(file, node, "logging.level", () -> LogLevel.parse(value));
    }

    private static <T> T parse(final String file, final Node node, final String field, final java.util.function.Supplier<T> parser)
    {
        try
        {
            return parser.get();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ConfigException(where(file, node), field, ((ScalarNode)node).getValue(), ex.getMessage());
        }
    }

    private static String scalar(final String file, final Node node, final String field)
    {
        if (!(node instanceof ScalarNode scalar))
        {
            throw new ConfigException(where(file, node), field, null, "expected a single value");
        }
        return scalar.getValue();
    }

    private static String where(final String file, final Node node)
    {
        return node.getStartMark() == null ? file : file + ":" + (node.getStartMark().getLine() + 1);
    }
}
