package io.sluice.cli.config;

import io.sluice.config.ConfigException;
import io.sluice.config.YamlSyntax;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a {@code --config} YAML (or JSON) file, Sluice's or a whole Tracee config: its {@code output} section into a
 * {@link RawOutputTree}, Tracee's sections without a Sluice equivalent named in one warning ({@link TraceeSections}).
 * Checks the layout and value types only: unknown keys, a list where a string is expected, a size that is no integer.
 * A destination key it does not know is kept, flattened to a dotted key, for the destination's type to accept or refuse.
 * Every error names the file and line ({@code config.yaml:12}), the dotted field and the value.
 */
final class YamlOutputReader
{
    private static final Set<String> STREAM_KEYS = Set.of("name", "destinations", "filters", "buffer");
    /** Keys of Tracee's output section before streams ({@code output.json.files} ...). */
    private static final Set<String> TRACEE_LEGACY_KEYS =
        Set.of("json", "table", "table-verbose", "gotemplate", "forward", "webhook", "none");

    private final String file;
    private final RawOutputTree tree;
    private final List<String> warnings;
    private final YamlNodes nodes;

    private YamlOutputReader(final String file, final RawOutputTree tree, final List<String> warnings)
    {
        this.file = file;
        this.tree = tree;
        this.warnings = warnings;
        this.nodes = new YamlNodes(file);
    }

    /**
     * @param yamlFile the {@code --config} file.
     * @param tree     where its settings go.
     * @throws ConfigException when the file cannot be read, is not YAML, or does not have the expected layout.
     */
    static void read(final Path yamlFile, final RawOutputTree tree)
    {
        read(yamlFile, tree, new ArrayList<>());
    }

