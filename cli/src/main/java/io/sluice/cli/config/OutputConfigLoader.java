package io.sluice.cli.config;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.ConfigException;
import io.sluice.config.OutputConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The front door of the {@code output} configuration: the {@code --config} YAML file and the {@code --output} flags,
 * merged into one tree (a flag replaces the same key from the file, and may add destinations and streams), then
 * validated and resolved by the same rules into an immutable {@link OutputConfig}. See {@code docs/config.md}.
 */
public final class OutputConfigLoader
{
    private OutputConfigLoader()
    {
    }

    /**
     * @param yamlFile      the {@code --config} file, or null.
     * @param outputFlags   the raw value of every {@code --output} flag, in order.
     * @param knownPolicies the names of the policies in force (the only names {@code filters.policies} may use).
     * @param warnings      receives warnings, such as a buffer size rounded up to a power of two.
     * @return the validated model.
     * @throws ConfigException naming origin (file:line or {@code --output <flag>}), field and value.
     */
    public static OutputConfig load(
        final Path yamlFile, final List<String> outputFlags, final Set<String> knownPolicies,
        final List<String> warnings)
    {
        return load(yamlFile, outputFlags, knownPolicies, warnings, new ServerSettings());
    }

    /**
     * As {@link #load(Path, List, Set, List)}, also reading the file's {@code server} section.
     *
     * @param yamlFile      the {@code --config} file, or null.
     * @param outputFlags   the raw value of every {@code --output} flag, in order.
     * @param knownPolicies the names of the policies in force.
     * @param warnings      receives warnings.
     * @param server        receives the file's {@code server} section.
     * @return the validated model.
     */
    public static OutputConfig load(
        final Path yamlFile, final List<String> outputFlags, final Set<String> knownPolicies,
        final List<String> warnings, final ServerSettings server)
    {
        final List<String> sink = warnings == null ? new ArrayList<>() : warnings;
        final RawOutputTree tree = new RawOutputTree();
        tree.server = server;
        if (yamlFile != null)
        {
            YamlOutputReader.read(yamlFile, tree, sink);
        }
        OutputFlagParser.apply(outputFlags == null ? List.of() : outputFlags, tree);
        return OutputConfigResolver.resolve(tree, EventCatalog.standard(),
            knownPolicies == null ? Set.of() : knownPolicies, sink);
    }
}
