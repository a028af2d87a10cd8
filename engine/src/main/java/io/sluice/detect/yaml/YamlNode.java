package io.sluice.detect.yaml;

import io.sluice.config.ConfigException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One node of a detector file as SnakeYAML composed it, with its path ({@code requirements.events[0].name}) and its
 * line, so that every error names the file, the line, the field and the value.
 *
 * @param file the file, as named on the command line.
 * @param path where the node is in the document.
 * @param node the node.
 */
record YamlNode(String file, String path, Node node)
{
    /** @return {@code file:line} of the node. */
    String origin()
    {
        return file + ":" + (node.getStartMark().getLine() + 1);
    }

    /** @return a one-line error about this node. */
    ConfigException error(final String value, final String problem)
    {
        return new ConfigException(origin(), path, value, problem);
    }

    /** @return the mapping's entries by key, in file order; an error when the node is no mapping or has a key not allowed. */
    Map<String, YamlNode> mapping(final Set<String> allowed)
    {
        if (!(node instanceof MappingNode map))
        {
            throw error(null, "expected a mapping (key: value lines)");
        }
        final Map<String, YamlNode> entries = new LinkedHashMap<>();
        for (final NodeTuple tuple : map.getValue())
        {
            final String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "?";
            final String child = path.isEmpty() ? key : path + "." + key;
            final YamlNode keyNode = new YamlNode(file, child, tuple.getKeyNode());
            if (!allowed.contains(key))
            {
                throw keyNode.error(key, "unknown key (expected one of " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
            entries.put(key, new YamlNode(file, child, tuple.getValueNode()));
        }
        return entries;
    }

    /** @return the scalar's text; an error for a list or a mapping. */
    String text()
    {
        if (!(node instanceof ScalarNode scalar))
        {
            throw error(null, "expected a single value");
        }
        return scalar.getValue();
    }

    /** @return the scalar's text, an error when it is empty. */
    String required()
    {
        final String text = text();
        if (text.isBlank())
        {
            throw error(text, "must not be empty");
        }
        return text;
    }

    /** @return true or false; an error for anything else. */
    boolean bool()
    {
        final String text = text();
        if (!text.equals("true") && !text.equals("false"))
        {
            throw error(text, "expected true or false");
        }
        return Boolean.parseBoolean(text);
    }

    /** @return the sequence's items (a null value is an empty list); an error when the node is no sequence. */
    List<YamlNode> items()
    {
        if (node instanceof ScalarNode scalar && scalar.getValue().isEmpty())
        {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence))
        {
            throw error(null, "expected a list");
        }
        final List<YamlNode> items = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++)
        {
            items.add(new YamlNode(file, path + "[" + i + "]", sequence.getValue().get(i)));
        }
        return items;
    }

    /** @return the sequence's items as text. */
    List<String> texts()
    {
        return items().stream().map(YamlNode::text).toList();
    }
}