    /**
     * @param yamlFile the {@code --config} file.
     * @param tree     where its settings go.
     * @param warnings receives one line naming the Tracee sections Sluice has no equivalent for, and deprecations.
     * @throws ConfigException when the file cannot be read, is not YAML, or does not have the expected layout.
     */
    static void read(final Path yamlFile, final RawOutputTree tree, final List<String> warnings)
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
            final YamlSyntax syntax = YamlSyntax.of(file, ex);
            throw new ConfigException(syntax.where(), "YAML syntax", null, syntax.problem());
        }
        catch (final YAMLException ex)
        {
            throw new ConfigException(file, "YAML syntax", null, ex.getMessage());
        }
        new YamlOutputReader(file, tree, warnings).readRoot(root);
    }

    /**
     * The top-level sections: each one Sluice reads has its reader in the table below (one line each); Tracee's other
     * sections are named once in one warning and ignored; any other key is an error.
     */
    private void readRoot(final Node root)
    {
        if (root == null || YamlNodes.isNull(root))
        {
            return;
        }
        final Map<String, Consumer<Node>> sections = new LinkedHashMap<>();
        sections.put("output", this::readOutput);
        sections.put("server", value -> ServerSectionReader.read(file, value, tree.server));
        sections.put("logging", value -> LoggingSection.read(file, value));
        final TraceeSections ignored = new TraceeSections(file);
        for (final Map.Entry<String, NodeTuple> entry : nodes.mapping(root, "(document)").entrySet())
        {
            final Node key = entry.getValue().getKeyNode();
            final Consumer<Node> reader = sections.get(entry.getKey());
            if (reader != null)
            {
                reader.accept(entry.getValue().getValueNode());
            }
            else if (!ignored.add(entry.getKey(), key.getStartMark().getLine() + 1))
            {
                throw new ConfigException(nodes.where(key), entry.getKey(), null, "unknown section (expected "
                    + String.join(", ", sections.keySet()) + ", or one of Tracee's: " + TraceeSections.names() + ")");
            }
        }
        ignored.warn(warnings);
    }

    /**
     * {@code output}: Tracee's list of flags ({@code [json]}, {@code ["destinations.x.type=file", ...]}, read by the
     * same parser as {@code --output}), or the mapping of destinations, streams and the options at its top
     * ({@code sort-events: true}, {@code none: true}; under {@code options:} still accepted, with a deprecation note).
     */
    private void readOutput(final Node node)
    {
        if (YamlNodes.isNull(node))
        {
            return;
        }
        if (node instanceof SequenceNode)
        {
            readListForm(node);
            return;
        }
        for (final Map.Entry<String, NodeTuple> entry : nodes.mapping(node, "output").entrySet())
        {
            final String key = entry.getKey();
            final String field = "output." + key;
            final Node value = entry.getValue().getValueNode();
            final Node keyNode = entry.getValue().getKeyNode();
            switch (key)
            {
                case "destinations" -> new YamlDestinationReader(nodes, tree).read(value, field);
                case "streams" -> readStreams(value, field);
                case "options" -> readOptions(value, field);
                case "none" -> readNone(value, field);
                default ->
                {
                    if (RawOutputTree.isOption(key) || RawOutputTree.TRACEE_ONLY_OPTIONS.contains(key))
                    {
                        readOption(keyNode, value, key, field);
                    }
                    else if (TRACEE_LEGACY_KEYS.contains(key))
                    {
                        throw new ConfigException(nodes.where(keyNode), field, null,
                            "unknown key (Tracee's layout before streams is not supported: declare output.destinations)");
                    }
                    else
                    {
                        throw nodes.unknownKey(keyNode, field, "destinations, streams, none, " + String.join(", ",
                            RawOutputTree.OPTIONS) + ", options (deprecated)");
                    }
                }
            }
        }
    }

    private void readListForm(final Node node)
    {
        final List<Node> items = nodes.sequence(node, "output");
        for (int i = 0; i < items.size(); i++)
        {
            final String field = "output[" + i + "]";
            tree.listForm.add(RawValue.of(nodes.scalarText(items.get(i), field), new Source(nodes.where(items.get(i)), field)));
        }
    }

    private void readNone(final Node value, final String field)
    {
        if (!YamlNodes.isNull(value) && nodes.bool(value, field).value())
        {
            tree.none = RawValue.of("none", new Source(nodes.where(value), field));
        }
    }

    private void readStreams(final Node node, final String field)
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
            nodes.checkKeys(entries, itemField, STREAM_KEYS, "name, destinations, filters, buffer");
            final String name = nodes.requiredName(items.get(i), entries, itemField);
            final String previous = seen.put(name, itemField);
            if (previous != null)
            {
                throw new ConfigException(nodes.where(entries.get("name").getValueNode()), itemField + ".name", name,
                    "duplicate stream name (also " + previous + ")");
            }
            final RawStream stream = tree.stream(name, new Source(nodes.where(items.get(i)), itemField),
                new Source(nodes.where(entries.get("name").getValueNode()), itemField + ".name"));
            stream.destinations = nodes.optionalList(entries, "destinations", itemField);
            readFilters(stream, entries.get("filters"), itemField + ".filters");
            readBuffer(stream, entries.get("buffer"), itemField + ".buffer");
        }
    }

    private void readFilters(final RawStream stream, final NodeTuple tuple, final String field)
    {
        if (tuple == null || YamlNodes.isNull(tuple.getValueNode()))
        {
            return;
        }
        final Map<String, NodeTuple> entries = nodes.mapping(tuple.getValueNode(), field);
        nodes.checkKeys(entries, field, Set.of("events", "policies", "allow", "deny", "redact", "fields"),
            "events, policies, allow, deny, redact, fields");
        stream.events = nodes.optionalList(entries, "events", field);
        stream.policies = nodes.optionalList(entries, "policies", field);
        stream.allow = nodes.optionalList(entries, "allow", field);
        stream.deny = nodes.optionalList(entries, "deny", field);
        stream.redact = nodes.optionalList(entries, "redact", field);
        stream.fields = nodes.optionalList(entries, "fields", field);
    }

    private void readBuffer(final RawStream stream, final NodeTuple tuple, final String field)
    {
        if (tuple == null || YamlNodes.isNull(tuple.getValueNode()))
        {
            return;
        }
        final Map<String, NodeTuple> entries = nodes.mapping(tuple.getValueNode(), field);
        nodes.checkKeys(entries, field, Set.of("mode", "size"), "mode, size");
        stream.mode = nodes.optionalString(entries, "mode", field);
        final NodeTuple size = entries.get("size");
        if (size != null && !YamlNodes.isNull(size.getValueNode()))
        {
            stream.size = nodes.integer(size.getValueNode(), field + ".size");
        }
    }

    /** The options under {@code output.options}, Sluice's and Tracee's older layout: read, with one deprecation note. */
    private void readOptions(final Node node, final String field)
    {
        if (YamlNodes.isNull(node))
        {
            return;
        }
        final Map<String, NodeTuple> entries = nodes.mapping(node, field);
        if (!entries.isEmpty())
        {
            warnings.add(nodes.where(node) + ": output.options is deprecated: write the options at the top of output, as "
                + "current Tracee does (output.sort-events: true)");
        }
        for (final Map.Entry<String, NodeTuple> entry : entries.entrySet())
        {
            final String key = entry.getKey();
            final Node keyNode = entry.getValue().getKeyNode();
            if (!RawOutputTree.isOption(key) && !RawOutputTree.TRACEE_ONLY_OPTIONS.contains(key))
            {
                throw nodes.unknownKey(keyNode, field + "." + key, String.join(", ", RawOutputTree.OPTIONS));
            }
            readOption(keyNode, entry.getValue().getValueNode(), key, field + "." + key);
        }
    }

    private void readOption(final Node keyNode, final Node value, final String key, final String field)
    {
        if (RawOutputTree.TRACEE_ONLY_OPTIONS.contains(key))
        {
            throw new ConfigException(nodes.where(keyNode), field, null, "not available yet");
        }
        if (!YamlNodes.isNull(value))
        {
            tree.options.put(key, nodes.bool(value, field));
        }
    }
}
