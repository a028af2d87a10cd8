package io.sluice.cli.config;

import io.sluice.config.ConfigException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code output} section of a {@code --config} YAML file into a {@link RawOutputTree}.
 * Checks the layout and value types only: unknown keys, a list where a string is expected, a size that is no integer.
 * A destination key it does not know is kept, flattened to a dotted key, for the destination's type to accept or refuse.
 * Every error names the file and line ({@code config.yaml:12}), the dotted field and the value.
 */
final class YamlOutputReader
{
    /** The destination keys read here; any other is its type's own ({@link RawDestination#options}). */
    private static final Set<String> DESTINATION_KEYS = Set.of("name", "type", "format", "path", "url", "roll", "rotate", "retry");
    private static final String DESTINATION_KEY_NAMES = "name, type, format, path, url, roll, rotate, retry";
    private static final Set<String> STREAM_KEYS = Set.of("name", "destinations", "filters", "buffer");
    /** Keys of Tracee's output section before streams ({@code output.json.files} ...). */
    private static final Set<String> TRACEE_LEGACY_KEYS =
        Set.of("json", "table", "table-verbose", "gotemplate", "forward", "webhook", "none");

    private final String file;
    private final RawOutputTree tree;

    private YamlOutputReader(final String file, final RawOutputTree tree)
    {
        this.file = file;
        this.tree = tree;
    }

    /**
     * @param yamlFile the {@code --config} file.
     * @param tree     where its settings go.
     * @throws ConfigException when the file cannot be read, is not YAML, or does not have the expected layout.
     */
    static void read(final Path yamlFile, final RawOutputTree tree)
    {
        final String file = yamlFile.toString();
        final String text;
        try
        {
            text = Files.readString(yamlFile, StandardCharsets.UTF_8);
        }
        catch (final IOException | RuntimeException ex)
        {
            throw new ConfigException(file, "--config", file, "cannot read the file (" + ex + ")");
        }
        final Node root;
        try
        {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        }
        catch (final MarkedYAMLException ex)
        {
            final Mark mark = ex.getProblemMark() != null ? ex.getProblemMark() : ex.getContextMark();
            final String where = mark == null ? file : file + ":" + (mark.getLine() + 1);
            final String problem = ex.getProblem() != null ? ex.getProblem() : ex.getContext();
            throw new ConfigException(where, "YAML syntax", null, problem);
        }
        catch (final YAMLException ex)
        {
            throw new ConfigException(file, "YAML syntax", null, ex.getMessage());
        }
        new YamlOutputReader(file, tree).readRoot(root);
    }

    private void readRoot(final Node root)
    {
        if (root == null || isNull(root))
        {
            return;
        }
        for (final Map.Entry<String, NodeTuple> entry : mapping(root, "(document)").entrySet())
        {
            final Node key = entry.getValue().getKeyNode();
            if (entry.getKey().equals("output"))
            {
                readOutput(entry.getValue().getValueNode());
            }
            else if (entry.getKey().equals("logging"))
            {
                LoggingSection.read(file, entry.getValue());
            }
            else
            {
                throw new ConfigException(where(key), entry.getKey(), null,
                    "not supported yet: only 'output' is read from a --config file for now");
            }
        }
    }

    private void readOutput(final Node node)
    {
        if (isNull(node))
        {
            return;
        }
        for (final Map.Entry<String, NodeTuple> entry : mapping(node, "output").entrySet())
        {
            final String key = entry.getKey();
            final String field = "output." + key;
            final Node value = entry.getValue().getValueNode();
            switch (key)
            {
                case "destinations" -> readDestinations(value, field);
                case "streams" -> readStreams(value, field);
                case "options" -> readOptions(value, field);
                default ->
                {
                    final Node keyNode = entry.getValue().getKeyNode();
                    if (RawOutputTree.isOption(key))
                    {
                        throw new ConfigException(where(keyNode), field, null,
                            "unknown key (options go under output.options)");
                    }
                    if (TRACEE_LEGACY_KEYS.contains(key))
                    {
                        throw new ConfigException(where(keyNode), field, null,
                            "unknown key (Tracee's layout before streams is not supported: declare output.destinations)");
                    }
                    throw unknownKey(keyNode, field, "destinations, streams, options");
                }
            }
        }
    }

