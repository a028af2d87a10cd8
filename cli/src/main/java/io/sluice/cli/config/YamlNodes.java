package io.sluice.cli.config;

import io.sluice.config.ConfigException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Typed access to the nodes of one {@code --config} file, shared by its section readers: every value is checked for
 * its type and every error names the file and line ({@code config.yaml:12}), the dotted field and the value.
 */
final class YamlNodes
{
    private final String file;

    /**
     * @param file the file's name, as errors print it.
     */
    YamlNodes(final String file)
    {
        this.file = file;
    }

    String requiredName(final Node item, final Map<String, NodeTuple> entries, final String itemField)
    {
        final NodeTuple name = entries.get("name");
        if (name == null || isNull(name.getValueNode()))
        {
            throw new ConfigException(where(item), itemField + ".name", null, "missing (every entry needs a name)");
        }
        return scalarText(name.getValueNode(), itemField + ".name");
    }

    RawValue<String> optionalString(final Map<String, NodeTuple> entries, final String key, final String parent)
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

    RawList optionalList(final Map<String, NodeTuple> entries, final String key, final String parent)
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
    String scalarText(final Node node, final String field)
    {
        if (!(node instanceof ScalarNode scalar) || isNull(node))
        {
            throw typeError(node, field, "a string");
        }
        return scalar.getValue();
    }

    RawValue<Long> integer(final Node node, final String field)
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

    RawValue<Boolean> bool(final Node node, final String field)
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

    List<Node> sequence(final Node node, final String field)
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
    Map<String, NodeTuple> mapping(final Node node, final String field)
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

    void checkKeys(final Map<String, NodeTuple> entries, final String field, final Set<String> known,
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

    ConfigException unknownKey(final Node keyNode, final String field, final String expected)
    {
        return new ConfigException(where(keyNode), field, null, "unknown key (expected one of: " + expected + ")");
    }

    ConfigException typeError(final Node node, final String field, final String expected)
    {
        final String value = node instanceof ScalarNode scalar && !isNull(node) ? scalar.getValue() : null;
        return new ConfigException(where(node), field, value, "expected " + expected + ", got " + describe(node));
    }

    String where(final Node node)
    {
        return file + ":" + (node.getStartMark().getLine() + 1);
    }

    static String childField(final String field, final String key)
    {
        return field.equals("(document)") ? key : field + "." + key;
    }

    static boolean isNull(final Node node)
    {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    static String describe(final Node node)
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
