package io.sluice.cli.config;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.BufferMode;
import io.sluice.config.DestinationConfig;
import io.sluice.config.OutputConfig;
import io.sluice.config.OutputOptions;
import io.sluice.config.StreamConfig;
import io.sluice.destination.FileDestination;
import io.sluice.output.DestinationKinds;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates the merged {@link RawOutputTree} and resolves it into the immutable {@link OutputConfig}: {@code none},
 * the default output, names, destinations, explicit streams, then the implicit streams ({@code default-stream} for
 * the short forms, {@code <destination>-stream} for each destination no stream names).
 */
final class OutputConfigResolver
{
    /** The implicit stream of the short {@code --output} forms (and of the default output). */
    static final String DEFAULT_STREAM = "default-stream";
    /** The destination used when nothing at all is configured: {@code --output table}. */
    static final String DEFAULT_DESTINATION = "table-1";

    private OutputConfigResolver()
    {
    }

    /**
     * @param tree          the merged file and flags.
     * @param catalog       the events filters may name.
     * @param knownPolicies the policies filters may name.
     * @param warnings      where warnings go.
     * @return the validated model.
     * @throws io.sluice.config.ConfigException for the first rule broken.
     */
    static OutputConfig resolve(final RawOutputTree tree, final EventCatalog catalog, final Set<String> knownPolicies,
        final List<String> warnings)
    {
        final OutputOptions options = options(tree);
        if (tree.none != null)
        {
            checkNoneAlone(tree);
            return new OutputConfig(List.of(), List.of(), options);
        }
        if (tree.hasNoOutput())
        {
            addDefaultDestination(tree);
        }

        final Map<String, DestinationConfig> destinations = destinations(tree);
        final boolean anyShortForm = tree.destinations.values().stream().anyMatch(RawDestination::isShortForm);
        final Map<String, String> owners = new HashMap<>();
        for (final RawDestination destination : tree.destinations.values())
        {
            if (destination.isShortForm())
            {
                owners.put(destination.name, DEFAULT_STREAM);
            }
        }

        final List<StreamConfig> streams = new ArrayList<>();
        final StreamResolver resolver =
            new StreamResolver(destinations.keySet(), owners, catalog, knownPolicies, warnings);
        for (final RawStream stream : tree.streams.values())
        {
            Names.check(stream.name, stream.nameSource, "stream");
            if (anyShortForm && stream.name.equals(DEFAULT_STREAM))
            {
                throw stream.nameSource.error(stream.name,
                    "this stream name is reserved for the short --output forms (json, table, json:PATH ...)");
            }
            streams.add(resolver.resolve(stream));
        }
        streams.addAll(implicitStreams(tree, owners, streams));
        return new OutputConfig(List.copyOf(destinations.values()), List.copyOf(streams), options);
    }

    private static OutputOptions options(final RawOutputTree tree)
    {
        return new OutputOptions(option(tree, "sort-events"), option(tree, "exec-env"), option(tree, "parse-arguments"),
            option(tree, "stack-addresses"));
    }

    private static boolean option(final RawOutputTree tree, final String name)
    {
        final RawValue<Boolean> value = tree.options.get(name);
        return value != null && value.value();
    }

    private static void checkNoneAlone(final RawOutputTree tree)
    {
        final Source none = tree.none.source();
        for (final RawDestination destination : tree.destinations.values())
        {
            throw none.error(null, "cannot be combined with other destinations (destination '" + destination.name
                + "' from " + destination.declaredAt.origin() + ")");
        }
        for (final RawStream stream : tree.streams.values())
        {
            throw none.error(null, "cannot be combined with streams (stream '" + stream.name + "' from "
                + stream.declaredAt.origin() + ")");
        }
    }

    private static void addDefaultDestination(final RawOutputTree tree)
    {
        final Source source = new Source("(default)", "output");
        final RawDestination destination = new RawDestination(DEFAULT_DESTINATION, source, source, "table");
        destination.type = RawValue.of("file", source);
        destination.format = RawValue.of("table", source);
        destination.path = RawValue.of(FileDestination.STDOUT, source);
        tree.destinations.put(destination.name, destination);
    }

    private static Map<String, DestinationConfig> destinations(final RawOutputTree tree)
    {
        final Map<String, DestinationConfig> destinations = new LinkedHashMap<>();
        final Map<String, String> pathOwners = new HashMap<>();
        for (final RawDestination raw : tree.destinations.values())
        {
            Names.check(raw.name, raw.nameSource, "destination");
            final DestinationConfig destination = DestinationKinds.resolve(raw);
            // a destination with no path (a webhook posts to a url) shares no file with another
            final String previous = destination.path() == null ? null :
                pathOwners.putIfAbsent(pathKey(destination.path(), raw), raw.name);
            if (previous != null)
            {
                final RawValue<String> path = raw.path != null ? raw.path
                    : RawValue.of(destination.path(), raw.declaredAt.withField(raw.declaredAt.field() + ".path"));
                throw path.error("already the path of destination '" + previous
                    + "' (two destinations cannot write to the same file)");
            }
            destinations.put(raw.name, destination);
        }
        return destinations;
    }

    private static String pathKey(final String path, final RawDestination raw)
    {
        if (FileDestination.isStandardStream(path))
        {
            return path;
        }
        try
        {
            return Path.of(path).toAbsolutePath().normalize().toString();
        }
        catch (final InvalidPathException ex)
        {
            throw raw.path.error("not a valid path (" + ex.getReason() + ")");
        }
    }

    private static List<StreamConfig> implicitStreams(final RawOutputTree tree, final Map<String, String> owners,
        final List<StreamConfig> explicit)
    {
        final Set<String> taken = new HashSet<>();
        explicit.forEach(stream -> taken.add(stream.name()));
        final List<String> shortForms = new ArrayList<>();
        for (final RawDestination destination : tree.destinations.values())
        {
            if (destination.isShortForm())
            {
                shortForms.add(destination.name);
            }
        }
        if (!shortForms.isEmpty())
        {
            taken.add(DEFAULT_STREAM);
        }
        final List<StreamConfig> implicit = new ArrayList<>();
        boolean defaultStreamAdded = false;
        for (final RawDestination destination : tree.destinations.values())
        {
            if (destination.isShortForm())
            {
                if (!defaultStreamAdded)
                {
                    implicit.add(implicitStream(DEFAULT_STREAM, shortForms));
                    defaultStreamAdded = true;
                }
            }
            else if (!owners.containsKey(destination.name))
            {
                final String name = uniqueName(destination.name + "-stream", taken);
                taken.add(name);
                implicit.add(implicitStream(name, List.of(destination.name)));
            }
        }
        return implicit;
    }

    private static StreamConfig implicitStream(final String name, final List<String> destinations)
    {
        return new StreamConfig(name, List.copyOf(destinations), List.of(), List.of(), BufferMode.BLOCK,
            StreamConfig.DEFAULT_BUFFER_SIZE, true);
    }

    private static String uniqueName(final String base, final Set<String> taken)
    {
        if (!taken.contains(base))
        {
            return base;
        }
        int n = 2;
        while (taken.contains(base + "-" + n))
        {
            n++;
        }
        return base + "-" + n;
    }
}