    private void readDestinations(final Node node, final String field)
    {
        if (isNull(node))
        {
            return;
        }
        final List<Node> items = sequence(node, field);
        final Map<String, String> seen = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++)
        {
            final String itemField = field + "[" + i + "]";
            final Map<String, NodeTuple> entries = mapping(items.get(i), itemField);
            final String name = requiredName(items.get(i), entries, itemField);
            final String previous = seen.put(name, itemField);
            if (previous != null)
            {
                throw new ConfigException(where(entries.get("name").getValueNode()), itemField + ".name", name,
                    "duplicate destination name (also " + previous + ")");
            }
            final RawDestination destination = tree.destination(name, new Source(where(items.get(i)), itemField),
                new Source(where(entries.get("name").getValueNode()), itemField + ".name"));
            destination.type = optionalString(entries, "type", itemField);
            destination.format = optionalString(entries, "format", itemField);
            destination.path = optionalString(entries, "path", itemField);
            destination.url = optionalString(entries, "url", itemField);
            destination.roll = optionalString(entries, "roll", itemField);
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
            throw unknownKey(tuple.getKeyNode(), field, DESTINATION_KEY_NAMES);
        }
        final Node node = tuple.getValueNode();
        if (node instanceof MappingNode)
        {
            final Map<String, NodeTuple> entries = mapping(node, field);
            if (entries.isEmpty())
            {
                // an empty mapping would add no key at all: keep it as an empty value, for the type to refuse or take
                destination.options.put(key, RawValue.of("", new Source(where(node), field)));
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
            throw typeError(node, field, "a string, a number, a boolean or a mapping");
        }
        if (destination.options.put(key, RawValue.of(scalar.getValue(), new Source(where(node), field))) != null)
        {
            throw new ConfigException(where(tuple.getKeyNode()), field, null, "duplicate key (written twice, dotted and nested)");
        }
    }

    /** {@code retry}: a mapping of backoff, max-backoff (Go durations), for every destination type. */
    private void readRetry(final RawDestination destination, final NodeTuple tuple, final String field)
    {
        if (tuple == null || isNull(tuple.getValueNode()))
        {
            return;
        }
        final Map<String, NodeTuple> entries = mapping(tuple.getValueNode(), field);
        checkKeys(entries, field, Set.of("backoff", "max-backoff"), "backoff, max-backoff");
        destination.retryBackoff = optionalString(entries, "backoff", field);
        destination.retryMaxBackoff = optionalString(entries, "max-backoff", field);
    }

    /** {@code rotate: true|false}, or a mapping of max-size-mb, max-backups, compress, interval (rotation on). */
    private void readRotate(final RawDestination destination, final NodeTuple tuple, final String field)
    {
        if (tuple == null || isNull(tuple.getValueNode()))
        {
            return;
        }
        final Node node = tuple.getValueNode();
        if (!(node instanceof MappingNode))
        {
            destination.rotate = bool(node, field);
            return;
        }
        destination.rotate = new RawValue<>(true, "{...}", new Source(where(node), field));
        final Map<String, NodeTuple> entries = mapping(node, field);
        checkKeys(entries, field, Set.of("max-size-mb", "max-backups", "compress", "interval"),
            "max-size-mb, max-backups, compress, interval");
        for (final Map.Entry<String, NodeTuple> entry : entries.entrySet())
        {
            final Node value = entry.getValue().getValueNode();
            if (isNull(value))
            {
                continue;
            }
            final String key = field + "." + entry.getKey();
            switch (entry.getKey())
            {
                case "max-size-mb" -> destination.rotateMaxSizeMb = integer(value, key);
                case "max-backups" -> destination.rotateMaxBackups = integer(value, key);
                case "compress" -> destination.rotateCompress = bool(value, key);
                default -> destination.rotateInterval = RawValue.of(scalarText(value, key), new Source(where(value), key));
            }
        }
    }

