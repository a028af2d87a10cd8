package io.sluice.detect.yaml;

import io.sluice.codec.catalog.ArgDefinition;
import io.sluice.codec.catalog.ArgType;
import io.sluice.codec.catalog.Capture;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.config.ConfigException;
import io.sluice.config.YamlSyntax;
import io.sluice.detect.CatalogDetectors;
import io.sluice.detect.Detector;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code --detectors FILE|DIR}: Tracee's YAML detectors ({@code type: detector}) and shared lists
 * ({@code type: string_list}) read from files, or from the top level of directories, compiled once at start-up. Their
 * events get catalog ids after the last one, in a catalog made for the run, with which the detectors are registered
 * ({@link CatalogDetectors}): policies, {@code threat.*} patterns, stream filters and {@code sluice list} find them as
 * they find the detectors Sluice ships. Any error is one line naming the file, line, field and value.
 */
public final class YamlDetectors
{
    private static final Set<String> LIST_KEYS = Set.of("type", "name", "values");
    private static final Map<String, ArgType> TYPES = Map.of("string", ArgType.STR, "int32", ArgType.INT32, "int64", ArgType.INT64,
        "uint32", ArgType.U_INT32, "uint64", ArgType.U_INT64, "bool", ArgType.BOOL, "bytes", ArgType.BYTES);

    private YamlDetectors()
    {
    }

    /**
     * @param paths files or directories, as given.
     * @param base  the catalog to extend (the shipped one).
     * @return the base catalog when no path is given, else a new catalog with the detectors' events, their detectors
     *         registered with it.
     * @throws ConfigException for a file that cannot be read or any bad detector or list.
     */
    public static EventCatalog load(final List<String> paths, final EventCatalog base)
    {
        if (paths.isEmpty())
        {
            return base;
        }
        final List<YamlDetectorSpec> specs = new ArrayList<>();
        final Map<String, List<String>> lists = new TreeMap<>();
        for (final Path file : files(paths))
        {
            read(read(file), specs, lists);
        }
        final List<EventDefinition> events = new ArrayList<>();
        int id = base.maxId();
        final Map<String, YamlDetectorSpec> byName = new LinkedHashMap<>();
        final Set<String> ids = new java.util.HashSet<>();
        for (final YamlDetectorSpec spec : specs)
        {
            if (base.byName(spec.eventName()) != null || byName.containsKey(spec.eventName()))
            {
                throw spec.eventNode().error(spec.eventName(), "an event of that name exists already");
            }
            if (!ids.add(spec.id()))
            {
                throw spec.idNode().error(spec.id(), "another detector has that id");
            }
            byName.put(spec.eventName(), spec);
            final List<ArgDefinition> args = spec.fields().stream().map(field -> new ArgDefinition(field.name(), argType(field.type())))
                .toList();
            // produced_event.tags are its sets, as Tracee's tags are: `tag=execution` selects it
            final List<String> sets = new ArrayList<>(List.of("signatures"));
            spec.tags().stream().filter(tag -> !sets.contains(tag)).forEach(sets::add);
            events.add(new EventDefinition(++id, spec.eventName(), args, Map.of(), List.copyOf(sets), Capture.byDefault(id, false)));
        }
        final EventCatalog catalog = base.with(events);
        final YamlDetectorCompiler compiler = new YamlDetectorCompiler(catalog, new TraceeCel(lists));
        final List<Detector> detectors = new ArrayList<>();
        specs.forEach(spec -> detectors.add(compiler.compile(spec)));
        CatalogDetectors.register(catalog, detectors);
        return catalog;
    }

    static ArgType argType(final String type)
    {
        return TYPES.get(type);
    }

    private static void read(final YamlNode root, final List<YamlDetectorSpec> specs, final Map<String, List<String>> lists)
    {
        final Node typeNode = typeOf(root);
        final String type = typeNode == null ? "" : new YamlNode(root.file(), "type", typeNode).text().toLowerCase(Locale.ROOT);
        switch (type)
        {
            case "detector" -> specs.add(YamlDetectorParser.parse(root));
            case "string_list" ->
            {
                final Map<String, YamlNode> list = root.mapping(LIST_KEYS);
                final YamlNode name = list.get("name");
                if (name == null || !name.text().matches("[A-Z][A-Z0-9_]*"))
                {
                    throw (name == null ? root : name).error(name == null ? null : name.text(),
                        "a list needs a name in upper case snake_case (SHELL_BINARIES)");
                }
                if (lists.put(name.text(), list.containsKey("values") ? list.get("values").texts() : List.of()) != null)
                {
                    throw name.error(name.text(), "another list has that name");
                }
            }
            default -> throw (typeNode == null ? root : new YamlNode(root.file(), "type", typeNode))
                .error(typeNode == null ? null : type, "missing or unknown 'type' (expected detector or string_list)");
        }
    }

    private static Node typeOf(final YamlNode root)
    {
        if (root.node() instanceof org.yaml.snakeyaml.nodes.MappingNode map)
        {
            for (final org.yaml.snakeyaml.nodes.NodeTuple tuple : map.getValue())
            {
                if (tuple.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode key && key.getValue().equals("type"))
                {
                    return tuple.getValueNode();
                }
            }
        }
        return null;
    }

    private static List<Path> files(final List<String> paths)
    {
        final List<Path> files = new ArrayList<>();
        for (final String written : paths)
        {
            final Path path = Path.of(written);
            if (Files.isDirectory(path))
            {
                try (var entries = Files.list(path))
                {
                    entries.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                        .sorted().forEach(files::add);
                }
                catch (final IOException ex)
                {
                    throw new ConfigException(written, "--detectors", null, "cannot read the directory: " + ex.getMessage());
                }
            }
            else if (Files.isRegularFile(path))
            {
                files.add(path);
            }
            else
            {
                throw new ConfigException(written, "--detectors", null, "no such file or directory");
            }
        }
        return files;
    }

    private static YamlNode read(final Path file)
    {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            final Node node = new Yaml(new LoaderOptions()).compose(reader);
            if (node == null)
            {
                throw new ConfigException(file.toString(), "type", null, "the file is empty");
            }
            return new YamlNode(file.toString(), "", node);
        }
        catch (final MarkedYAMLException ex)
        {
            final YamlSyntax syntax = YamlSyntax.of(file.toString(), ex);
            throw new ConfigException(syntax.where(), "yaml", null, syntax.problem());
        }
        catch (final YAMLException | IOException ex)
        {
            throw new ConfigException(file.toString(), "yaml", null, ex.getMessage());
        }
    }
}
