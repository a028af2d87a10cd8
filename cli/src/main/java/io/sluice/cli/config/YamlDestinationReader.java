package io.sluice.cli.config;

import io.sluice.config.ConfigException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code output.destinations} of a {@code --config} file into the {@link RawOutputTree}: the keys every type
 * has (name, type, format, path, url, roll, rotate, retry), and any other key kept, flattened to a dotted key, for the
 * destination's type to accept or refuse.
 */
final class YamlDestinationReader
{
    /** The destination keys read here; any other is its type's own ({@link RawDestination#options}). */
    private static final Set<String> DESTINATION_KEYS = Set.of("name", "type", "format", "path", "url", "roll", "rotate", "retry");
    private static final String DESTINATION_KEY_NAMES = "name, type, format, path, url, roll, rotate, retry";

    private final YamlNodes nodes;
    private final RawOutputTree tree;

    /**
     * @param nodes the file's nodes.
     * @param tree  where the destinations go.
     */
    YamlDestinationReader(final YamlNodes nodes, final RawOutputTree tree)
    {
        this.nodes = nodes;
        this.tree = tree;
    }

    /**
     * @param node  the {@code output.destinations} list.
     * @param field its dotted field.
     */
    void read(final Node node, final String field)
    {
        if (YamlNodes.isNull(node))
        {
            return;
        }
        final List<Node> items = nodes.sequence(node, field);
        final Map<String, String> seen = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++)
        {
            final String itemField = field + "[" + i + "]";
            final Map<String, NodeTuple> entries = nodes.mapping(items.get(i), itemField);
            final String name = nodes.requiredName(items.get(i), entries, itemField);
            final String previous = seen.put(name, itemField);
            if (previous != null)
            {
                throw new ConfigException(nodes.where(entries.get("name").getValueNode()), itemField + ".name", name,
                    "duplicate destination name (also " + previous + ")");
            }
            final RawDestination destination = tree.destination(name, new Source(nodes.where(items.get(i)), itemField),
                new Source(nodes.where(entries.get("name").getValueNode()), itemField + ".name"));
            // as in Tracee, an empty type, format, path or url is one not given (its JSON example writes url: "")
            destination.type = nonEmpty(nodes.optionalString(entries, "type", itemField));
            destination.format = nonEmpty(nodes.optionalString(entries, "format", itemField));
            destination.path = nonEmpty(nodes.optionalString(entries, "path", itemField));
            destination.url = nonEmpty(nodes.optionalString(entries, "url", itemField));
            destination.roll = nodes.optionalString(entries, "roll", itemField);
            readRotate(destination, entries.get("rotate"), itemField + ".rotate");
            readRetry(destination, entries.get("retry"), itemField + ".retry");
            for (final Map.Entry<String, NodeTuple> entry : entries.entrySet())
            {
                if (!DESTINATION_KEYS.contains(entry.getKey()))
                {
                    readOwnKey(destination, entry.getValue(), entry.getKey(), itemField + "." + entry.getKey());
                }
            }
        }
    }

    private static RawValue<String> nonEmpty(final RawValue<String> value)
    {
        return value == null || value.value().isEmpty() ? null : value;
    }

    /**
     * A key this reader does not know, kept for the destination's type to accept or refuse: a scalar as written under
     * its dotted key, a mapping flattened ({@code kafka: {security.protocol: SSL}} is {@code kafka.security.protocol}).
     */
    private void readOwnKey(final RawDestination destination, final NodeTuple tuple, final String key, final String field)
    {
        final String head = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
        if (DESTINATION_KEYS.contains(head))
        {
            // retry.backoff written as one key: the known keys are read as mappings only
            throw nodes.unknownKey(tuple.getKeyNode(), field, DESTINATION_KEY_NAMES);
        }
        final Node node = tuple.getValueNode();
        if (node instanceof MappingNode)
        {
            final Map<String, NodeTuple> entries = nodes.mapping(node, field);
            if (entries.isEmpty())
            {
                // an empty mapping would add no key at all: keep it as an empty value, for the type to refuse or take
                destination.options.put(key, RawValue.of("", new Source(nodes.where(node), field)));
                return;
            }
            for (final Map.Entry<String, NodeTuple> entry : entries.entrySet())
            {
                readOwnKey(destination, entry.getValue(), key + "." + entry.getKey(), field + "." + entry.getKey());
            }
            return;
        }
        if (!(node instanceof ScalarNode scalar))
        {
            throw nodes.typeError(node, field, "a string, a number, a boolean or a mapping");
        }
        if (destination.options.put(key, RawValue.of(scalar.getValue(), new Source(nodes.where(node), field))) != null)
        {
            throw new ConfigException(nodes.where(tuple.getKeyNode()), field, null, "duplicate key (written twice, dotted and nested)");
        }
    }

    /** {@code retry}: a mapping of backoff, max-backoff (Go durations), for every destination type. */
    private void readRetry(final RawDestination destination, final NodeTuple tuple, final String field)
    {
        if (tuple == null || YamlNodes.isNull(tuple.getValueNode()))
        {
            return;
        }
        final Map<String, NodeTuple> entries = nodes.mapping(tuple.getValueNode(), field);
        nodes.checkKeys(entries, field, Set.of("backoff", "max-backoff"), "backoff, max-backoff");
        destination.retryBackoff = nodes.optionalString(entries, "backoff", field);
        destination.retryMaxBackoff = nodes.optionalString(entries, "max-backoff", field);
    }

    /** {@code rotate: true|false}, or a mapping of max-size-mb, max-backups, compress, interval (rotation on). */
    private void readRotate(final RawDestination destination, final NodeTuple tuple, final String field)
    {
        if (tuple == null || YamlNodes.isNull(tuple.getValueNode()))
        {
            return;
        }
        final Node node = tuple.getValueNode();
        if (!(node instanceof MappingNode))
        {
            destination.rotate = nodes.bool(node, field);
            return;
        }
        destination.rotate = new RawValue<>(true, "{...}", new Source(nodes.where(node), field));
        final Map<String, NodeTuple> entries = nodes.mapping(node, field);
        nodes.checkKeys(entries, field, Set.of("max-size-mb", "max-backups", "compress", "interval"),
            "max-size-mb, max-backups, compress, interval");
        for (final Map.Entry<String, NodeTuple> entry : entries.entrySet())
        {
            final Node value = entry.getValue().getValueNode();
            if (YamlNodes.isNull(value))
            {
                continue;
            }
            final String key = field + "." + entry.getKey();
            switch (entry.getKey())
            {
                case "max-size-mb" -> destination.rotateMaxSizeMb = nodes.integer(value, key);
                case "max-backups" -> destination.rotateMaxBackups = nodes.integer(value, key);
                case "compress" -> destination.rotateCompress = nodes.bool(value, key);
                default -> destination.rotateInterval = RawValue.of(nodes.scalarText(value, key), new Source(nodes.where(value), key));
            }
        }
    }
}