    private void readStreams(final Node node, final String field)
    {
        if (isNull(node))
        {
            return;
        }
        final List<Node> items = sequence(node, field);
        final Map<String, String> seen = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++)
        {
            final String itemField = field + "[" + i + "]";
            final Map<String, NodeTuple> entries = mapping(items.get(i), itemField);
            checkKeys(entries, itemField, STREAM_KEYS, "name, destinations, filters, buffer");
            final String name = requiredName(items.get(i), entries, itemField);
            final String previous = seen.put(name, itemField);
            if (previous != null)
            {
                throw new ConfigException(where(entries.get("name").getValueNode()), itemField + ".name", name,
                    "duplicate stream name (also " + previous + ")");
            }
            final RawStream stream = tree.stream(name, new Source(where(items.get(i)), itemField),
                new Source(where(entries.get("name").getValueNode()), itemField + ".name"));
            stream.destinations = optionalList(entries, "destinations", itemField);
            readFilters(stream, entries.get("filters"), itemField + ".filters");
            readBuffer(stream, entries.get("buffer"), itemField + ".buffer");
        }
    }

    private void readFilters(final RawStream stream, final NodeTuple tuple, final String field)
    {
        if (tuple == null || isNull(tuple.getValueNode()))
        {
            return;
        }
        final Map<String, NodeTuple> entries = mapping(tuple.getValueNode(), field);
        checkKeys(entries, field, Set.of("events", "policies", "allow", "deny", "redact", "fields"),
            "events, policies, allow, deny, redact, fields");
        stream.events = optionalList(entries, "events", field);
        stream.policies = optionalList(entries, "policies", field);
        stream.allow = optionalList(entries, "allow", field);
        stream.deny = optionalList(entries, "deny", field);
        stream.redact = optionalList(entries, "redact", field);
        stream.fields = optionalList(entries, "fields", field);
    }

    private void readBuffer(final RawStream stream, final NodeTuple tuple, final String field)
    {
        if (tuple == null || isNull(tuple.getValueNode()))
        {
            return;
        }
        final Map<String, NodeTuple> entries = mapping(tuple.getValueNode(), field);
        checkKeys(entries, field, Set.of("mode", "size"), "mode, size");
        stream.mode = optionalString(entries, "mode", field);
        final NodeTuple size = entries.get("size");
        if (size != null && !isNull(size.getValueNode()))
        {
            stream.size = integer(size.getValueNode(), field + ".size");
        }
    }

    private void readOptions(final Node node, final String field)
    {
        if (isNull(node))
        {
            return;
        }
        for (final Map.Entry<String, NodeTuple> entry : mapping(node, field).entrySet())
        {
            final String key = entry.getKey();
            final String optionField = field + "." + key;
            final Node keyNode = entry.getValue().getKeyNode();
            if (RawOutputTree.TRACEE_ONLY_OPTIONS.contains(key))
            {
                throw new ConfigException(where(keyNode), optionField, null, "not available yet");
            }
            if (!RawOutputTree.isOption(key))
            {
                throw unknownKey(keyNode, optionField, String.join(", ", RawOutputTree.OPTIONS));
            }
            final Node value = entry.getValue().getValueNode();
            if (!isNull(value))
            {
                tree.options.put(key, bool(value, optionField));
            }
        }
    }

    // ---------------------------------------------------------------- typed access

    private String requiredName(final Node item, final Map<String, NodeTuple> entries, final String itemField)
    {
        final NodeTuple name = entries.get("name");
        if (name == null || isNull(name.getValueNode()))
        {
            throw new ConfigException(where(item), itemField + ".name", null, "missing (every entry needs a name)");
        }
        return scalarText(name.getValueNode(), itemField + ".name");
    }

    private RawValue<String> optionalString(final Map<String, NodeTuple> entries, final String key, final String parent)
    {
        final NodeTuple tuple = entries.get(key);
        if (tuple == null || isNull(tuple.getValueNode()))
        {
            return null;
        }
        final String field = parent + "." + key;
        final Node node = tuple.getValueNode();
        return RawValue.of(scalarText(node, field), new Source(where(node), field));
    }

    private RawList optionalList(final Map<String, NodeTuple> entries, final String key, final String parent)
    {
        final NodeTuple tuple = entries.get(key);
        if (tuple == null || isNull(tuple.getValueNode()))
        {
            return null;
        }
        final String field = parent + "." + key;
        final Node node = tuple.getValueNode();
        final List<Node> nodes = sequence(node, field);
        final List<RawValue<String>> items = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++)
        {
            final String itemField = field + "[" + i + "]";
            final Node item = nodes.get(i);
            if (isNull(item))
            {
                throw new ConfigException(where(item), itemField, null, "expected a string, got null");
            }
            items.add(RawValue.of(scalarText(item, itemField), new Source(where(item), itemField)));
        }
        return new RawList(items, new Source(where(node), field));
    }

    /** Any scalar is taken as its text, so {@code name: 2024} or {@code name: on} still name something. */
    private String scalarText(final Node node, final String field)
    {
        if (!(node instanceof ScalarNode scalar) || isNull(node))
        {
            throw typeError(node, field, "a string");
        }
        return scalar.getValue();
    }

    private RawValue<Long> integer(final Node node, final String field)
    {
        if (!(node instanceof ScalarNode scalar) || !Tag.INT.equals(node.getTag()))
        {
            throw typeError(node, field, "an integer");
        }
        final String text = scalar.getValue();
        try
        {
            return new RawValue<>(Long.parseLong(text.replace("_", "")), text, new Source(where(node), field));
        }
        catch (final NumberFormatException ex)
        {
            throw new ConfigException(where(node), field, text, "expected a decimal integer within 64 bits");
        }
    }

    private RawValue<Boolean> bool(final Node node, final String field)
    {
        if (!(node instanceof ScalarNode scalar) || !Tag.BOOL.equals(node.getTag()))
        {
            throw typeError(node, field, "true or false");
        }
        final String text = scalar.getValue();
        final boolean value = switch (text.toLowerCase(Locale.ROOT))
        {
            case "true", "yes", "on", "y" -> true;
            default -> false;
        };
        return new RawValue<>(value, text, new Source(where(node), field));
    }

    private List<Node> sequence(final Node node, final String field)
    {
        if (!(node instanceof SequenceNode sequence))
        {
            throw typeError(node, field, "a list");
        }
        return sequence.getValue();
    }

    /**
     * @return the entries of a mapping by key, in order; keys must be strings and unique.
     */
    private Map<String, NodeTuple> mapping(final Node node, final String field)
    {
        if (!(node instanceof MappingNode mapping))
        {
            throw typeError(node, field, "a mapping");
        }
        final Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (final NodeTuple tuple : mapping.getValue())
        {
            final Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode key) || isNull(keyNode))
            {
                throw new ConfigException(where(keyNode), field, null, "keys must be plain names");
            }
            if (entries.put(key.getValue(), tuple) != null)
            {
                throw new ConfigException(where(keyNode), childField(field, key.getValue()), null, "duplicate key");
            }
        }
        return entries;
    }

    private void checkKeys(final Map<String, NodeTuple> entries, final String field, final Set<String> known,
        final String expected)
    {
        for (final Map.Entry<String, NodeTuple> entry : entries.entrySet())
        {
            if (!known.contains(entry.getKey()))
            {
                throw unknownKey(entry.getValue().getKeyNode(), field + "." + entry.getKey(), expected);
            }
        }
    }

    private ConfigException unknownKey(final Node keyNode, final String field, final String expected)
    {
        return new ConfigException(where(keyNode), field, null, "unknown key (expected one of: " + expected + ")");
    }

    private ConfigException typeError(final Node node, final String field, final String expected)
    {
        final String value = node instanceof ScalarNode scalar && !isNull(node) ? scalar.getValue() : null;
        return new ConfigException(where(node), field, value, "expected " + expected + ", got " + describe(node));
    }

    private String where(final Node node)
    {
        return file + ":" + (node.getStartMark().getLine() + 1);
    }

    private static String childField(final String field, final String key)
    {
        return field.equals("(document)") ? key : field + "." + key;
    }

    private static boolean isNull(final Node node)
    {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private static String describe(final Node node)
    {
        if (node instanceof SequenceNode)
        {
            return "a list";
        }
        if (node instanceof MappingNode)
        {
            return "a mapping";
        }
        final Tag tag = node.getTag();
        if (Tag.NULL.equals(tag))
        {
            return "null";
        }
        if (Tag.INT.equals(tag))
        {
            return "an integer";
        }
        if (Tag.FLOAT.equals(tag))
        {
            return "a decimal number";
        }
        if (Tag.BOOL.equals(tag))
        {
            return "a boolean";
        }
        return "a string";
    }
}
