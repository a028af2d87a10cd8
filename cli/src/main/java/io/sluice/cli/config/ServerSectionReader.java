package io.sluice.cli.config;

import io.sluice.config.ConfigException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.HashSet;
import java.util.Set;

/**
 * Reads Tracee's {@code server} section of a {@code --config} file into {@link ServerSettings}: {@code http-address}
 * and {@code grpc-address} (strings), {@code metrics} and {@code healthz} (booleans); {@code pprof} and
 * {@code pyroscope} are Go profilers Sluice has not, so they may only be false. Anything else is refused naming file,
 * line, field and value.
 */
final class ServerSectionReader
{
    private static final String KEYS = "http-address, grpc-address, metrics, healthz, pprof, pyroscope";

    private final String file;

    private ServerSectionReader(final String file)
    {
        this.file = file;
    }

    /**
     * @param file     the file's name, for messages.
     * @param node     the section's value.
     * @param settings where its values go.
     * @throws ConfigException for a layout or value Sluice does not take.
     */
    static void read(final String file, final Node node, final ServerSettings settings)
    {
        new ServerSectionReader(file).readSection(node, settings);
    }

    private void readSection(final Node node, final ServerSettings settings)
    {
        if (node instanceof ScalarNode && Tag.NULL.equals(node.getTag()))
        {
            return;
        }
        if (!(node instanceof MappingNode mapping))
        {
            throw new ConfigException(where(node), "server", null, "expected a mapping (http-address, metrics, healthz ...)");
        }
        final Set<String> seen = new HashSet<>();
        for (final NodeTuple tuple : mapping.getValue())
        {
            final String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "?";
            final String field = "server." + key;
            if (!seen.add(key))
            {
                throw new ConfigException(where(tuple.getKeyNode()), field, null, "duplicate key");
            }
            final Node value = tuple.getValueNode();
            switch (key)
            {
                case "http-address" -> settings.httpAddress(text(value, field));
                case "grpc-address" -> settings.grpcAddress(text(value, field));
                case "metrics" -> settings.metrics(bool(value, field));
                case "healthz" -> settings.healthz(bool(value, field));
                case "pprof", "pyroscope" ->
                {
                    final ServerSettings.Setting profiler = bool(value, field);
                    if (profiler.on())
                    {
                        throw new ConfigException(profiler.origin(), field, profiler.value(),
                            "not served by sluice (a Go profiler of Tracee's); only false is accepted");
                    }
                }
                default -> throw new ConfigException(where(tuple.getKeyNode()), field, null, "unknown key (expected " + KEYS + ")");
            }
        }
    }

    private ServerSettings.Setting text(final Node node, final String field)
    {
        if (!(node instanceof ScalarNode scalar) || Tag.NULL.equals(node.getTag()) || scalar.getValue().isBlank())
        {
            throw new ConfigException(where(node), field, null, "expected an address (HOST:PORT)");
        }
        return new ServerSettings.Setting(scalar.getValue(), where(node), field);
    }

    private ServerSettings.Setting bool(final Node node, final String field)
    {
        if (!(node instanceof ScalarNode scalar) || !Tag.BOOL.equals(node.getTag()))
        {
            final String value = node instanceof ScalarNode scalar ? scalar.getValue() : null;
            throw new ConfigException(where(node), field, value, "expected true or false");
        }
        return new ServerSettings.Setting(String.valueOf(Boolean.parseBoolean(scalar.getValue().toLowerCase(java.util.Locale.ROOT))),
            where(node), field);
    }

    private String where(final Node node)
    {
        return file + ":" + (node.getStartMark().getLine() + 1);
    }
}
